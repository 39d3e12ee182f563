import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { autoColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('compare.levene');
function makeInput(y: ColumnData, g: ColumnData, options: Record<string, string> = {}): RunInput {
  const lw = listwise([y, g]);
  return { roles: { outcome: lw.cols[0], group: lw.cols[1] }, options: { center: 'median', ...options }, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('compare.levene vs car::leveneTest', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.outcome} ~ ${c.roles.group}, center = ${c.options.center}`, () => {
      const d = loadCsv(c.data);
      const input = makeInput(numericColumn(d, c.roles.outcome), autoColumn(d, c.roles.group), c.options);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy[0]');
      expectClose(out.tables.groups.rows, c.groups, 1e-6, 'groups');
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBe(3);
      expect(text.zh.length).toBe(3);
    });
  }
  it('rCode', () => {
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'count', group: 'spray' }, options: { center: 'mean' } })).toContain('car::leveneTest(count ~ factor(spray), data = d, center = mean)');
  });
  it('one observation per group is refused', () => {
    const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from([1, 2]) };
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a', 'b'], codes: Int32Array.from([0, 1]) };
    const issues = validate(makeInput(y, g));
    expect(issues.map((i) => i.code)).toEqual(['too_few_rows']);
    expect(issues[0].message.zh).toContain('残差自由度');
  });
});
