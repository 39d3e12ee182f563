import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { autoColumn, expectClose, listwise, loadCsv, loadFixture, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

// IRLS as R's glm.fit (same start, same criterion, same iterations), so results agree to 1e-6.
const TOL = 1e-6;
const fx = loadFixture('regress.poisson');

function makeInput(y: ColumnData, xs: ColumnData[], e?: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise(e ? [y, e, ...xs] : [y, ...xs]);
  return {
    roles: { outcome: lw.cols[0], exposure: e ? lw.cols[1] : undefined, covariates: lw.cols.slice(e ? 2 : 1) },
    options: { conf_level: 0.95, ...options },
    n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used },
  };
}

function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(autoColumn(d, c.roles.outcome), c.roles.covariates.map((v: string) => autoColumn(d, v)), c.roles.exposure ? autoColumn(d, c.roles.exposure) : undefined, c.options);
}

const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('regress.poisson vs R glm(family = poisson)', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.outcome} ~ ${c.roles.covariates.join(' + ')}${c.roles.exposure ? ` + offset(log(${c.roles.exposure}))` : ''} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expect(out.tables.tidy.rows.map((r: any) => r.term)).toEqual(c.tidy.map((r: any) => r.term));
      expectClose(out.tables.tidy.rows, c.tidy, TOL, 'tidy');
      expectClose(out.tables.glance.rows[0], c.glance, TOL, 'glance');
      expectClose({ pearson_chisq: out.tables.dispersion.rows[0].pearson_chisq, ratio: out.tables.dispersion.rows[0].ratio }, c.dispersion, TOL, 'dispersion');
      const od = out.assumptions[0];
      expect(od.ok).toBe(c.dispersion.ratio <= 1.5);
      if (!od.ok) expect(od.message).toMatch(/negative binomial/);
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThan(3);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }

  it('reads like a paper: rate ratio per unit of exposure', () => {
    const input = inputFor(fx.cases[3]);
    const text = interpret(asResult(run(testContext, input), input), input);
    expect(text.en.join('\n')).toMatch(/Age = >35 \(vs 25-29\) was associated with a [\d.]+% lower rate of Claims per unit of Holders \(RR 0\.\d+, 95% CI/);
  });

  it('rCode writes the glm call with the offset', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'Claims', covariates: ['Age', 'my group'], exposure: 'Holders' }, options: { conf_level: 0.9 } });
    expect(code).toContain('glm(Claims ~ Age + `my group` + offset(log(Holders)), family = poisson, data = d)');
    expect(code).toContain('confint.default(fit, level = 0.9)');
  });
});

describe('regress.poisson input checks', () => {
  const num = (name: string, v: number[]): ColumnData => ({ kind: 'numeric', name, type: 'numeric', values: Float64Array.from(v) });
  it('rejects negative counts, all-zero counts, non-positive exposure and too few rows', () => {
    expect(validate(makeInput(num('y', [1, -2, 3, 4]), [num('x', [1, 2, 3, 4])])).map((i) => i.code)).toEqual(['negative_count']);
    expect(validate(makeInput(num('y', [0, 0, 0, 0]), [num('x', [1, 2, 3, 4])])).map((i) => i.code)).toEqual(['all_zero']);
    const ex = validate(makeInput(num('y', [1, 2, 3, 4]), [num('x', [1, 2, 3, 4])], num('t', [1, 0, 2, 3])));
    expect(ex.map((i) => i.code)).toEqual(['exposure_not_positive']);
    expect(ex[0].message.zh).toContain('暴露量');
    expect(validate(makeInput(num('y', [1, 2]), [num('x', [1, 2])])).map((i) => i.code)).toEqual(['too_few_rows']);
  });
  it('non-integer counts: estimates, but no likelihood, and a warning', () => {
    const input = makeInput(num('y', [1.5, 2, 3.2, 4, 6.1, 7]), [num('x', [1, 2, 3, 4, 5, 6])]);
    const out = run(testContext, input) as any;
    expect(out.warnings.map((w: any) => w.code)).toContain('non_integer_counts');
    expect(out.tables.glance.rows[0].aic).toBeNull();
    expect(JSON.stringify(out)).not.toMatch(/NaN/);
  });
});
