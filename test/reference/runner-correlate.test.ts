/**
 * The correlation, normality and p-value adjustment plugins through the runner with the real
 * DuckDB engine: fixture CSVs imported as a user would, spec checks, column reading and
 * deletion, and the numbers must still match R.
 */
import { describe, expect, it } from 'vitest';
import { expectClose, loadFixture } from './compare';
import { useEngine } from './engine';

const { runSpec } = useEngine();

describe('correlation family through the runner (DuckDB)', () => {
  for (const id of ['correlate.pearson', 'correlate.spearman', 'correlate.kendall']) {
    const fx = loadFixture(id);
    for (const c of fx.cases.slice(0, 4)) {
      it(`${id} ${c.data}: ${c.roles.x}, ${c.roles.y} ${JSON.stringify(c.options)}`, async () => {
        const r = await runSpec({ plugin: id, data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
        expect(r.n.used).toBe(c.n_used);
        expectClose(r.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy', 1e-12);
        expect(r.interpretation.en.length).toBeGreaterThan(2);
        expect(r.r_code).toContain('cor.test(~');
      });
    }
  }

  const mx = loadFixture('correlate.matrix');
  for (const c of [mx.cases[3], mx.cases[4], mx.cases[1]]) {
    it(`correlate.matrix ${c.data}: ${c.roles.variables.join(', ')} ${JSON.stringify(c.options)}`, async () => {
      const r = await runSpec({ plugin: 'correlate.matrix', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expectClose(r.tables.matrix.rows, c.rows, 1e-6, 'matrix');
      expect(r.r_code).toContain('p.adjust(');
    });
  }

  const pc = loadFixture('correlate.partial');
  for (const c of [pc.cases[3], pc.cases[4]]) {
    it(`correlate.partial ${c.data}: ${c.roles.x}, ${c.roles.y} | ${c.roles.covariates.join(', ')} ${c.options.method}`, async () => {
      const r = await runSpec({ plugin: 'correlate.partial', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
    });
  }

  const nm = loadFixture('describe.normality');
  for (const c of [nm.cases[1], nm.cases[2]]) {
    it(`describe.normality ${c.data}: ${c.roles.variables.join(', ')}${c.roles.group ? ` by ${c.roles.group}` : ''}`, async () => {
      const r = await runSpec({ plugin: 'describe.normality', data: { file: `${c.data}.csv` }, roles: c.roles }, c.data);
      expect(r.n.excluded).toBe(0);
      expectClose(r.tables.tidy.rows, c.rows, 1e-6, 'tidy');
      expect(r.figures[0].spec.$schema).toContain('vega-lite/v6');
    });
  }

  const ap = loadFixture('adjust.p_values');
  for (const c of ap.cases.filter((x: any) => x.data === 'pvalues_mtcars_am' && ['holm', 'BH', 'hommel'].includes(x.options.method))) {
    it(`adjust.p_values ${c.data} ${c.options.method}`, async () => {
      const r = await runSpec({ plugin: 'adjust.p_values', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expectClose(r.tables.adjusted.rows, c.rows, 1e-6, 'adjusted');
    });
  }
  it('adjust.p_values refuses values outside [0, 1]', async () => {
    await expect(runSpec({ plugin: 'adjust.p_values', data: { file: 'mtcars.csv' }, roles: { variables: 'mpg' } }, 'mtcars')).rejects.toThrow(/outside \[0, 1\]/);
  });

  it('airquality listwise deletion for Pearson', async () => {
    const r = await runSpec({ plugin: 'correlate.pearson', data: { file: 'airquality.csv' }, roles: { x: 'Ozone', y: 'Solar.R' } }, 'airquality');
    expect(r.n.excluded).toBe(42);
  });
});
