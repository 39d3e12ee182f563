import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('correlate.pearson');

export function pairInput(x: ColumnData, y: ColumnData, options: Record<string, string | number | boolean>): RunInput {
  const lw = listwise([x, y]);
  return { roles: { x: lw.cols[0], y: lw.cols[1] }, options, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
const num = (v: number[]): ColumnData => ({ kind: 'numeric', name: 'v', type: 'numeric', values: Float64Array.from(v) });

describe('correlate.pearson vs R cor.test', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.x}, ${c.roles.y} ${JSON.stringify(c.options)}`, () => {
      const d = loadCsv(c.data);
      const input = pairInput(numericColumn(d, c.roles.x), numericColumn(d, c.roles.y), c.options);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const res: Result = { plugin: manifest.id, plugin_version: '1', title: '', n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out };
      const text = interpret(res, input);
      expect(text.en.length).toBeGreaterThanOrEqual(3);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en[0]).toMatch(/correlation between/);
      expect(text.zh[0]).toMatch(/相关/);
      expect(out.figures[0].spec.$schema).toContain('vega-lite/v6');
    });
  }
  it('rCode writes cor.test', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { x: 'mpg', y: 'my wt' }, options: { alternative: 'less', conf_level: 0.9 } });
    expect(code).toContain('cor.test(~ mpg + `my wt`, data = d, method = "pearson", alternative = "less", conf.level = 0.9)');
  });
  it('validate: too few rows, constant data', () => {
    expect(validate(pairInput(num([1, 2]), num([3, 4]), {})).map((i) => i.code)).toEqual(['too_few_rows']);
    const iss = validate(pairInput(num([1, 1, 1, 1]), num([3, 4, 5, 6]), {}));
    expect(iss.map((i) => i.code)).toEqual(['constant_data']);
    expect(iss[0].message.zh).toContain('无定义');
  });
  it('perfect correlation: null statistic with a note, p = 0; large n is thinned in the figure', () => {
    const out = run(testContext, pairInput(num([1, 2, 3, 4, 5]), num([2, 4, 6, 8, 10]), { alternative: 'two.sided', conf_level: 0.95 })) as any;
    expect(out.tables.tidy.rows[0].statistic).toBeNull();
    expect(out.tables.tidy.rows[0].p_value).toBe(0);
    const n = 20000;
    const big = run(testContext, pairInput(num(Array.from({ length: n }, (_, i) => i)), num(Array.from({ length: n }, (_, i) => Math.sin(i))), { alternative: 'two.sided', conf_level: 0.95 })) as any;
    expect(big.figures[0].spec.layer[0].data.values.length).toBeLessThanOrEqual(3000);
  });
});
