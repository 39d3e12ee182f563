import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { autoColumn, categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('compare.kruskal_wallis');
function makeInput(y: ColumnData, g: ColumnData): RunInput {
  const lw = listwise([y, g]);
  return { roles: { outcome: lw.cols[0], group: lw.cols[1] }, options: {}, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
const inputFor = (c: any) => {
  const d = loadCsv(c.data);
  return makeInput(numericColumn(d, c.roles.outcome), autoColumn(d, c.roles.group));
};
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('compare.kruskal_wallis vs R kruskal.test', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.outcome} ~ ${c.roles.group}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy[0]');
      expectClose(out.tables.groups.rows, c.groups, 1e-6, 'groups');
      expect(out.figures[0].spec.$schema).toContain('vega-lite/v6');
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBe(4);
      expect(text.zh.length).toBe(4);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }
  it('rCode', () => {
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'weight', group: 'feed' } })).toContain('kruskal.test(weight ~ feed, data = d)');
  });
});

describe('compare.kruskal_wallis input checks', () => {
  it('one group is refused', () => {
    const d = loadCsv('iris');
    const y = numericColumn(d, 'Sepal.Length');
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a'], codes: new Int32Array(d.nrow) };
    const issues = validate(makeInput(y, g));
    expect(issues.map((i) => i.code)).toEqual(['too_few_groups']);
    expect(issues[0].message.zh).toContain('至少需要 2 个');
  });
  it('constant outcome: null statistic, warning, no NaN', () => {
    const d = loadCsv('iris');
    const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: new Float64Array(d.nrow).fill(3) };
    const input = makeInput(y, categoricalColumn(d, 'Species'));
    const out = run(testContext, input) as any;
    expect(out.tables.tidy.rows[0].statistic).toBeNull();
    expect(out.warnings[0].code).toBe('constant_data');
    expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
  });
});
