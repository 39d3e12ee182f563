import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { autoColumn, expectClose, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { ppoints, run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('describe.normality');

function makeInput(vars: ColumnData[], group?: ColumnData): RunInput {
  const rows = vars[0].kind === 'numeric' ? vars[0].values.length : 0;
  return { roles: { variables: vars, group }, options: {}, n: { rows, used: rows, excluded: 0 } };
}
const num = (v: ArrayLike<number>, name = 'v'): ColumnData => ({ kind: 'numeric', name, type: 'numeric', values: Float64Array.from(v) });

describe('describe.normality vs R shapiro.test / lillie.test', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.variables.join(', ')}${c.roles.group ? ` by ${c.roles.group}` : ''}`, () => {
      const d = loadCsv(c.data);
      const input = makeInput(c.roles.variables.map((v: string) => numericColumn(d, v)), c.roles.group ? autoColumn(d, c.roles.group) : undefined);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows, c.rows, 1e-6, 'tidy');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const res: Result = { plugin: manifest.id, plugin_version: '1', title: '', n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out };
      const text = interpret(res, input);
      expect(text.en.length).toBe(c.rows.length / 2 + 1);
      expect(text.zh.length).toBe(text.en.length);
      expect(out.figures[0].spec.$schema).toContain('vega-lite/v6');
    });
  }
  it('ppoints as R', () => {
    expectClose(Array.from(ppoints(4)), [0.1470588235294118, 0.3823529411764706, 0.6176470588235294, 0.8529411764705882], 1e-12);
    expectClose(Array.from(ppoints(11)).slice(0, 2), [0.04545454545454545, 0.1363636363636364], 1e-12);
  });
  it('n > 5000: Shapiro–Wilk null with a note and a warning; Q-Q plot thinned', () => {
    const n = 6000;
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i) + (i % 7));
    const out = run(testContext, makeInput([num(x, 'x')])) as any;
    expect(out.tables.tidy.rows[0].statistic).toBeNull();
    expect(out.tables.tidy.rows[1].statistic).toBeGreaterThan(0);
    expect(out.tables.tidy.notes.join(' ')).toMatch(/5000/);
    expect(out.warnings[0].code).toBe('shapiro_n_gt_5000');
    expect(out.figures[0].spec.data.values.length).toBeLessThanOrEqual(1002);
  });
  it('validate: too few values, non-numeric', () => {
    expect(validate(makeInput([num([1, NaN, 2], 'x')])).map((i) => i.code)).toEqual(['too_few_values']);
    const cat: ColumnData = { kind: 'categorical', name: 'c', type: 'categorical', levels: ['a'], codes: Int32Array.from([0, 0, 0]) };
    expect(validate(makeInput([cat]))[0].message.zh).toContain('不是数值变量');
  });
  it('constant data and tiny groups give nulls with notes', () => {
    const out = run(testContext, makeInput([num([2, 2, 2, 2], 'x')])) as any;
    expect(out.tables.tidy.rows[0].p_value).toBeNull();
    expect(out.tables.tidy.rows[1].p_value).toBeNull();
    expect(out.tables.tidy.notes.length).toBeGreaterThan(1);
  });
  it('rCode', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { variables: ['mpg', 'hp'], group: 'am' } });
    expect(code).toContain('sapply(split(d$mpg, d$am), normality)');
    expect(code).toContain('shapiro.test(x)');
    expect(code).toContain('qqnorm(d$hp');
  });
});
