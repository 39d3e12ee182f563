import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { expectClose, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('correlate.matrix');

function makeInput(vars: ColumnData[], options: Record<string, string | number | boolean>): RunInput {
  const rows = vars[0].kind === 'numeric' ? vars[0].values.length : 0;
  return { roles: { variables: vars }, options: { method: 'pearson', adjust: 'holm', use: 'pairwise', ...options }, n: { rows, used: rows, excluded: 0 } };
}
const num = (v: ArrayLike<number>, name: string): ColumnData => ({ kind: 'numeric', name, type: 'numeric', values: Float64Array.from(v) });

describe('correlate.matrix vs R cor.test + p.adjust', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.variables.join(', ')} ${JSON.stringify(c.options)}`, () => {
      const d = loadCsv(c.data);
      const input = makeInput(c.roles.variables.map((v: string) => numericColumn(d, v)), c.options);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.matrix.rows, c.rows, 1e-6, 'matrix');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const k = c.roles.variables.length;
      expect(out.figures[0].spec.data.values).toHaveLength(k * k);
      const res: Result = { plugin: manifest.id, plugin_version: '1', title: '', n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out };
      const text = interpret(res, input);
      expect(text.en.length).toBeGreaterThanOrEqual(3);
      expect(text.zh.length).toBe(text.en.length);
    });
  }
  it('validate: one variable; too few complete rows', () => {
    expect(validate(makeInput([num([1, 2, 3], 'a')], {})).map((i) => i.code)).toEqual(['too_few_variables']);
    const iss = validate(makeInput([num([1, NaN, 3, 4], 'a'), num([NaN, 2, 3, NaN], 'b')], { use: 'complete' }));
    expect(iss.map((i) => i.code)).toEqual(['too_few_rows']);
    expect(iss[0].message.zh).toContain('成对删除');
  });
  it('constant variable: null estimate with a warning', () => {
    const out = run(testContext, makeInput([num([1, 2, 3, 4], 'a'), num([5, 5, 5, 5], 'b'), num([4, 1, 3, 2], 'c')], {})) as any;
    expect(out.tables.matrix.rows[0].estimate).toBeNull();
    expect(out.tables.matrix.rows[1].estimate).toBeCloseTo(-0.4, 12);
    expect(out.warnings[0].code).toBe('undefined_pairs');
  });
  it('rCode', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { variables: ['a', 'b', 'c'] }, options: { method: 'kendall', adjust: 'BH', use: 'complete' } });
    expect(code).toContain('v <- na.omit(v)');
    expect(code).toContain('cor(v, method = "kendall", use = "complete.obs")');
    expect(code).toContain('p.adjust(res$p_value, method = "BH")');
  });
});
