import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { autoColumn, expectClose, listwise, loadCsv, loadFixture, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

// IRLS as R's glm.fit (same start, same criterion, same iterations), so results agree to 1e-6;
// the WLS step goes through a Cholesky of X'WX instead of R's QR (differences ~1e-10).
const TOL = 1e-6;
const fx = loadFixture('regress.logistic');

function makeInput(y: ColumnData, xs: ColumnData[], options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise([y, ...xs]);
  return {
    roles: { outcome: lw.cols[0], covariates: lw.cols.slice(1) },
    options: { event_value: '', conf_level: 0.95, ...options },
    n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used },
  };
}

function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  // the outcome arrives as a factor (role `as: 'categorical'`)
  const y = autoColumn(d, c.roles.outcome);
  const yc: ColumnData = y.kind === 'numeric' ? { kind: 'categorical', name: y.name, type: y.type, levels: [...new Set(y.values)].sort((a, b) => a - b).map(String), codes: Int32Array.from(y.values, (v) => (Number.isNaN(v) ? -1 : 0)) } : y;
  if (y.kind === 'numeric' && yc.kind === 'categorical') {
    const idx = new Map(yc.levels.map((l, i) => [Number(l), i]));
    yc.codes = Int32Array.from(y.values, (v) => idx.get(v) ?? -1);
  }
  return makeInput(yc, c.roles.covariates.map((v: string) => autoColumn(d, v)), c.options);
}

const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('regress.logistic vs R glm(family = binomial)', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.outcome} ~ ${c.roles.covariates.join(' + ')} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expect(out.tables.tidy.rows.map((r: any) => r.term)).toEqual(c.tidy.map((r: any) => r.term));
      expectClose(out.tables.tidy.rows, c.tidy, TOL, 'tidy');
      expectClose(out.tables.glance.rows[0], c.glance, TOL, 'glance');
      expectClose(out.tables.auc.rows[0].auc, c.auc, TOL, 'auc');
      const hl = out.assumptions.find((a: any) => a.name.startsWith('Calibration'));
      expectClose({ statistic: hl.statistic, p_value: hl.p_value }, { statistic: c.hoslem.statistic, p_value: c.hoslem.p_value }, TOL, 'hoslem');
      expect(out.warnings.some((w: any) => w.code === 'separation')).toBe(c.warnings.some((w: string) => /numerically 0 or 1/.test(w)));
      expect(out.warnings.some((w: any) => w.code === 'aliased')).toBe(c.tidy.some((r: any) => r.estimate === null));
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThan(3);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
      expect(out.figures[0].spec.$schema).toContain('vega-lite/v6');
    });
  }

  it('reads like a paper: odds ratio with CI and p', () => {
    const input = inputFor(fx.cases[0]);
    const text = interpret(asResult(run(testContext, input), input), input);
    expect(text.en.join('\n')).toMatch(/Each one-unit increase in age was associated with [\d.]+% lower odds of low = 1 \(OR 0\.\d+, 95% CI [\d.]+–[\d.]+; p = 0\.\d+\)/);
    expect(text.zh.join('\n')).toMatch(/age 每增加 1 个单位/);
  });

  it('rCode writes the glm call', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'type', covariates: ['glu', 'my bmi'] }, options: { event_value: 'No', conf_level: 0.9 } });
    expect(code).toContain('glm(.event ~ glu + `my bmi`, family = binomial, data = d)');
    expect(code).toContain('d$.event <- as.integer(as.character(d$type) == "No")');
    expect(code).toContain('confint.default(fit, level = 0.9)');
  });
});

describe('regress.logistic input checks and edge cases', () => {
  const num = (name: string, v: number[]): ColumnData => ({ kind: 'numeric', name, type: 'numeric', values: Float64Array.from(v) });
  const bin = (name: string, v: number[]): ColumnData => ({ kind: 'categorical', name, type: 'integer', levels: ['0', '1'], codes: Int32Array.from(v) });
  it('rejects an event value that is not in the data', () => {
    const issues = validate(makeInput(bin('y', [0, 1, 0, 1, 1, 0]), [num('x', [1, 2, 3, 4, 5, 6])], { event_value: 'yes' }));
    expect(issues.map((i) => i.code)).toEqual(['bad_event_value']);
    expect(issues[0].message.zh).toContain('事件取值');
  });
  it('rejects a one-level outcome, a one-level factor and too few rows', () => {
    expect(validate(makeInput(bin('y', [1, 1, 1, 1]), [num('x', [1, 2, 3, 4])])).map((i) => i.code)).toEqual(['outcome_not_binary']);
    const f: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a'], codes: new Int32Array(6) };
    expect(validate(makeInput(bin('y', [0, 1, 0, 1, 1, 0]), [f])).map((i) => i.code)).toEqual(['covariate_one_level']);
    const few = validate(makeInput(bin('y', [0, 1, 1]), [num('x', [1, 2, 3]), num('z', [3, 1, 2])]));
    expect(few.map((i) => i.code)).toEqual(['too_few_rows']);
    expect(few[0].message.en).toMatch(/more rows than coefficients/);
  });
  it('complete separation: a warning and no NaN (R: fitted probabilities numerically 0 or 1)', () => {
    const input = makeInput(bin('y', [0, 0, 0, 0, 1, 1, 1, 1]), [num('x', [1, 2, 3, 4, 5, 6, 7, 8])]);
    const out = run(testContext, input) as any;
    expect(out.warnings.map((w: any) => w.code)).toContain('separation');
    expect(JSON.stringify(out)).not.toMatch(/NaN/);
    const text = interpret(asResult(out, input), input);
    expect(text.en.join(' ')).toMatch(/separation/);
  });
});
