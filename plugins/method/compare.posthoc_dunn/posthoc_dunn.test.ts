import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { autoColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

// Reference computed in R by formula (FSA and dunn.test are not installed), see the R script.
const fx = loadFixture('compare.posthoc_dunn');
function makeInput(y: ColumnData, g: ColumnData, options: Record<string, string> = {}): RunInput {
  const lw = listwise([y, g]);
  return { roles: { outcome: lw.cols[0], group: lw.cols[1] }, options: { method: 'holm', ...options }, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
const inputFor = (c: any) => {
  const d = loadCsv(c.data);
  return makeInput(numericColumn(d, c.roles.outcome), autoColumn(d, c.roles.group), c.options);
};
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('compare.posthoc_dunn vs R (formula + p.adjust)', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.outcome} ~ ${c.roles.group}, ${c.options.method}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.posthoc.rows, c.posthoc, 1e-6, 'posthoc');
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBe(3);
      expect(text.zh.length).toBe(3);
    });
  }
  it('rCode', () => {
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'weight', group: 'feed' }, options: { method: 'BH' } })).toContain('FSA::dunnTest(weight ~ factor(feed), data = d, method = "BH")');
  });
  it('two groups are refused with a pointer to the rank-sum test', () => {
    const d = loadCsv('ToothGrowth');
    const issues = validate(makeInput(numericColumn(d, 'len'), autoColumn(d, 'supp')));
    expect(issues.map((i) => i.code)).toEqual(['two_groups']);
    expect(issues[0].message.en).toContain('Mann–Whitney');
  });
});
