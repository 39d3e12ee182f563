/**
 * The compare family (part 2: one-sample and paired t-tests, Friedman) end to end through the
 * runner with the real DuckDB engine: the fixture CSVs are imported as a user would, the spec goes
 * through checks, column reading and listwise deletion, and the numbers must still match R.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisSpec } from '$core/results/types';
import { expectClose, loadFixture } from './compare';
import { useEngine } from './engine';

const { runSpec } = useEngine();

const plugins = [
  { id: 'compare.ttest_one', call: 't.test(d$', extra: 'summary' },
  { id: 'compare.ttest_paired', call: 'paired = TRUE', extra: 'summary' },
  { id: 'compare.friedman', call: 'friedman.test(', extra: 'ranks' },
];

describe('compare family part 2 through the runner (DuckDB)', () => {
  for (const s of plugins) {
    const fx = loadFixture(s.id);
    for (const c of fx.cases) {
      it(`${s.id} ${c.data}: ${JSON.stringify(c.roles)} ${JSON.stringify(c.options)}`, async () => {
        const r = await runSpec({ plugin: s.id, data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
        expect(r.n.used).toBe(c.n_used);
        expectClose(r.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
        if (s.id === 'compare.friedman') expectClose(r.tables.ranks.rows, c.ranks, 1e-6, 'ranks');
        else expectClose(r.assumptions[0], c.shapiro, 1e-6, 'shapiro');
        expect(r.tables[s.extra].rows.length).toBeGreaterThan(0);
        expect(r.interpretation.en.length).toBeGreaterThan(2);
        expect(r.interpretation.zh.length).toBe(r.interpretation.en.length);
        expect(r.r_code).toContain(s.call);
        expect(JSON.stringify([r.tables, r.figures, r.assumptions])).not.toMatch(/NaN/);
      });
    }
  }

  it('friedman: incomplete blocks are refused naming the subjects; the suggested filter makes it run and match R', async () => {
    const spec: AnalysisSpec = { plugin: 'compare.friedman', data: { file: 'ChickWeight_t4.csv' }, roles: { outcome: 'weight', within: 'Time', id: 'Chick' } };
    await expect(runSpec(spec, 'ChickWeight_t4')).rejects.toThrow(/Chick = 8, 15, 16, 18, 44/);
    const fx = loadFixture('compare.friedman');
    const c = fx.cases.find((k: any) => k.data === 'ChickWeight_t4c');
    const r = await runSpec({ ...spec, filter: '"Chick" NOT IN (8, 15, 16, 18, 44)' }, 'ChickWeight_t4');
    expectClose(r.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
  });

  it('paired: a missing value drops the pair (listwise) and the test stays on complete pairs', async () => {
    const r = await runSpec({ plugin: 'compare.ttest_paired', data: { file: 'airquality.csv' }, roles: { x: 'Ozone', y: 'Solar.R' } }, 'airquality');
    expect(r.n.used).toBe(111);
    expect(r.tables.tidy.rows[0].df).toBe(110);
  });
});
