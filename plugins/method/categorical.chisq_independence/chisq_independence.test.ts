import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { tableMatrix } from '$core/stats/contingency';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('categorical.chisq_independence');

function makeInput(r: ColumnData, c: ColumnData, w?: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise(w ? [r, c, w] : [r, c]);
  return {
    roles: { row: lw.cols[0], column: lw.cols[1], weight: lw.cols[2] },
    options: { correct: true, ...options },
    n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used },
  };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(categoricalColumn(d, c.roles.row), categoricalColumn(d, c.roles.column), c.roles.weight ? numericColumn(d, c.roles.weight) : undefined, c.options);
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('categorical.chisq_independence vs R chisq.test', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.row} × ${c.roles.column} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      const nr = c.row_levels.length;
      const nc = c.col_levels.length;
      expect(out.tables.observed.rows.slice(0, nr).map((r: any) => r.row)).toEqual(c.row_levels);
      expect(out.tables.observed.columns.slice(1, nc + 1).map((x: any) => x.label)).toEqual(c.col_levels);
      expectClose(tableMatrix(out.tables.observed, nc, nr), c.observed, 1e-6, 'observed');
      expectClose(tableMatrix(out.tables.expected, nc, nr), c.expected, 1e-6, 'expected');
      expectClose(tableMatrix(out.tables.residuals, nc, nr), c.stdres, 1e-6, 'stdres');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThan(2);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }

  it('flags small expected counts and suggests Fisher', () => {
    const out = run(testContext, inputFor(fx.cases[0])) as any;
    expect(out.assumptions[0].ok).toBe(false);
    expect(out.assumptions[0].message).toContain('Fisher');
    expect(out.assumptions[0].message_zh).toContain('Fisher');
    expect(out.warnings.map((w: any) => w.code)).toContain('small_expected');
    expect(out.figures[0].spec.$schema).toContain('vega-lite/v6');
    expect(out.figures[0].spec.data.values).toHaveLength(9);
  });

  it('rCode writes the chisq.test call', () => {
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { row: 'Admit', column: 'Gender', weight: 'Freq' }, options: { correct: false } })).toContain(
      'tab <- xtabs(Freq ~ Admit + Gender, data = d)\nfit <- chisq.test(tab, correct = FALSE)',
    );
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { row: 'am', column: 'vs' } })).toContain('chisq.test(tab, correct = TRUE)');
  });
});

describe('categorical.chisq_independence input checks', () => {
  const cat = (name: string, levels: string[], codes: number[]): ColumnData => ({ kind: 'categorical', name, type: 'categorical', levels, codes: Int32Array.from(codes) });
  it('rejects a variable with one category', () => {
    const issues = validate(makeInput(cat('a', ['x'], [0, 0, 0]), cat('b', ['u', 'v'], [0, 1, 1])));
    expect(issues.map((i) => i.code)).toEqual(['too_few_levels']);
    expect(issues[0].message.en).toContain('at least 2');
    expect(issues[0].message.zh).toContain('至少需要 2 个类别');
  });
  it('rejects negative weights', () => {
    const w: ColumnData = { kind: 'numeric', name: 'w', type: 'numeric', values: Float64Array.from([1, -2, 3, 4]) };
    const issues = validate(makeInput(cat('a', ['x', 'y'], [0, 0, 1, 1]), cat('b', ['u', 'v'], [0, 1, 0, 1]), w));
    expect(issues.map((i) => i.code)).toEqual(['bad_weight']);
  });
  it('rejects a level whose weights are all zero', () => {
    const w: ColumnData = { kind: 'numeric', name: 'w', type: 'numeric', values: Float64Array.from([1, 2, 0, 0]) };
    const issues = validate(makeInput(cat('a', ['x', 'y'], [0, 0, 1, 1]), cat('b', ['u', 'v'], [0, 1, 0, 1]), w));
    expect(issues.map((i) => i.code)).toEqual(['empty_margin']);
  });
});
