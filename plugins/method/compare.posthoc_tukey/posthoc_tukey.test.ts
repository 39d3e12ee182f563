import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('compare.posthoc_tukey');

function makeInput(y: ColumnData, g: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise([y, g]);
  return { roles: { outcome: lw.cols[0], group: lw.cols[1] }, options: { conf_level: 0.95, ...options }, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(numericColumn(d, c.roles.outcome), categoricalColumn(d, c.roles.group), c.options);
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('compare.posthoc_tukey vs R TukeyHSD', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.outcome} ~ ${c.roles.group} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      // ptukey/qtukey are R's own algorithm (numerical integration + secant), ported line by line:
      // agreement is at rounding level; p-values near 0 (1 - P computed as R does) compare absolutely.
      expectClose(out.tables.posthoc.rows, c.posthoc, 1e-6, 'posthoc', 1e-12);
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBe(c.posthoc.length + 2);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }
  it('figure and rCode', () => {
    const out = run(testContext, inputFor(fx.cases[0])) as any;
    expect(out.figures[0].spec.$schema).toContain('vega-lite/v6');
    expect(out.tables.posthoc.rows.map((r: any) => r.contrast)).toEqual(['trt1-ctrl', 'trt2-ctrl', 'trt2-trt1']);
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'weight', group: 'group' }, options: { conf_level: 0.99 } });
    expect(code).toContain('TukeyHSD(fit, conf.level = 0.99)');
  });
});

describe('compare.posthoc_tukey input checks', () => {
  it('one group is refused', () => {
    const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from([1, 2, 3]) };
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a'], codes: new Int32Array(3) };
    expect(validate(makeInput(y, g)).map((i) => i.code)).toEqual(['too_few_groups']);
  });
  it('too few residual df', () => {
    const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from([1, 2, 3]) };
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a', 'b'], codes: Int32Array.from([0, 0, 1]) };
    const issues = validate(makeInput(y, g));
    expect(issues.map((i) => i.code)).toEqual(['too_few_rows']);
    expect(issues[0].message.zh).toContain('残差自由度');
  });
});
