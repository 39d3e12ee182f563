import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('categorical.chisq_gof');

function makeInput(c: ColumnData, w?: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise(w ? [c, w] : [c]);
  return { roles: { column: lw.cols[0], weight: lw.cols[1] }, options: { p: '', ...options }, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(categoricalColumn(d, c.roles.column), c.roles.weight ? numericColumn(d, c.roles.weight) : undefined, c.options);
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('categorical.chisq_gof vs R chisq.test(x, p)', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.column} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expect(out.tables.observed.rows.map((r: any) => r.level)).toEqual(c.levels);
      expectClose(out.tables.observed.rows.map((r: any) => r.observed), c.observed, 1e-12, 'observed');
      expectClose(out.tables.expected.rows.map((r: any) => r.expected), c.expected, 1e-6, 'expected');
      expectClose(out.tables.expected.rows.map((r: any) => r.p), c.p, 1e-6, 'p');
      expectClose(out.tables.residuals.rows.map((r: any) => r.residual), c.residuals, 1e-6, 'residuals');
      expectClose(out.tables.residuals.rows.map((r: any) => r.stdres), c.stdres, 1e-6, 'stdres');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBe(3);
      expect(text.zh.length).toBe(3);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
      expect(text.zh[0]).toContain('拟合优度卡方检验');
    });
  }
  it('validate: wrong number of proportions, sum not 1, negative, one category', () => {
    const d = loadCsv('mtcars');
    const cyl = categoricalColumn(d, 'cyl');
    expect(validate(makeInput(cyl, undefined, { p: '0.5,0.5' }))[0].message.en).toMatch(/2 expected proportions were given but “cyl” has 3/);
    expect(validate(makeInput(cyl, undefined, { p: '0.5,0.3,0.3' }))[0].message.en).toMatch(/sum to 1\.1/);
    expect(validate(makeInput(cyl, undefined, { p: '0.5,0.3,0.2000000001' }))).toEqual([]);
    expect(validate(makeInput(cyl, undefined, { p: '1.2,-0.1,-0.1' }))[0].message.zh).toContain('非负');
    expect(validate(makeInput(cyl, undefined, { p: 'a,b,c' }))[0].code).toBe('bad_p');
    const one: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a'], codes: Int32Array.from([0, 0, 0]) };
    expect(validate(makeInput(one)).map((i) => i.code)).toEqual(['too_few_levels']);
  });
  it('small expected counts: assumption fails and suggests the exact multinomial test', () => {
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a', 'b', 'c'], codes: Int32Array.from([0, 0, 1, 2, 2, 2]) };
    const out = run(testContext, makeInput(g)) as any;
    expect(out.assumptions[0].ok).toBe(false);
    expect(out.assumptions[0].message).toMatch(/exact multinomial/);
    expect(out.warnings[0].code).toBe('small_expected');
  });
  it('rCode', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { column: 'Dept', weight: 'Freq' }, options: { p: '0.2, 0.3,0.5' } });
    expect(code).toContain('x <- xtabs(Freq ~ Dept, data = d)');
    expect(code).toContain('p <- c(0.2, 0.3, 0.5)');
    expect(code).toContain('chisq.test(x, p = p)');
  });
});
