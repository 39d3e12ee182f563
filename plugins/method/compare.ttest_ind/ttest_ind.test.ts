import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { autoColumn, categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('compare.ttest_ind');

function makeInput(y: ColumnData, g: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise([y, g]);
  return {
    roles: { outcome: lw.cols[0], group: lw.cols[1] },
    options: { var_equal: false, alternative: 'two.sided', conf_level: 0.95, mu: 0, ...options },
    n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used },
  };
}

function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(numericColumn(d, c.roles.outcome), autoColumn(d, c.roles.group), c.options);
}

function asResult(out: ReturnType<typeof run>, input: RunInput): Result {
  return { plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...(out as any) };
}

describe('compare.ttest_ind vs R t.test', () => {
  for (const c of fx.cases) {
    const label = `${c.data}: ${c.roles.outcome} ~ ${c.roles.group} ${JSON.stringify(c.options)}`;
    it(label, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as Exclude<ReturnType<typeof run>, Promise<unknown>>;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy[0]');
      expectClose(out.tables.groups.rows, c.groups, 1e-6, 'groups');
      const f = out.assumptions.find((a) => a.name.startsWith('Equal variances'))!;
      expectClose({ statistic: f.statistic, p_value: f.p_value }, { statistic: c.var_test.statistic, p_value: c.var_test.p_value }, 1e-6, 'var_test');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const result = asResult(out, input);
      const text = interpret(result, input);
      expect(text.en.length).toBeGreaterThan(2);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }

  it('figure is a Vega-Lite v6 box plot of R\'s boxplot.stats, with every point at small n', () => {
    const out = run(testContext, inputFor(fx.cases[0])) as any;
    const spec = out.figures[0].spec;
    expect(spec.$schema).toContain('vega-lite/v6');
    const boxes = spec.layer[1].data.values;
    expect(boxes.map((b: { group: string }) => b.group)).toEqual(['1', '2']);
    // R: boxplot.stats(sleep$extra[sleep$group == 1])$stats
    expect([boxes[0].lower, boxes[0].q1, boxes[0].median, boxes[0].q3, boxes[0].upper]).toEqual([-1.6, -0.2, 0.35, 2, 3.7]);
    expect(spec.layer[3].data.values).toHaveLength(20);
  });

  it('rCode writes the t.test call with all options', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'len', group: 'supp' }, options: { var_equal: true, alternative: 'less', conf_level: 0.9, mu: 2 } });
    expect(code).toContain('t.test(len ~ supp, data = d, var.equal = TRUE, alternative = "less", conf.level = 0.9, mu = 2)');
    const def = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'my outcome', group: 'arm' } });
    expect(def).toContain('t.test(`my outcome` ~ arm, data = d, var.equal = FALSE, alternative = "two.sided", conf.level = 0.95, mu = 0)');
  });
});

describe('compare.ttest_ind input checks', () => {
  const d = loadCsv('iris');
  it('rejects a group with three levels', () => {
    const issues = validate(makeInput(numericColumn(d, 'Sepal.Length'), categoricalColumn(d, 'Species')));
    expect(issues.map((i) => i.code)).toEqual(['group_not_two_levels']);
    expect(issues[0].message.en).toContain('exactly 2 groups');
    expect(issues[0].message.zh).toContain('恰好有 2 个组');
  });
  it('rejects a group with a single observation', () => {
    const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from([1, 2, 3, 4]) };
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a', 'b'], codes: Int32Array.from([0, 0, 0, 1]) };
    const issues = validate(makeInput(y, g));
    expect(issues.map((i) => i.code)).toEqual(['group_too_small']);
    expect(issues[0].message.en).toMatch(/“b” has 1 observation/);
    expect(issues[0].message.zh).toMatch(/至少 2 个/);
  });
  it('constant data: null statistic and a warning, never NaN', () => {
    const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from([5, 5, 5, 5, 5, 5]) };
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a', 'b'], codes: Int32Array.from([0, 0, 0, 1, 1, 1]) };
    const input = makeInput(y, g);
    expect(validate(input)).toEqual([]);
    const out = run(testContext, input) as any;
    expect(out.tables.tidy.rows[0].statistic).toBeNull();
    expect(out.tables.tidy.rows[0].p_value).toBeNull();
    expect(out.warnings.map((w: any) => w.code)).toContain('constant_data');
    expect(JSON.stringify(out)).not.toMatch(/NaN/);
    const text = interpret(asResult(out, input), input);
    expect(text.en.join(' ')).toContain('undefined');
  });
});
