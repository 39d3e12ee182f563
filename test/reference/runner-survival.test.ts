/**
 * The survival plugins end to end through the runner with the real DuckDB engine: lung.csv and
 * veteran.csv imported as a user would, roles read and listwise-deleted by the runner.
 */
import { describe, expect, it } from 'vitest';
import { expectClose, loadFixture } from './compare';
import { useEngine } from './engine';

const { runSpec } = useEngine();

describe('survival plugins through the runner (DuckDB)', () => {
  for (const c of loadFixture('survival.km').cases) {
    it(`survival.km ${c.data}: ~ ${c.roles.strata ?? 1} ${JSON.stringify(c.options)}`, async () => {
      const r = await runSpec({ plugin: 'survival.km', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      const strip = (rows: any[]) => rows.map(({ strata: _s, ...rest }) => rest);
      expectClose(strip(r.tables.survfit.rows), strip(c.survfit), 1e-6, 'survfit');
      expectClose(strip(r.tables.median_survival.rows), strip(c.median_survival), 1e-6, 'median_survival');
      expect(r.r_code).toContain('survfit(Surv(time, status)');
    });
  }
  for (const c of loadFixture('survival.logrank').cases) {
    it(`survival.logrank ${c.data}: ~ ${c.roles.group}, rho = ${c.options.rho}`, async () => {
      const r = await runSpec({ plugin: 'survival.logrank', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expectClose(r.tables.groups.rows.map(({ group: _g, ...rest }) => rest), c.groups.map(({ group: _g, ...rest }: any) => rest), 1e-6, 'groups');
      expect(r.interpretation.en.length).toBe(3);
    });
  }
  for (const c of loadFixture('survival.cox').cases) {
    it(`survival.cox ${c.data}: ~ ${c.roles.covariates.join(' + ')} ${JSON.stringify(c.options)}`, async () => {
      const r = await runSpec({ plugin: 'survival.cox', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      // iterative fit: 1e-5 (see plugins/method/survival.cox/cox.test.ts)
      expectClose(r.tables.tidy.rows, c.tidy, 1e-5, 'tidy');
      expectClose(r.tables.glance.rows[0], c.glance, 1e-5, 'glance');
      expectClose(r.tables.zph.rows, c.zph, 1e-5, 'zph');
      expect(r.r_code).toContain('coxph(Surv(time, status) ~');
    });
  }
  it('an event with three values is refused with a clear message', async () => {
    await expect(
      runSpec({ plugin: 'survival.km', data: { file: 'lung.csv' }, roles: { time: 'time', event: 'ph.ecog' } }, 'lung'),
    ).rejects.toThrow(/event must have two values/);
  });
});
