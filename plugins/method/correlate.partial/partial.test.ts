import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('correlate.partial');

function makeInput(x: ColumnData, y: ColumnData, zs: ColumnData[], options: Record<string, string | number | boolean>): RunInput {
  const lw = listwise([x, y, ...zs]);
  return { roles: { x: lw.cols[0], y: lw.cols[1], covariates: lw.cols.slice(2) }, options, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
const num = (v: ArrayLike<number>, name: string): ColumnData => ({ kind: 'numeric', name, type: 'numeric', values: Float64Array.from(v) });

describe('correlate.partial vs ppcor::pcor.test definition (R residuals)', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.x}, ${c.roles.y} | ${c.roles.covariates.join(', ')} ${c.options.method}`, () => {
      const d = loadCsv(c.data);
      const input = makeInput(numericColumn(d, c.roles.x), numericColumn(d, c.roles.y), c.roles.covariates.map((z: string) => numericColumn(d, z)), c.options);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const res: Result = { plugin: manifest.id, plugin_version: '1', title: '', n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out };
      const text = interpret(res, input);
      expect(text.en.length).toBe(3);
      expect(text.zh.length).toBe(3);
      expect(text.en[0]).toMatch(/^Adjusting for/);
    });
  }
  it('validate: too few rows, constant covariate, same column twice', () => {
    const a = num([1, 2, 3], 'a');
    const b = num([2, 1, 3], 'b');
    expect(validate(makeInput(a, b, [num([1, 0, 1], 'z')], { method: 'pearson' })).map((i) => i.code)).toEqual(['too_few_rows']);
    const iss = validate(makeInput(num([1, 2, 3, 4, 5], 'a'), num([2, 1, 3, 5, 4], 'b'), [num([7, 7, 7, 7, 7], 'z')], { method: 'pearson' }));
    expect(iss.map((i) => i.code)).toEqual(['constant_data']);
    expect(validate(makeInput(num([1, 2, 3, 4, 5], 'a'), num([2, 1, 3, 5, 4], 'b'), [num([1, 2, 3, 4, 5], 'a')], { method: 'pearson' })).map((i) => i.code)).toContain('duplicate_variable');
  });
  it('rCode', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { x: 'mpg', y: 'hp', covariates: ['wt', 'cyl'] }, options: { method: 'spearman' } });
    expect(code).toContain('ppcor::pcor.test(v[["mpg"]], v[["hp"]], v[, c("wt", "cyl"), drop = FALSE], method = "spearman")');
    expect(code).toContain('resid(lm(mpg ~ wt + cyl, data = v))');
  });
});
