import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('categorical.cochran_armitage');

function makeInput(y: ColumnData, g: ColumnData, w?: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise(w ? [y, g, w] : [y, g]);
  return { roles: { row: lw.cols[0], column: lw.cols[1], weight: lw.cols[2] }, options: { scores: '', success: '', ...options }, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(categoricalColumn(d, c.roles.row), categoricalColumn(d, c.roles.column), c.roles.weight ? numericColumn(d, c.roles.weight) : undefined, c.options);
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('categorical.cochran_armitage vs R prop.trend.test', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.row} by ${c.roles.column} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      const rows = out.tables.groups.rows;
      expect(rows.map((r: any) => r.group)).toEqual(c.groups.group);
      expectClose(rows.map((r: any) => r.score), c.groups.score, 1e-12, 'score');
      expectClose(rows.map((r: any) => r.x), c.groups.x, 1e-12, 'x');
      expectClose(rows.map((r: any) => r.n), c.groups.n, 1e-12, 'n');
      expectClose(rows.map((r: any) => r.proportion), c.groups.proportion, 1e-9, 'proportion');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBe(3);
      expect(text.zh.length).toBe(3);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }
  it('validate: wrong number of scores, equal scores, one group, constant outcome', () => {
    const d = loadCsv('mtcars');
    const am = categoricalColumn(d, 'am');
    const gear = categoricalColumn(d, 'gear');
    expect(validate(makeInput(am, gear, undefined, { scores: '1,2' }))[0].message.en).toMatch(/2 scores were given but “gear” has 3 groups/);
    expect(validate(makeInput(am, gear, undefined, { scores: '2,2,2' }))[0].code).toBe('bad_scores');
    const cat = (name: string, levels: string[], codes: number[]): ColumnData => ({ kind: 'categorical', name, type: 'categorical', levels, codes: Int32Array.from(codes) });
    expect(validate(makeInput(cat('y', ['0', '1'], [0, 1, 0]), cat('g', ['a'], [0, 0, 0]))).map((i) => i.code)).toEqual(['too_few_groups']);
    const issues = validate(makeInput(cat('y', ['0', '1'], [1, 1, 1, 1]), cat('g', ['a', 'b'], [0, 0, 1, 1]), undefined, { success: '1' }));
    expect(issues.map((i) => i.code)).toEqual(['constant_outcome']);
    expect(issues[0].message.zh).toContain('无定义');
  });
  it('rCode', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { row: 'status', column: 'alcgp', weight: 'Freq' }, options: { scores: '20, 140,60,100', success: 'case' } });
    expect(code).toContain('success <- "case"');
    expect(code).toContain('score <- c(20, 140, 60, 100)');
    expect(code).toContain('prop.trend.test(x, n, score)');
  });
});
