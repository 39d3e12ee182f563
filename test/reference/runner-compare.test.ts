/**
 * The compare family (part 1) end to end through the runner with the real DuckDB engine: the
 * fixture CSVs are imported as a user would, the spec goes through checks, column reading and
 * listwise deletion, and the numbers must still match R.
 */
import { describe, expect, it } from 'vitest';
import { expectClose, loadFixture } from './compare';
import { useEngine } from './engine';

const { runSpec } = useEngine();

const single = [
  { id: 'compare.mann_whitney', table: 'tidy', call: 'wilcox.test(' },
  { id: 'compare.wilcoxon_signed_rank', table: 'tidy', call: 'wilcox.test(' },
  { id: 'compare.kruskal_wallis', table: 'tidy', call: 'kruskal.test(' },
  { id: 'compare.levene', table: 'tidy', call: 'leveneTest(' },
];

describe('compare family through the runner (DuckDB)', () => {
  for (const s of single) {
    const fx = loadFixture(s.id);
    for (const c of fx.cases) {
      it(`${s.id} ${c.data}: ${JSON.stringify(c.roles)} ${JSON.stringify(c.options)}`, async () => {
        const r = await runSpec({ plugin: s.id, data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
        expect(r.n.used).toBe(c.n_used);
        expectClose(r.tables[s.table].rows[0], c.tidy, 1e-6, s.table);
        expect(r.interpretation.en.length).toBeGreaterThan(2);
        expect(r.interpretation.zh.length).toBe(r.interpretation.en.length);
        expect(r.r_code).toContain(s.call);
      });
    }
  }
  const dunn = loadFixture('compare.posthoc_dunn');
  for (const c of dunn.cases) {
    it(`compare.posthoc_dunn ${c.data}: ${c.roles.outcome} ~ ${c.roles.group}, ${c.options.method}`, async () => {
      const r = await runSpec({ plugin: 'compare.posthoc_dunn', data: { file: `${c.data}.csv` }, roles: c.roles, options: c.options }, c.data);
      expect(r.n.used).toBe(c.n_used);
      expectClose(r.tables.posthoc.rows, c.posthoc, 1e-6, 'posthoc');
      expect(r.r_code).toContain('dunnTest(');
    });
  }
  it('a three-level group is refused by the rank-sum test with a clear message', async () => {
    await expect(runSpec({ plugin: 'compare.mann_whitney', data: { file: 'iris.csv' }, roles: { outcome: 'Sepal.Length', group: 'Species' } }, 'iris')).rejects.toThrow(/2/);
  });
});
