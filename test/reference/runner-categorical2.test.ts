/**
 * categorical.chisq_gof, categorical.cochran_armitage, categorical.mantel_haenszel and
 * describe.frequencies end to end through the runner with the real DuckDB engine: the fixture
 * CSVs are imported as a user would import them, and the numbers must still match R.
 */
import { describe, expect, it } from 'vitest';
import { expectClose, loadFixture } from './compare';
import { useEngine } from './engine';

const { runSpec } = useEngine();

describe('categorical plugins (2) through the runner (DuckDB)', () => {
  const gof = loadFixture('categorical.chisq_gof');
  for (const c of gof.cases) {
    it(`chisq_gof ${c.data}: ${c.roles.column} ${JSON.stringify(c.options)}`, async () => {
      const r = await runSpec({ plugin: 'categorical.chisq_gof', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expect(r.tables.observed.rows.map((x) => x.level)).toEqual(c.levels);
      expect(r.interpretation.en.length).toBe(3);
      expect(r.r_code).toContain('chisq.test(x, p = p)');
    });
  }
  const ca = loadFixture('categorical.cochran_armitage');
  for (const c of ca.cases) {
    it(`cochran_armitage ${c.data}: ${c.roles.row} by ${c.roles.column} ${JSON.stringify(c.options)}`, async () => {
      const r = await runSpec({ plugin: 'categorical.cochran_armitage', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expect(r.tables.groups.rows.map((x) => x.group)).toEqual(c.groups.group);
      expect(r.r_code).toContain('prop.trend.test(x, n, score)');
    });
  }
  const mh = loadFixture('categorical.mantel_haenszel');
  for (const c of mh.cases) {
    it(`mantel_haenszel ${c.data}: ${c.roles.row} × ${c.roles.column} | ${c.roles.layer} ${JSON.stringify(c.options)}`, async () => {
      const r = await runSpec({ plugin: 'categorical.mantel_haenszel', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.tidy.rows[0], c.tidy, c.options.exact ? 1e-5 : 1e-6, 'tidy'); // exact: uniroot roots
      expect(r.tables.strata.rows.map((x) => x.stratum)).toEqual(c.strata);
      expectClose(r.assumptions[0].statistic, c.breslow_day.statistic, 1e-6, 'breslow_day');
      expect(r.r_code).toContain('mantelhaen.test(tab');
    });
  }
  const fr = loadFixture('describe.frequencies');
  for (const c of fr.cases) {
    it(`frequencies ${c.data}: ${c.roles.variables.join(', ')} ${JSON.stringify(c.options)}`, async () => {
      const r = await runSpec({ plugin: 'describe.frequencies', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_rows);
      const rows = r.tables.frequencies.rows;
      expect(rows.map((x) => `${x.variable}:${x.level}`)).toEqual(c.frequencies.map((x: any) => `${x.variable}:${x.level}`));
      expectClose(rows, c.frequencies, 1e-9, 'frequencies');
    });
  }
  it('bad expected proportions are refused with a clear message', async () => {
    await expect(runSpec({ plugin: 'categorical.chisq_gof', data: { file: 'mtcars.csv' }, roles: { column: 'cyl' }, options: { p: '0.5,0.5' } }, 'mtcars')).rejects.toThrow(/3 categories/);
  });
});
