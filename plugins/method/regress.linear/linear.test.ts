import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { autoColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { MAX_DIAG_POINTS, fitModel, run, validate } from './run';
import { columnToModelVar, leverage, type ModelVar } from '$core/stats/linear-model';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('regress.linear');

function makeInput(y: ColumnData, xs: ColumnData[], options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise([y, ...xs]);
  return { roles: { outcome: lw.cols[0], covariates: lw.cols.slice(1) }, options: { conf_level: 0.95, ...options }, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(numericColumn(d, c.roles.outcome), c.roles.covariates.map((v: string) => autoColumn(d, v)), c.options);
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('regress.linear vs R lm()', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.formula} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows, c.tidy, 1e-6, 'tidy');
      const g = c.glance;
      expectClose(out.tables.glance.rows[0], {
        r_squared: g.r_squared, adj_r_squared: g.adj_r_squared, sigma: g.sigma, statistic: g.statistic, p_value: g.p_value, df: g.df,
        log_lik: g.logLik, aic: g.AIC, bic: g.BIC, deviance: g.deviance, df_residual: g.df_residual, nobs: g.nobs,
      }, 1e-6, 'glance');
      expectClose(out.tables.anova.rows, c.anova, 1e-6, 'anova');
      if (c.vif) expectClose(out.tables.vif.rows, c.vif, 1e-6, 'vif');
      else expect(out.tables.vif).toBeUndefined();
      if (c.aliased.length) expect(out.warnings.map((w: any) => w.code)).toContain('aliased');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThan(2);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }

  it('leverages and standardized residuals match R hatvalues() / rstandard()', () => {
    for (const c of fx.cases) {
      const input = inputFor(c);
      const y = (input.roles.outcome as any).values as Float64Array;
      const vars = (input.roles.covariates as any[]).map((col) => columnToModelVar(col)) as ModelVar[];
      const m = fitModel(y, vars);
      const h = leverage(m.design, m.fit);
      expectClose(Array.from(h.subarray(0, 10)), c.hat_head, 1e-6, `${c.data} hat`);
      const rs = Array.from({ length: 10 }, (_, i) => m.fit.residuals[i] / (m.sigma * Math.sqrt(1 - h[i])));
      expectClose(rs, c.rstandard_head, 1e-6, `${c.data} rstandard`);
    }
  });

  it('diagnostic figures are Vega-Lite v6 and capped', () => {
    const out = run(testContext, inputFor(fx.cases[0])) as any;
    expect(out.figures.map((f: any) => f.id)).toEqual(['residuals_fitted', 'qq_residuals']);
    expect(out.figures[0].spec.$schema).toContain('vega-lite/v6');
    expect(out.figures[1].spec.layer[0].data.values).toHaveLength(32);
    // the largest standardized residual is R's max(rstandard(fit))
    const std = out.figures[1].spec.layer[0].data.values.map((v: any) => v.standardized);
    const r = fx.cases[0].rstandard_head as number[];
    expect(Math.max(...std)).toBeGreaterThanOrEqual(Math.max(...r) - 1e-9);
  });

  it('interpretation reads like a paper sentence', () => {
    const input = inputFor(fx.cases[0]);
    const text = interpret(asResult(run(testContext, input), input), input);
    expect(text.en[0]).toMatch(/^In a linear regression of mpg on wt, hp \(n = 32\), the model explained 82\.7% .*F\(2, 29\) = 69\.2, p < 0\.001\)/);
    expect(text.en[1]).toMatch(/Each one-unit increase in wt was associated with a lower mean mpg by 3\.88/);
    expect(text.zh[0]).toContain('线性回归');
  });

  it('rCode writes the lm call', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'mpg', covariates: ['wt', 'my var'] }, options: { conf_level: 0.9 } });
    expect(code).toContain('fit <- lm(mpg ~ wt + `my var`, data = d)');
    expect(code).toContain('conf.level = 0.9');
    expect(code).toContain('car::vif(fit)');
  });

  it('1,000,000 × 20: the large-n solver is right and the figures are capped', () => {
    const n = 1_000_000;
    const xs: ColumnData[] = [];
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
    const y = new Float64Array(n);
    for (let j = 0; j < 19; j++) {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = rnd() + (j === 1 ? 100 : 0);
      xs.push({ kind: 'numeric', name: `x${j}`, type: 'numeric', values: v });
    }
    for (let i = 0; i < n; i++) y[i] = 1 + (xs[0] as any).values[i] * 2 - (xs[5] as any).values[i] + rnd();
    const input: RunInput = { roles: { outcome: { kind: 'numeric', name: 'y', type: 'numeric', values: y }, covariates: xs }, options: { conf_level: 0.95 }, n: { rows: n, used: n, excluded: 0 } };
    // No timing assertion here (speed belongs to `npm run bench`): this checks the large-n path
    // (centred Cholesky) gives the right answer and the figures stay capped.
    const out = run(testContext, input) as any;
    expect(out.tables.tidy.rows[1].estimate).toBeCloseTo(2, 1);
    expect(out.figures[0].spec.layer[0].data.values.length).toBe(MAX_DIAG_POINTS);
  }, 30000);
});

describe('regress.linear input checks', () => {
  const d = loadCsv('mtcars');
  it('too few rows', () => {
    const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from([1, 2, 3]) };
    const x1: ColumnData = { kind: 'numeric', name: 'a', type: 'numeric', values: Float64Array.from([1, 5, 3]) };
    const x2: ColumnData = { kind: 'numeric', name: 'b', type: 'numeric', values: Float64Array.from([2, 1, 7]) };
    const issues = validate(makeInput(y, [x1, x2]));
    expect(issues.map((i) => i.code)).toEqual(['too_few_rows']);
    expect(issues[0].message.zh).toContain('行数多于系数');
  });
  it('constant outcome', () => {
    const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: new Float64Array(10).fill(3) };
    const issues = validate(makeInput(y, [numericColumn({ ...d, rows: d.rows.slice(0, 10), nrow: 10 }, 'wt')]));
    expect(issues.map((i) => i.code)).toEqual(['constant_outcome']);
  });
  it('a one-level factor is refused', () => {
    const y = numericColumn(d, 'mpg');
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a'], codes: new Int32Array(32) };
    const issues = validate(makeInput(y, [g]));
    expect(issues.map((i) => i.code)).toEqual(['factor_one_level']);
    expect(issues[0].message.en).toContain('single level');
  });
});
