import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('compare.ttest_paired');

function makeInput(x: ColumnData, y: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise([x, y]);
  return {
    roles: { x: lw.cols[0], y: lw.cols[1] },
    options: { mu: 0, alternative: 'two.sided', conf_level: 0.95, ...options },
    n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used },
  };
}
const num = (name: string, values: number[]): ColumnData => ({ kind: 'numeric', name, type: 'numeric', values: Float64Array.from(values) });
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(numericColumn(d, c.roles.x), numericColumn(d, c.roles.y), c.options);
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('compare.ttest_paired vs R t.test(x, y, paired = TRUE)', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.x} − ${c.roles.y} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expectClose(out.tables.summary.rows, c.summary, 1e-6, 'summary');
      const sw = out.assumptions[0];
      expectClose({ statistic: sw.statistic, p_value: sw.p_value }, c.shapiro, 1e-6, 'shapiro');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThan(2);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }

  it('figures: differences with a rule at μ, and one line per pair', () => {
    const out = run(testContext, inputFor(fx.cases[0])) as any;
    const [box, pairs] = out.figures;
    expect(box.spec.$schema).toContain('vega-lite/v6');
    expect(box.spec.layer.at(-1).mark.type).toBe('rule');
    expect(pairs.spec.data.values).toHaveLength(20);
  });

  it('rCode writes the paired t.test call', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { x: 'Postwt', y: 'Prewt' }, options: { mu: 1, alternative: 'greater', conf_level: 0.9 } });
    expect(code).toContain('t.test(d$Postwt, d$Prewt, paired = TRUE, mu = 1, alternative = "greater", conf.level = 0.9)');
  });
});

describe('compare.ttest_paired input checks', () => {
  it('rejects fewer than 2 complete pairs', () => {
    const issues = validate(makeInput(num('a', [1, NaN, 3]), num('b', [2, 4, NaN])));
    expect(issues.map((i) => i.code)).toEqual(['too_few_pairs']);
    expect(issues[0].message.en).toContain('1 complete pair');
    expect(issues[0].message.zh).toContain('至少需要 2 对');
  });
  it('zero variance of the differences: null statistic and a warning, never NaN', () => {
    const input = makeInput(num('a', [1, 2, 3, 4]), num('b', [0, 1, 2, 3]));
    expect(validate(input)).toEqual([]);
    const out = run(testContext, input) as any;
    const t = out.tables.tidy.rows[0];
    expect(t.estimate).toBe(1);
    expect(t.statistic).toBeNull();
    expect(t.p_value).toBeNull();
    expect(t.conf_low).toBeNull();
    expect(out.warnings.map((w: any) => w.code)).toContain('zero_variance_differences');
    expect(out.warnings[0].message_zh).toContain('差值方差为零');
    expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
    const text = interpret(asResult(out, input), input);
    expect(text.en.join(' ')).toContain('undefined');
    expect(text.zh.length).toBe(text.en.length);
  });
});
