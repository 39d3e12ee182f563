/**
 * The three exemplar plugins run end to end through the runner with the real DuckDB engine:
 * the fixture CSVs are imported as a user would import them, the spec goes through
 * spec checks, column reading and (listwise) deletion, and the numbers must still match R.
 */
import { describe, expect, it } from 'vitest';
import { expectClose, loadFixture } from './compare';
import { useEngine } from './engine';

const { runSpec } = useEngine();

describe('through the runner (DuckDB)', () => {
  const tt = loadFixture('compare.ttest_ind');
  for (const c of tt.cases) {
    it(`compare.ttest_ind ${c.data}: ${c.roles.outcome} ~ ${c.roles.group} ${JSON.stringify(c.options)}`, async () => {
      const r = await runSpec({ plugin: 'compare.ttest_ind', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy[0]');
      expectClose(r.tables.groups.rows.map(({ group: _g, ...rest }) => rest), c.groups.map(({ group: _g, ...rest }: any) => rest), 1e-6, 'groups');
      expect(r.interpretation.en.length).toBeGreaterThan(2);
      expect(r.r_code).toContain(`t.test(${c.roles.outcome} ~ ${c.roles.group}, data = d`);
    });
  }

  const ds = loadFixture('describe.descriptives');
  for (const c of ds.cases) {
    it(`describe.descriptives ${c.data}: ${c.roles.variables.join(', ')}${c.roles.group ? ` by ${c.roles.group}` : ''}`, async () => {
      const r = await runSpec({ plugin: 'describe.descriptives', data: { file: `${c.data}.csv` }, roles: c.roles }, c.data);
      expect(r.n.excluded).toBe(0);
      expectClose(r.tables.descriptives.rows, c.rows, 1e-6, 'descriptives');
      expect(r.interpretation.zh.length).toBe(c.rows.length + 1);
    });
  }

  const hs = loadFixture('chart.histogram');
  for (const c of hs.cases) {
    it(`chart.histogram ${c.data}: ${c.roles.x}${c.roles.group ? ` by ${c.roles.group}` : ''}, bins = ${c.options.bins}`, async () => {
      const r = await runSpec({ plugin: 'chart.histogram', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.bins.rows, c.rows, 1e-6, 'bins');
      expect(r.figures[0].spec.$schema).toContain('vega-lite/v6');
    });
  }

  it('a three-level group is refused with a clear message', async () => {
    await expect(runSpec({ plugin: 'compare.ttest_ind', data: { file: 'iris.csv' }, roles: { outcome: 'Sepal.Length', group: 'Species' } }, 'iris')).rejects.toThrow(/exactly 2 groups/);
  });
});
