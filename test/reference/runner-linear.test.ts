/**
 * Linear-model and ANOVA plugins end to end through the runner with the real DuckDB engine:
 * CSV import (type inference), column reading, listwise deletion, then the plugin; numbers must
 * still match R's fixtures.
 */
import { describe, expect, it } from 'vitest';
import { expectClose, loadFixture } from './compare';
import { useEngine } from './engine';

const { runSpec } = useEngine();

describe('linear models and ANOVA through the runner (DuckDB)', () => {
  const lin = loadFixture('regress.linear');
  for (const c of lin.cases.filter((x: any) => ['mtcars', 'birthwt_f', 'airquality', 'mtcars_alias'].includes(x.data))) {
    it(`regress.linear ${c.data}: ${c.formula}`, async () => {
      const r = await runSpec({ plugin: 'regress.linear', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.tidy.rows, c.tidy, 1e-6, 'tidy');
      expectClose(r.tables.anova.rows, c.anova, 1e-6, 'anova');
      expectClose(r.tables.glance.rows[0].r_squared, c.glance.r_squared, 1e-6, 'r2');
      expect(r.interpretation.en.length).toBeGreaterThan(2);
      expect(r.r_code).toContain(`fit <- lm(${c.roles.outcome} ~ ${c.roles.covariates.join(' + ')}, data = d)`);
    });
  }

  const ow = loadFixture('compare.anova_oneway');
  for (const c of ow.cases.filter((x: any) => ['PlantGrowth', 'ToothGrowth', 'airquality'].includes(x.data))) {
    it(`compare.anova_oneway ${c.data}: ${c.roles.outcome} ~ ${c.roles.group} ${JSON.stringify(c.options)}`, async () => {
      const r = await runSpec({ plugin: 'compare.anova_oneway', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      const { method: _m, ...tidy } = c.tidy;
      expectClose(r.tables.tidy.rows[0], { ...tidy, eta_squared: c.eta_squared }, 1e-6, 'tidy');
      expectClose(r.tables.anova.rows.map(({ term: _t, ...x }) => x), c.anova.map(({ term: _t, ...x }: any) => x), 1e-6, 'anova');
      expect(r.r_code).toContain(`aov(${c.roles.outcome} ~ ${c.roles.group}, data = d)`);
    });
  }

  const tk = loadFixture('compare.posthoc_tukey');
  for (const c of tk.cases.filter((x: any) => ['chickwts', 'InsectSprays', 'ToothGrowth'].includes(x.data))) {
    // ToothGrowth: dose is a numeric column used as a group; contrasts are labelled as R's factor() does ("1-0.5", not "1.0-0.5")
    it(`compare.posthoc_tukey ${c.data}: ${c.roles.outcome} ~ ${c.roles.group} ${JSON.stringify(c.options)}`, async () => {
      const r = await runSpec({ plugin: 'compare.posthoc_tukey', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expectClose(r.tables.posthoc.rows, c.posthoc, 1e-6, 'posthoc', 1e-12);
      expect(r.r_code).toContain('TukeyHSD(fit');
    });
  }

  const tw = loadFixture('compare.anova_twoway');
  for (const c of tw.cases.filter((x: any) => ['ToothGrowth', 'birthwt_f'].includes(x.data) && x.options.type === 'III')) {
    it(`compare.anova_twoway ${c.data}: ${c.roles.factors.join(', ')} ${JSON.stringify(c.options)}`, async () => {
      const r = await runSpec({ plugin: 'compare.anova_twoway', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.anova.rows, c.anova, 1e-6, 'anova');
      expect(r.r_code).toContain('options(contrasts = c("contr.sum", "contr.poly"))');
    });
  }

  const an = loadFixture('compare.ancova');
  for (const c of an.cases.filter((x: any) => ['anorexia', 'mtcars'].includes(x.data))) {
    it(`compare.ancova ${c.data}: ${c.roles.outcome} ~ ${c.roles.group} + ${c.roles.covariates.join(' + ')}`, async () => {
      const r = await runSpec({ plugin: 'compare.ancova', data: { file: `${c.data}.csv` }, roles: c.roles }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.anova.rows, c.anova, 1e-6, 'anova');
      expectClose(r.tables.adjusted_means.rows.map(({ group: _g, ...x }) => x), c.adjusted_means.map(({ group: _g, ...x }: any) => x), 1e-6, 'adjusted_means');
    });
  }

  const rm = loadFixture('compare.anova_rm');
  for (const c of rm.cases) {
    it(`compare.anova_rm ${c.data}: ${c.roles.outcome} ~ ${c.roles.within} | ${c.roles.id}`, async () => {
      const r = await runSpec({ plugin: 'compare.anova_rm', data: { file: `${c.data}.csv` }, roles: c.roles }, c.data);
      expect(r.tables.tidy.rows[0].n_subjects).toBe(c.n_subjects);
      expectClose(r.tables.anova.rows[0], { df: c.anova.df, sumsq: c.anova.sumsq, statistic: c.anova.statistic, p_value: c.anova.p_value }, 1e-6, 'anova');
      if (c.sphericity) expectClose(r.tables.sphericity.rows[0].p_value_gg, c.sphericity.p_value_gg, 1e-6, 'p_gg');
      if (c.n_dropped) expect(r.warnings.map((w) => w.code)).toContain('incomplete_subjects');
    });
  }

  it('a one-level group is refused with a clear message', async () => {
    await expect(
      runSpec({ plugin: 'compare.anova_oneway', data: { file: 'PlantGrowth.csv' }, filter: "\"group\" = 'ctrl'", roles: { outcome: 'weight', group: 'group' } }, 'PlantGrowth'),
    ).rejects.toThrow(/at least 2/);
  });
});
