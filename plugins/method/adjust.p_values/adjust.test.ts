import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { expectClose, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('adjust.p_values');

function makeInput(c: ColumnData, method: string): RunInput {
  const rows = c.kind === 'numeric' ? c.values.length : 0;
  return { roles: { variables: c }, options: { method }, n: { rows, used: rows, excluded: 0 } };
}
const num = (v: ArrayLike<number>): ColumnData => ({ kind: 'numeric', name: 'p', type: 'numeric', values: Float64Array.from(v) });

describe('adjust.p_values vs R p.adjust', () => {
  for (const c of fx.cases) {
    it(`${c.data} ${c.options.method}`, () => {
      const input = makeInput(numericColumn(loadCsv(c.data), 'p'), c.options.method);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.adjusted.rows, c.rows, 1e-6, 'adjusted');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const res: Result = { plugin: manifest.id, plugin_version: '1', title: '', n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out };
      const text = interpret(res, input);
      expect(text.en.length).toBe(3);
      expect(text.zh.length).toBe(3);
    });
  }
  it('validate: values outside [0, 1], all missing', () => {
    const iss = validate(makeInput(num([0.01, 1.2, 0.5]), 'holm'));
    expect(iss.map((i) => i.code)).toEqual(['not_probability']);
    expect(iss[0].message.en).toContain('1.2');
    expect(iss[0].message.zh).toContain('[0, 1]');
    expect(validate(makeInput(num([NaN, NaN]), 'holm')).map((i) => i.code)).toEqual(['no_values']);
  });
  it('rCode', () => {
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { variables: 'p value' }, options: { method: 'BH' } })).toContain('p.adjust(d$`p value`, method = "BH")');
  });
});
