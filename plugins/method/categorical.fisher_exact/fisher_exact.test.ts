import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { tableMatrix } from '$core/stats/contingency';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('categorical.fisher_exact');

function makeInput(r: ColumnData, c: ColumnData, w?: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise(w ? [r, c, w] : [r, c]);
  return {
    roles: { row: lw.cols[0], column: lw.cols[1], weight: lw.cols[2] },
    options: { alternative: 'two.sided', conf_level: 0.95, ...options },
    n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used },
  };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(categoricalColumn(d, c.roles.row), categoricalColumn(d, c.roles.column), c.roles.weight ? numericColumn(d, c.roles.weight) : undefined, c.options);
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('categorical.fisher_exact vs R fisher.test', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.row} × ${c.roles.column} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      // p-values are exact sums (1e-6); the odds ratio and its limits come from R's uniroot
      // (tolerance ~1.2e-4), which we port iterate for iterate, so they agree far closer than
      // that tolerance — but are compared at 1e-5 because the root is the result of an iteration.
      expectClose(out.tables.tidy.rows[0].p_value, c.tidy.p_value, 1e-6, 'p_value');
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-5, 'tidy');
      expectClose(tableMatrix(out.tables.observed, c.observed[0].length, c.observed.length), c.observed, 1e-6, 'observed');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThan(2);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }

  it('a table too large to enumerate gives a clear warning and a null p-value', async () => {
    const { fisherRxC } = await import('$core/stats/discrete');
    expect(fisherRxC([[20, 20, 20, 20], [20, 20, 20, 20], [20, 20, 20, 20], [20, 20, 20, 20]], 1000)).toBeNull();
    const cat = (name: string, levels: string[], codes: number[]): ColumnData => ({ kind: 'categorical', name, type: 'categorical', levels, codes: Int32Array.from(codes) });
    const n = 2000;
    const rr = Array.from({ length: n }, (_, i) => i % 6);
    const cc = Array.from({ length: n }, (_, i) => Math.floor(i / 7) % 6);
    const input = makeInput(cat('a', ['1', '2', '3', '4', '5', '6'], rr), cat('b', ['1', '2', '3', '4', '5', '6'], cc));
    const out = run(testContext, input) as any;
    expect(out.tables.tidy.rows[0].p_value).toBeNull();
    expect(out.warnings[0].code).toBe('table_too_large');
    expect(out.warnings[0].message).toContain('chi-square');
    const text = interpret(asResult(out, input), input);
    expect(text.en[0]).toContain('too large');
  });

  it('rCode writes the fisher.test call', () => {
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { row: 'low', column: 'smoke' }, options: { alternative: 'greater', conf_level: 0.99 } })).toContain(
      'fisher.test(tab, alternative = "greater", conf.level = 0.99)',
    );
  });

  it('rejects non-integer weights and one-level variables', () => {
    const cat = (name: string, levels: string[], codes: number[]): ColumnData => ({ kind: 'categorical', name, type: 'categorical', levels, codes: Int32Array.from(codes) });
    const w: ColumnData = { kind: 'numeric', name: 'w', type: 'numeric', values: Float64Array.from([1.5, 2, 3, 4]) };
    expect(validate(makeInput(cat('a', ['x', 'y'], [0, 0, 1, 1]), cat('b', ['u', 'v'], [0, 1, 0, 1]), w)).map((i) => i.code)).toEqual(['bad_weight']);
    const issues = validate(makeInput(cat('a', ['x', 'y'], [0, 0, 1, 1]), cat('b', ['u'], [0, 0, 0, 0])));
    expect(issues.map((i) => i.code)).toEqual(['too_few_levels']);
    expect(issues[0].message.zh).toContain('至少需要 2 个类别');
  });
});
