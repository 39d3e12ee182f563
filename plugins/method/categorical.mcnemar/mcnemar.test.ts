import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { tableMatrix } from '$core/stats/contingency';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('categorical.mcnemar');

function makeInput(x: ColumnData, y: ColumnData, w?: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise(w ? [x, y, w] : [x, y]);
  return { roles: { x: lw.cols[0], y: lw.cols[1], weight: lw.cols[2] }, options: { correct: true, ...options }, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(categoricalColumn(d, c.roles.x), categoricalColumn(d, c.roles.y), c.roles.weight ? numericColumn(d, c.roles.weight) : undefined, c.options);
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('categorical.mcnemar vs R mcnemar.test', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.x} vs ${c.roles.y} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expect(out.tables.observed.rows.slice(0, c.levels.length).map((r: any) => r.row)).toEqual(c.levels);
      expectClose(tableMatrix(out.tables.observed, c.levels.length, c.levels.length), c.observed, 1e-9, 'observed');
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBe(3);
      expect(text.zh.length).toBe(3);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }
  it('validate: no discordant pairs, a single category', () => {
    const cat = (name: string, levels: string[], codes: number[]): ColumnData => ({ kind: 'categorical', name, type: 'categorical', levels, codes: Int32Array.from(codes) });
    const issues = validate(makeInput(cat('a', ['n', 'y'], [0, 1, 0, 1]), cat('b', ['n', 'y'], [0, 1, 0, 1])));
    expect(issues.map((i) => i.code)).toEqual(['no_discordant']);
    expect(issues[0].message.zh).toContain('不一致单元格');
    expect(validate(makeInput(cat('a', ['n'], [0, 0]), cat('b', ['n'], [0, 0]))).map((i) => i.code)).toEqual(['too_few_levels']);
  });
  it('rCode', () => {
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { x: 'first', y: 'second', weight: 'Freq' }, options: { correct: false } })).toContain('tab <- xtabs(d$Freq ~ fx + fy)\ntab\nmcnemar.test(tab, correct = FALSE)');
  });
});
