import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('compare.anova_twoway');

function makeInput(y: ColumnData, fs: ColumnData[], options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise([y, ...fs]);
  return { roles: { outcome: lw.cols[0], factors: lw.cols.slice(1) }, options: { type: 'II', interaction: true, ...options }, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(numericColumn(d, c.roles.outcome), c.roles.factors.map((f: string) => categoricalColumn(d, f)), c.options);
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('compare.anova_twoway vs R car::Anova', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.outcome} ~ ${c.roles.factors.join(c.options.interaction ? ' * ' : ' + ')} type ${c.options.type}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.anova.rows, c.anova, 1e-6, 'anova');
      const [a, b] = c.roles.factors;
      const cellsR = c.cells.map((r: any) => ({ [a]: r.a, [b]: r.b, n: r.n, mean: r.mean }));
      expectClose(out.tables.cells.rows, cellsR, 1e-6, 'cells');
      const lev = out.assumptions.find((x: any) => x.name.startsWith('Equal variances'));
      expectClose({ statistic: lev.statistic, p_value: lev.p_value }, c.levene, 1e-6, 'levene');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThan(2);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }
  it('rCode sets sum contrasts for type III', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'len', factors: ['supp', 'dose'] }, options: { type: 'III', interaction: true } });
    expect(code).toContain('options(contrasts = c("contr.sum", "contr.poly"))');
    expect(code).toContain('fit <- lm(len ~ supp * dose, data = d)');
    expect(code).toContain('car::Anova(fit, type = "III")');
  });
  it('interpretation', () => {
    const input = inputFor(fx.cases[0]);
    const text = interpret(asResult(run(testContext, input), input), input);
    expect(text.en[1]).toMatch(/^Mean len differed between levels of supp \(F\(1, 54\) = 15\.6, p < 0\.001; partial η² = 0\.22\)\.$/);
  });
});

describe('compare.anova_twoway input checks', () => {
  const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from([1, 2, 3, 4, 5, 6, 7]) };
  const a: ColumnData = { kind: 'categorical', name: 'a', type: 'categorical', levels: ['p', 'q'], codes: Int32Array.from([0, 0, 0, 1, 1, 1, 1]) };
  const b: ColumnData = { kind: 'categorical', name: 'b', type: 'categorical', levels: ['u', 'v'], codes: Int32Array.from([0, 0, 0, 0, 1, 1, 1]) };
  it('empty cells with interaction', () => {
    const issues = validate(makeInput(y, [a, b]));
    expect(issues.map((i) => i.code)).toContain('empty_cells');
    expect(issues[0].message.en).toContain('a = p, b = v');
    expect(validate(makeInput(y, [a, b], { interaction: false }))).toEqual([]);
  });
  it('one-level factor', () => {
    const c: ColumnData = { kind: 'categorical', name: 'c', type: 'categorical', levels: ['z'], codes: new Int32Array(7) };
    expect(validate(makeInput(y, [a, c])).map((i) => i.code)).toEqual(['factor_one_level']);
  });
});
