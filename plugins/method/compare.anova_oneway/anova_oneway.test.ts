import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('compare.anova_oneway');

function makeInput(y: ColumnData, g: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise([y, g]);
  return { roles: { outcome: lw.cols[0], group: lw.cols[1] }, options: { var_equal: true, ...options }, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(numericColumn(d, c.roles.outcome), categoricalColumn(d, c.roles.group), c.options);
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('compare.anova_oneway vs R aov / oneway.test', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.outcome} ~ ${c.roles.group} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      const { method: _m, ...tidy } = c.tidy;
      expectClose(out.tables.tidy.rows[0], { ...tidy, eta_squared: c.eta_squared }, 1e-6, 'tidy');
      expectClose(out.tables.anova.rows, c.anova, 1e-6, 'anova');
      expectClose(out.tables.groups.rows, c.groups, 1e-6, 'groups');
      const lev = out.assumptions.find((a: any) => a.name.startsWith('Equal variances'));
      expectClose({ statistic: lev.statistic, p_value: lev.p_value }, { statistic: c.levene.statistic, p_value: c.levene.p_value }, 1e-6, 'levene');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThan(2);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }

  it('reads like a paper sentence', () => {
    const input = inputFor(fx.cases[5]); // ToothGrowth len ~ dose
    const text = interpret(asResult(run(testContext, input), input), input);
    expect(text.en[1]).toBe('Mean len differed between dose groups (F(2, 57) = 67.4, p < 0.001; η² = 0.70).');
    expect(text.zh[1]).toContain('F(2, 57) = 67.4');
  });

  it('rCode writes aov and oneway.test', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'weight', group: 'feed' }, options: { var_equal: false } });
    expect(code).toContain('fit <- aov(weight ~ feed, data = d)');
    expect(code).toContain('oneway.test(weight ~ feed, data = d, var.equal = FALSE)');
  });
});

describe('compare.anova_oneway input checks', () => {
  const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from([1, 2, 3, 4, 5]) };
  it('one group is refused', () => {
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a'], codes: new Int32Array(5) };
    const issues = validate(makeInput(y, g));
    expect(issues.map((i) => i.code)).toEqual(['too_few_groups']);
    expect(issues[0].message.zh).toContain('至少需要 2 个组');
  });
  it('Welch needs two observations per group', () => {
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a', 'b'], codes: Int32Array.from([0, 0, 0, 0, 1]) };
    const issues = validate(makeInput(y, g, { var_equal: false }));
    expect(issues.map((i) => i.code)).toEqual(['group_too_small']);
    expect(validate(makeInput(y, g))).toEqual([]);
  });
  it('constant data gives null F with a warning', () => {
    const yc: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from([2, 2, 2, 2, 2, 2]) };
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a', 'b', 'c'], codes: Int32Array.from([0, 0, 1, 1, 2, 2]) };
    const out = run(testContext, makeInput(yc, g)) as any;
    expect(out.tables.tidy.rows[0].statistic).toBeNull();
    expect(out.warnings.map((w: any) => w.code)).toContain('constant_data');
    expect(JSON.stringify(out)).not.toMatch(/NaN/);
  });
});
