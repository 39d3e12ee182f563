import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('compare.ancova');

function makeInput(y: ColumnData, g: ColumnData, xs: ColumnData[]): RunInput {
  const lw = listwise([y, g, ...xs]);
  return { roles: { outcome: lw.cols[0], group: lw.cols[1], covariates: lw.cols.slice(2) }, options: {}, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(numericColumn(d, c.roles.outcome), categoricalColumn(d, c.roles.group), c.roles.covariates.map((x: string) => numericColumn(d, x)));
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('compare.ancova vs R car::Anova + adjusted means', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.outcome} ~ ${c.roles.group} + ${c.roles.covariates.join(' + ')}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.anova.rows, c.anova, 1e-6, 'anova');
      expectClose(out.tables.adjusted_means.rows, c.adjusted_means, 1e-6, 'adjusted_means');
      expectClose(out.tables.tidy.rows.map((r: any) => ({ ...r, term: undefined })), c.tidy.map((r: any) => ({ ...r, term: undefined })), 1e-6, 'tidy');
      const hs = out.assumptions.find((a: any) => a.name.startsWith('Homogeneity'));
      expectClose({ statistic: hs.statistic, p_value: hs.p_value }, { statistic: c.slopes.statistic, p_value: c.slopes.p_value }, 1e-6, 'slopes');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThanOrEqual(3);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }
  it('tidy term names follow model.matrix', () => {
    const out = run(testContext, inputFor(fx.cases[0])) as any;
    expect(out.tables.tidy.rows.map((r: any) => r.term)).toEqual(fx.cases[0].tidy.map((r: any) => r.term));
  });
  it('interpretation and rCode', () => {
    const input = inputFor(fx.cases[0]);
    const out = run(testContext, input) as any;
    const text = interpret(asResult(out, input), input);
    expect(text.en[1]).toMatch(/^After adjustment for Prewt, mean Postwt differed between Treat groups \(F\(2, 68\) = /);
    expect(text.en.join(' ')).toContain('slopes differ');
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'Postwt', group: 'Treat', covariates: ['Prewt'] } });
    expect(code).toContain('fit <- lm(Postwt ~ Treat + Prewt, data = d)');
    expect(code).toContain('anova(fit, lm(Postwt ~ Treat + Prewt + Treat:Prewt, data = d))');
  });
});

describe('compare.ancova input checks', () => {
  it('constant covariate and small group', () => {
    const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from([1, 2, 3, 4, 5]) };
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a', 'b'], codes: Int32Array.from([0, 0, 0, 0, 1]) };
    const x: ColumnData = { kind: 'numeric', name: 'x', type: 'numeric', values: new Float64Array(5).fill(2) };
    expect(validate(makeInput(y, g, [x])).map((i) => i.code)).toEqual(['constant_covariate']);
    const x2: ColumnData = { kind: 'numeric', name: 'x', type: 'numeric', values: Float64Array.from([3, 1, 4, 1, 5]) };
    const issues = validate(makeInput(y, g, [x2]));
    expect(issues.map((i) => i.code)).toEqual(['group_too_small']);
    expect(issues[0].message.zh).toContain('至少需要 2 个');
  });
});
