/**
 * The categorical-data plugins end to end through the runner with the real DuckDB engine: the
 * fixture CSVs are imported as a user would import them, and the numbers must still match R.
 */
import { describe, expect, it } from 'vitest';
import { tableMatrix } from '$core/stats/contingency';
import { expectClose, loadFixture } from './compare';
import { useEngine } from './engine';

const { runSpec } = useEngine();

describe('categorical plugins through the runner (DuckDB)', () => {
  const ci = loadFixture('categorical.chisq_independence');
  for (const c of ci.cases) {
    it(`chisq_independence ${c.data}: ${c.roles.row} × ${c.roles.column}`, async () => {
      const r = await runSpec({ plugin: 'categorical.chisq_independence', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expectClose(tableMatrix(r.tables.residuals, c.col_levels.length, c.row_levels.length), c.stdres, 1e-6, 'stdres');
      expect(r.interpretation.en.length).toBeGreaterThan(2);
      expect(r.r_code).toContain('chisq.test(tab');
    });
  }
  const fe = loadFixture('categorical.fisher_exact');
  for (const c of fe.cases.slice(0, 8)) {
    it(`fisher_exact ${c.data}: ${c.roles.row} × ${c.roles.column} ${JSON.stringify(c.options)}`, async () => {
      const r = await runSpec({ plugin: 'categorical.fisher_exact', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.tidy.rows[0], c.tidy, 1e-5, 'tidy'); // odds ratio and CI: uniroot, see fisher_exact.test.ts
      expect(r.r_code).toContain('fisher.test(tab');
    });
  }
  const bt = loadFixture('categorical.binomial_test');
  for (const c of bt.cases) {
    it(`binomial_test ${c.data}: ${c.roles.column} ${JSON.stringify(c.options)}`, async () => {
      const r = await runSpec({ plugin: 'categorical.binomial_test', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expectClose(r.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expect(r.r_code).toContain('binom.test(x, n');
    });
  }
  const pt = loadFixture('categorical.prop_test');
  for (const c of pt.cases) {
    it(`prop_test ${c.data}: ${c.roles.row}${c.roles.column ? ` by ${c.roles.column}` : ''}`, async () => {
      const r = await runSpec({ plugin: 'categorical.prop_test', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
    });
  }
  const mc = loadFixture('categorical.mcnemar');
  for (const c of mc.cases) {
    it(`mcnemar ${c.data}: ${c.roles.x} vs ${c.roles.y}`, async () => {
      const r = await runSpec({ plugin: 'categorical.mcnemar', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expectClose(r.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expect(r.r_code).toContain('mcnemar.test(tab');
    });
  }
  it('a one-level column is refused with a clear message', async () => {
    await expect(
      runSpec({ plugin: 'categorical.chisq_independence', data: { file: 'mtcars.csv' }, filter: 'am = 1', roles: { row: 'am', column: 'vs' } }, 'mtcars'),
    ).rejects.toThrow(/at least 2/);
  });
});
