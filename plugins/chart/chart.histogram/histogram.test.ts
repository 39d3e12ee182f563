import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { autoColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('chart.histogram');

function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  const cols: ColumnData[] = [numericColumn(d, c.roles.x)];
  if (c.roles.group) cols.push(autoColumn(d, c.roles.group));
  const lw = listwise(cols);
  return {
    roles: { x: lw.cols[0], ...(c.roles.group ? { group: lw.cols[1] } : {}) },
    options: { bins: c.options.bins },
    n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used },
  };
}

const asResult = (out: any, input: RunInput): Result => ({
  plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out,
});

describe('chart.histogram vs R hist()', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.x}${c.roles.group ? ` by ${c.roles.group}` : ''}, bins = ${c.options.bins}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.bins.rows, c.rows, 1e-6, 'bins');
      const spec = out.figures[0].spec;
      expect(spec.$schema).toContain('vega-lite/v6');
      expect(spec.encoding.x2.field).toBe('bin_end');
      expect(spec.data.values).toHaveLength(c.rows.length);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThan(1);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }

  it('input checks', () => {
    const d = loadCsv('iris');
    const species = autoColumn(d, 'Species');
    const n = { rows: 150, used: 150, excluded: 0 };
    expect(validate({ roles: { x: species }, options: { bins: 0 }, n }).map((i) => i.code)).toEqual(['x_not_numeric']);
    const empty: ColumnData = { kind: 'numeric', name: 'e', type: 'numeric', values: Float64Array.from([NaN, NaN]) };
    const v = validate({ roles: { x: empty }, options: { bins: 0 }, n });
    expect(v.map((i) => i.code)).toEqual(['no_data']);
    expect(v[0].message.zh).toContain('非缺失值');
  });

  it('rCode uses hist() with the bins and shared breaks by group', () => {
    const base = { plugin: manifest.id, data: { file: 'x.csv' } };
    expect(rCode({ ...base, roles: { x: 'mpg' } })).toContain('hist(d$mpg, main = NULL');
    expect(rCode({ ...base, roles: { x: 'mpg' }, options: { bins: 12 } })).toContain('hist(d$mpg, breaks = 12');
    const g = rCode({ ...base, roles: { x: 'Petal.Length', group: 'Species' } });
    expect(g).toContain('split(d$Petal.Length[ok], d$Species[ok])');
    expect(g).toContain('breaks = h$breaks');
  });
});
