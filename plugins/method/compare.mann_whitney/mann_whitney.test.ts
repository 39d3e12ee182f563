import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { autoColumn, categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

// With ties or n >= 50 R finds the estimate and interval by uniroot (tol 1e-4) on the normal
// approximation; ours is a port of the same zeroin iterations, so those numbers also match to
// 1e-6 here, but they are iterative: if a case ever differs, 1e-5 is the documented tolerance.
const fx = loadFixture('compare.mann_whitney');
const defaults = { alternative: 'two.sided', mu: 0, exact: 'auto', correct: true, conf_int: true, conf_level: 0.95 };

function makeInput(y: ColumnData, g: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise([y, g]);
  return { roles: { outcome: lw.cols[0], group: lw.cols[1] }, options: { ...defaults, ...options }, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(numericColumn(d, c.roles.outcome), autoColumn(d, c.roles.group), c.options);
}
function asResult(out: any, input: RunInput): Result {
  return { plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out };
}

describe('compare.mann_whitney vs R wilcox.test', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.outcome} ~ ${c.roles.group} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy[0]');
      expectClose(out.tables.groups.rows, c.groups, 1e-6, 'groups');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThan(2);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }
  it('has a box-plot figure', () => {
    const out = run(testContext, inputFor(fx.cases[0])) as any;
    expect(out.figures[0].spec.$schema).toContain('vega-lite/v6');
  });
  it('ties with exact = "auto" fall back to the normal approximation, with a note', () => {
    const out = run(testContext, inputFor(fx.cases[0])) as any;
    expect(out.tables.tidy.rows[0].method).toContain('continuity correction');
    expect(out.tables.tidy.notes.join(' ')).toContain('normal approximation');
  });
  it('rCode writes the wilcox.test call', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'len', group: 'supp' }, options: { alternative: 'less', mu: 1, exact: 'false', correct: false, conf_int: true, conf_level: 0.9 } });
    expect(code).toContain('wilcox.test(len ~ supp, data = d, alternative = "less", mu = 1, exact = FALSE, correct = FALSE, conf.int = TRUE, conf.level = 0.9)');
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'len', group: 'supp' } })).toContain('exact = NULL');
  });
});

describe('compare.mann_whitney input checks', () => {
  it('rejects three groups', () => {
    const d = loadCsv('iris');
    const issues = validate(makeInput(numericColumn(d, 'Sepal.Length'), categoricalColumn(d, 'Species')));
    expect(issues.map((i) => i.code)).toEqual(['group_not_two_levels']);
    expect(issues[0].message.en).toContain('Kruskal');
    expect(issues[0].message.zh).toContain('恰好有 2 个组');
  });
  it('one observation per group still runs (R does), with a small-group warning', () => {
    const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from([1, 2, 3, 4]) };
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a', 'b'], codes: Int32Array.from([0, 0, 0, 1]) };
    const input = makeInput(y, g);
    expect(validate(input)).toEqual([]);
    const out = run(testContext, input) as any;
    // R: wilcox.test(c(1,2,3), 4, conf.int = TRUE): W = 0, p = 0.5, estimate -2, conf.level lowered
    expect(out.tables.tidy.rows[0].statistic).toBe(0);
    expect(out.tables.tidy.rows[0].p_value).toBeCloseTo(0.5, 12);
    expect(out.warnings.map((w: any) => w.code)).toContain('small_group');
  });
  it('constant data gives null interval and a warning, never NaN', () => {
    const y: ColumnData = { kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from([5, 5, 5, 5, 5, 5]) };
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a', 'b'], codes: Int32Array.from([0, 0, 0, 1, 1, 1]) };
    const input = makeInput(y, g);
    const out = run(testContext, input) as any;
    expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
    expect(out.tables.tidy.rows[0].p_value).toBeNull();
  });
});
