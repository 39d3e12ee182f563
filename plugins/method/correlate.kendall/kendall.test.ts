import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('correlate.kendall');

function pairInput(x: ColumnData, y: ColumnData, options: Record<string, string | number | boolean>): RunInput {
  const lw = listwise([x, y]);
  return { roles: { x: lw.cols[0], y: lw.cols[1] }, options, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
const num = (v: ArrayLike<number>): ColumnData => ({ kind: 'numeric', name: 'v', type: 'numeric', values: Float64Array.from(v) });

describe('correlate.kendall vs R cor.test', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.x}, ${c.roles.y} ${JSON.stringify(c.options)}`, () => {
      const d = loadCsv(c.data);
      const input = pairInput(numericColumn(d, c.roles.x), numericColumn(d, c.roles.y), c.options);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      // absolute floor 1e-12: with rho = 1 R's S is 1.2e-13 (rounding), ours exactly 0
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy', 1e-12);
      expect(out.tables.tidy.columns[1].label).toBe(c.statistic_name);
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const res: Result = { plugin: manifest.id, plugin_version: '1', title: '', n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out };
      const text = interpret(res, input);
      expect(text.en.length).toBeGreaterThanOrEqual(3);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }
  it('rCode writes cor.test with exact and continuity', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { x: 'a', y: 'b' }, options: { alternative: 'greater', exact: 'false', continuity: true } });
    expect(code).toContain('cor.test(~ a + b, data = d, method = "kendall", alternative = "greater", exact = FALSE, continuity = TRUE)');
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { x: 'a', y: 'b' } })).toContain('exact = NULL, continuity = FALSE');
  });
  it('validate refuses constant data and fewer than 3 rows', () => {
    expect(validate(pairInput(num([1, 2, 3]), num([5, 5, 5]), {})).map((i) => i.code)).toEqual(['constant_data']);
    expect(validate(pairInput(num([1]), num([5]), {}))[0].message.en).toMatch(/at least 3/);
  });
  it('exact = true with ties falls back with a warning', () => {
    const out = run(testContext, pairInput(num([1, 2, 2, 3, 4, 5]), num([2, 1, 4, 3, 6, 5]), { alternative: 'two.sided', exact: 'true', continuity: false })) as any;
    expect(out.warnings.map((w: any) => w.code)).toContain('ties_no_exact');
  });
  it('one million rows', () => {
    const n = 1_000_000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = (i * 7919) % 100003;
      y[i] = x[i] + ((i * 104729) % 50021);
    }
    // Speed is measured by `npm run bench`; here only that it runs at this size.
    const out = run(testContext, pairInput(num(x), num(y), { alternative: 'two.sided', exact: 'auto', continuity: false })) as any;
    expect(out.tables.tidy.rows[0].estimate).toBeGreaterThan(0.5);
    expect(out.figures[0].spec.layer[0].data.values.length).toBeLessThanOrEqual(3000);
  });
});
