import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('compare.anova_rm');

function makeInput(y: ColumnData, w: ColumnData, id: ColumnData): RunInput {
  const lw = listwise([y, w, id]);
  return { roles: { outcome: lw.cols[0], within: lw.cols[1], id: lw.cols[2] }, options: {}, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(numericColumn(d, c.roles.outcome), categoricalColumn(d, c.roles.within), categoricalColumn(d, c.roles.id));
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('compare.anova_rm vs R car::Anova(mlm, idesign)', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.outcome} ~ ${c.roles.within} | ${c.roles.id}`, () => {
      const input = inputFor(c);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      const a = c.anova;
      expectClose(out.tables.anova.rows[0], { df: a.df, sumsq: a.sumsq, statistic: a.statistic, p_value: a.p_value }, 1e-6, 'anova');
      expectClose(out.tables.anova.rows[1], { df: a.df_denom, sumsq: a.error_sumsq }, 1e-6, 'anova.error');
      expect(out.tables.tidy.rows[0].n_subjects).toBe(c.n_subjects);
      expectClose(out.tables.means.rows.map((r: any) => ({ mean: r.mean, sd: r.sd })), c.means.map((r: any) => ({ mean: r.mean, sd: r.sd })), 1e-6, 'means');
      if (c.sphericity) {
        // Mauchly's W is a ratio of a determinant to a power of the trace; for ChickWeight W ~ 1e-17 (near-singular),
        // so W is compared at 1e-5 relative (LU vs R's determinant); everything else at 1e-6.
        const s = out.tables.sphericity.rows[0];
        expectClose(s.mauchly_w, c.sphericity.mauchly_w, 1e-5, 'mauchly_w');
        const { mauchly_w: _w, ...rest } = c.sphericity;
        expectClose(s, rest, 1e-6, 'sphericity', 1e-300);
        expectClose(out.tables.tidy.rows[0].p_value_gg, c.sphericity.p_value_gg, 1e-6, 'p_gg');
      } else {
        expect(out.tables.sphericity).toBeUndefined();
      }
      if (c.n_dropped) {
        const w = out.warnings.find((x: any) => x.code === 'incomplete_subjects');
        expect(w.message).toContain(`${c.n_dropped} of ${c.n_subjects + c.n_dropped} subjects were dropped`);
        expect(w.message_zh).toContain(`${c.n_dropped} 名`);
      }
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBe(3);
      expect(text.zh.length).toBe(3);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }
  it('interpretation uses the GG correction when sphericity fails', () => {
    const input = inputFor(fx.cases[1]);
    const text = interpret(asResult(run(testContext, input), input), input);
    expect(text.en[1]).toMatch(/^Mean uptake changed across conc \(F\([\d.]+, [\d.]+\) = [\d.]+, p < 0\.001, Greenhouse–Geisser corrected, ε = 0\.24; partial η² = /);
  });
  it('rCode', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'uptake', within: 'conc', id: 'Plant' } });
    expect(code).toContain('car::Anova(fit, idata = idata, idesign = ~conc, type = "III")');
    expect(code).toContain('summary(av, multivariate = FALSE)');
  });
});

describe('compare.anova_rm input checks', () => {
  it('too few complete subjects', () => {
    const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from([1, 2, 3, 4]) };
    const w: ColumnData = { kind: 'categorical', name: 't', type: 'categorical', levels: ['a', 'b'], codes: Int32Array.from([0, 1, 0, 0]) };
    const id: ColumnData = { kind: 'categorical', name: 'id', type: 'categorical', levels: ['s1', 's2', 's3'], codes: Int32Array.from([0, 0, 1, 2]) };
    const issues = validate(makeInput(y, w, id));
    expect(issues.map((i) => i.code)).toEqual(['too_few_subjects']);
    expect(issues[0].message.en).toContain('2 of 3 incomplete');
  });
  it('a single level is refused', () => {
    const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from([1, 2]) };
    const w: ColumnData = { kind: 'categorical', name: 't', type: 'categorical', levels: ['a'], codes: Int32Array.from([0, 0]) };
    const id: ColumnData = { kind: 'categorical', name: 'id', type: 'categorical', levels: ['s1', 's2'], codes: Int32Array.from([0, 1]) };
    expect(validate(makeInput(y, w, id)).map((i) => i.code)).toEqual(['too_few_levels']);
  });
});
