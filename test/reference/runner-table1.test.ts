/**
 * describe.table1 end to end through the runner with the real DuckDB engine: the fixture CSVs
 * are imported as a user would (TRUE/FALSE columns become booleans, text columns categories,
 * integers numbers), the spec goes through checks and column reading without listwise deletion,
 * and the numbers must still match R.
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '$core/results/types';
import { expectClose, loadFixture } from './compare';
import { useEngine } from './engine';

const { runSpec } = useEngine();

/** The fixture's values, p-values, tests, SMDs and missing counts (as in the plugin's own test). */
function compareCase(tables: Result['tables'], c: any): void {
  expectClose(tables.table1_values.rows, c.values, 1e-6, 'table1_values');
  expect(tables.table1.columns.filter((col) => col.key.startsWith('group_')).map((col) => col.label)).toEqual(c.group_levels);
  const opts = Array.isArray(c.options) ? {} : c.options;
  for (const v of c.variables) {
    const head = tables.table1.rows.find((r) => r.variable === v.variable)!;
    expect(head.level).toBe(v.kind === 'numeric' ? (v.summary === 'mean_sd' ? 'mean (SD)' : 'median [IQR]') : 'n (%)');
    if (c.roles.group && opts.test !== false) {
      expect(head.test ?? null).toBe(v.test ?? null);
      expectClose(head.p_value, v.p_value, 1e-6, `${v.variable}.p_value`);
    }
    if (c.roles.group && opts.smd !== false) expectClose(head.smd, v.smd, 1e-6, `${v.variable}.smd`);
    if (opts.missing !== false) expect(head.missing).toBe(v.missing);
  }
}

describe('describe.table1 through the runner (DuckDB)', () => {
  const fx = loadFixture('describe.table1');
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.variables.join(', ')}${c.roles.group ? ` by ${c.roles.group}` : ''} ${JSON.stringify(c.options)}`, async () => {
      const options = Array.isArray(c.options) ? {} : c.options;
      const r = await runSpec({ plugin: 'describe.table1', data: { file: `${c.data}.csv` }, roles: c.roles, options }, c.data);
      expect(r.n.rows).toBe(c.n_rows);
      compareCase(r.tables, c);
      expect(r.interpretation.en.length).toBeGreaterThan(0);
      expect(r.interpretation.zh.length).toBe(r.interpretation.en.length);
      expect(r.r_code).toContain(`vars <- c(${c.roles.variables.map((v: string) => JSON.stringify(v)).join(', ')})`);
      expect(JSON.stringify([r.tables, r.figures, r.assumptions])).not.toMatch(/NaN/);
    });
  }

  it('a group with one level is refused with a clear message', async () => {
    await expect(
      runSpec({ plugin: 'describe.table1', data: { file: 'iris.csv' }, filter: "Species = 'setosa'", roles: { variables: ['Sepal.Length'], group: 'Species' } }, 'iris'),
    ).rejects.toThrow(/at least 2/);
  });
});
