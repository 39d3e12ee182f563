import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('categorical.mantel_haenszel');

function makeInput(r: ColumnData, c: ColumnData, k: ColumnData, w?: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise(w ? [r, c, k, w] : [r, c, k]);
  return {
    roles: { row: lw.cols[0], column: lw.cols[1], layer: lw.cols[2], weight: lw.cols[3] },
    options: { correct: true, exact: false, alternative: 'two.sided', conf_level: 0.95, tarone: false, ...options },
    n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used },
  };
}
function inputFor(c: any, extra: Record<string, string | number | boolean> = {}): RunInput {
  const d = loadCsv(c.data);
  return makeInput(
    categoricalColumn(d, c.roles.row),
    categoricalColumn(d, c.roles.column),
    categoricalColumn(d, c.roles.layer),
    c.roles.weight ? numericColumn(d, c.roles.weight) : undefined,
    { ...c.options, ...extra },
  );
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('categorical.mantel_haenszel vs R mantelhaen.test', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.row} × ${c.roles.column} | ${c.roles.layer} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      // the exact estimate and interval are uniroot roots (tolerance ~1e-4 in the odds ratio, as in R): 1e-5 there
      const tol = c.options.exact ? 1e-5 : 1e-6;
      expectClose(out.tables.tidy.rows[0], c.tidy, tol, 'tidy');
      expectClose(out.tables.tidy.rows[0].p_value, c.tidy.p_value, 1e-6, 'p_value');
      expect(out.tables.strata.rows.map((r: any) => r.stratum)).toEqual(c.strata);
      expectClose(out.tables.strata.rows.map((r: any) => [r.n11, r.n21, r.n12, r.n22]), c.counts, 1e-12, 'counts');
      expectClose(out.tables.strata.rows.map((r: any) => r.odds_ratio), c.strata_or, 1e-9, 'strata_or');
      const bd = out.assumptions[0];
      expectClose(bd.statistic, c.breslow_day.statistic, 1e-6, 'breslow_day');
      expectClose(bd.p_value, c.breslow_day.p_value, 1e-6, 'breslow_day p');
      const tar = run(testContext, inputFor(c, { tarone: true })) as any;
      expectClose(tar.assumptions[0].statistic, c.breslow_day.tarone_statistic, 1e-6, 'tarone');
      expectClose(tar.assumptions[0].p_value, c.breslow_day.tarone_p_value, 1e-6, 'tarone p');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBe(3);
      expect(text.zh.length).toBe(3);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }
  it('heterogeneous odds ratios (UCBAdmissions): Breslow–Day fails and suggests stratum odds ratios', () => {
    const input = inputFor(fx.cases[0]);
    const out = run(testContext, input) as any;
    expect(out.assumptions[0].ok).toBe(false);
    expect(out.assumptions[0].message).toMatch(/stratum-specific/);
    expect(interpret(asResult(out, input), input).en[2]).toMatch(/effect modification/);
  });
  it('validate: non-binary row, stratum of size 1, fractional weight for the exact test', () => {
    const cat = (name: string, levels: string[], codes: number[]): ColumnData => ({ kind: 'categorical', name, type: 'categorical', levels, codes: Int32Array.from(codes) });
    const r3 = cat('r', ['a', 'b', 'c'], [0, 1, 2, 0]);
    const c2 = cat('c', ['x', 'y'], [0, 1, 0, 1]);
    const k = cat('k', ['s1', 's2'], [0, 0, 0, 1]);
    expect(validate(makeInput(r3, c2, k)).map((i) => i.code)).toEqual(['not_binary']);
    const r2 = cat('r', ['a', 'b'], [0, 1, 0, 1]);
    const issues = validate(makeInput(r2, c2, k));
    expect(issues.map((i) => i.code)).toEqual(['small_stratum']);
    expect(issues[0].message.zh).toContain('少于 2 个观测');
    const w: ColumnData = { kind: 'numeric', name: 'w', type: 'numeric', values: Float64Array.from([1.5, 2, 3, 4]) };
    expect(validate(makeInput(r2, c2, cat('k', ['s'], [0, 0, 0, 0]), w, { exact: true })).map((i) => i.code)).toEqual(['bad_weight']);
  });
  it('rCode', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { row: 'Admit', column: 'Gender', layer: 'Dept', weight: 'Freq' }, options: { exact: true, conf_level: 0.9 } });
    expect(code).toContain('tab <- xtabs(Freq ~ Admit + Gender + Dept, data = d)');
    expect(code).toContain('mantelhaen.test(tab, alternative = "two.sided", correct = TRUE, exact = TRUE, conf.level = 0.9)');
  });
});
