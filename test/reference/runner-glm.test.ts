/**
 * regress.logistic and regress.poisson end to end: CSV import -> DuckDB -> runner -> plugin,
 * compared with R's glm (IRLS as glm.fit, same iterations: 1e-6).
 */
import { describe, expect, it } from 'vitest';
import { expectClose, loadFixture } from './compare';
import { useEngine } from './engine';

const { runSpec } = useEngine();

describe('GLMs through the runner (DuckDB)', () => {
  const lg = loadFixture('regress.logistic');
  for (const c of lg.cases) {
    it(`regress.logistic ${c.data}: ${c.roles.outcome} ~ ${c.roles.covariates.join(' + ')} ${JSON.stringify(c.options)}`, async () => {
      const r = await runSpec({ plugin: 'regress.logistic', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expect(r.tables.tidy.rows.map((x) => x.term)).toEqual(c.tidy.map((x: any) => x.term));
      expectClose(r.tables.tidy.rows, c.tidy, 1e-6, 'tidy');
      expectClose(r.tables.glance.rows[0], c.glance, 1e-6, 'glance');
      expectClose(r.tables.auc.rows[0].auc, c.auc, 1e-6, 'auc');
      expect(r.interpretation.en.length).toBeGreaterThan(3);
      expect(r.r_code).toContain('family = binomial');
    });
  }

  const ps = loadFixture('regress.poisson');
  for (const c of ps.cases) {
    it(`regress.poisson ${c.data}: ${c.roles.outcome} ~ ${c.roles.covariates.join(' + ')}${c.roles.exposure ? ` + offset(log(${c.roles.exposure}))` : ''}`, async () => {
      const r = await runSpec({ plugin: 'regress.poisson', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.tidy.rows, c.tidy, 1e-6, 'tidy');
      expectClose(r.tables.glance.rows[0], c.glance, 1e-6, 'glance');
      expect(r.interpretation.zh.length).toBe(r.interpretation.en.length);
      expect(r.r_code).toContain('family = poisson');
    });
  }

  it('a wrong event value is refused with a clear message', async () => {
    await expect(
      runSpec({ plugin: 'regress.logistic', data: { file: 'Pima.tr.csv' }, roles: { outcome: 'type', covariates: ['glu'] }, options: { event_value: 'maybe' } }, 'Pima.tr'),
    ).rejects.toThrow(/not a value of “type”/);
  });
});
