import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { autoColumn, categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('survival.cox');
// Iterative fit: R stops Newton–Raphson at a relative log-likelihood change of 1e-9 and we at
// 1e-12, so estimates agree to about 1e-8; 1e-5 relative leaves room for that.
const TOL = 1e-5;

function makeInput(time: ColumnData, event: ColumnData, cov: ColumnData[], strata?: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise([time, event, ...cov, ...(strata ? [strata] : [])]);
  return {
    roles: { time: lw.cols[0], event: lw.cols[1], covariates: lw.cols.slice(2, 2 + cov.length), strata: strata ? lw.cols[2 + cov.length] : undefined },
    options: { ties: 'efron', conf_level: 0.95, event_value: '', ...options },
    n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used },
  };
}

function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(
    numericColumn(d, c.roles.time),
    categoricalColumn(d, c.roles.event, 'integer'),
    c.roles.covariates.map((v: string) => autoColumn(d, v)),
    c.roles.strata ? categoricalColumn(d, c.roles.strata) : undefined,
    c.options,
  );
}

const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: '', n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('survival.cox vs R coxph / cox.zph', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ~ ${c.roles.covariates.join(' + ')}${c.roles.strata ? ` + strata(${c.roles.strata})` : ''} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows, c.tidy, TOL, 'tidy');
      expectClose(out.tables.glance.rows[0], c.glance, TOL, 'glance');
      expectClose(out.tables.zph.rows, c.zph, TOL, 'zph');
      expect(out.warnings).toEqual([]);
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
      expect(out.figures[0].spec.$schema).toContain('vega-lite/v6');
    });
  }

  it('interpretation: the ph.ecog sentence', () => {
    const c = fx.cases[0];
    const input = inputFor(c);
    const text = interpret(asResult(run(testContext, input), input), input);
    expect(text.en.join(' ')).toContain('Patients with ph.ecog one unit higher had a higher hazard of the event (HR 1.59, 95% CI 1.27–1.99; p < 0.001)');
    expect(text.zh.join(' ')).toContain('ph.ecog 每增加 1 个单位，事件风险较高');
  });

  it('rCode writes the coxph call', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { time: 'time', event: 'status', covariates: ['age', 'ph.ecog'], strata: 'sex' }, options: { ties: 'breslow', conf_level: 0.9 } });
    expect(code).toContain('coxph(Surv(time, status) ~ age + ph.ecog + strata(sex), data = d, ties = "breslow")');
    expect(code).toContain('cox.zph(fit, transform = "km")');
  });
});

describe('survival.cox edge cases', () => {
  const num = (name: string, v: number[]): ColumnData => ({ kind: 'numeric', name, type: 'numeric', values: Float64Array.from(v) });
  const cat = (name: string, levels: string[], codes: number[]): ColumnData => ({ kind: 'categorical', name, type: 'categorical', levels, codes: Int32Array.from(codes) });
  const d = loadCsv('lung');
  it('no events: null coefficients with a warning', () => {
    const input = makeInput(num('t', [1, 2, 3, 4, 5]), cat('s', ['0'], [0, 0, 0, 0, 0]), [num('x', [1, 3, 2, 5, 4])]);
    const out = run(testContext, input) as any;
    expect(out.tables.tidy.rows[0].estimate).toBeNull();
    expect(out.warnings.map((w: any) => w.code)).toContain('no_events');
    expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
  });
  it('perfect separation: monotone likelihood warning', () => {
    // group 1 has every event before any group-0 subject fails
    const t = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const e = [1, 1, 1, 1, 1, 0, 1, 0, 1, 0];
    const g = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const out = run(testContext, makeInput(num('t', t), cat('s', ['0', '1'], e), [num('g', g)])) as any;
    expect(out.warnings.map((w: any) => w.code)).toContain('monotone_likelihood');
    expect(out.warnings[0].message).toContain('Monotone likelihood');
  });
  it('collinear covariates: the aliased one is null with a note', () => {
    const age = numericColumn(d, 'age');
    const age2: ColumnData = { ...age, name: 'age2', values: Float64Array.from(age.values, (v) => 2 * v + 1) };
    const out = run(testContext, makeInput(numericColumn(d, 'time'), categoricalColumn(d, 'status'), [age, numericColumn(d, 'sex'), age2])) as any;
    expect(out.tables.tidy.rows[2].estimate).toBeNull();
    expect(out.tables.tidy.rows[0].estimate).toBeCloseTo(fx.cases[0].tidy[0].estimate, 0);
    expect(out.warnings.map((w: any) => w.code)).toContain('aliased');
    expect(out.tables.tidy.notes[0]).toContain('aliased');
  });
  it('validate: a constant categorical covariate and a bad event', () => {
    const issues = validate(makeInput(num('t', [1, 2, 3]), cat('s', ['0', '1'], [1, 0, 1]), [cat('arm', ['A'], [0, 0, 0])]));
    expect(issues[0].code).toBe('constant_covariate');
    expect(issues[0].message.zh).toContain('只有一个取值');
    const bad = validate(makeInput(num('t', [1, 2, 3]), cat('status', ['0', '1', '2'], [0, 1, 2]), [num('x', [1, 2, 3])]));
    expect(bad[0].message.en).toContain('event must have two values; “status” has 3');
  });
  it('100,000 x 10 in well under a second', () => {
    const n = 100_000;
    const p = 10;
    let s = 7;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const xs = Array.from({ length: p }, () => new Float64Array(n));
    const time = new Float64Array(n);
    const ev = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let j = 0; j < p; j++) {
        xs[j][i] = rnd() * 2 - 1;
        eta += 0.1 * (j - 4) * xs[j][i];
      }
      time[i] = Math.round((-Math.log(1 - rnd()) / Math.exp(eta)) * 1000);
      ev[i] = rnd() < 0.8 ? 1 : 0;
    }
    const input: RunInput = {
      roles: {
        time: { kind: 'numeric', name: 'time', type: 'numeric', values: time },
        event: { kind: 'categorical', name: 'status', type: 'integer', levels: ['0', '1'], codes: ev },
        covariates: xs.map((values, j) => ({ kind: 'numeric', name: `x${j}`, type: 'numeric', values }) as ColumnData),
      },
      options: { ties: 'efron', conf_level: 0.95, event_value: '' },
      n: { rows: n, used: n, excluded: 0 },
    };
    // Correctness at scale; its speed is measured by `npm run bench`, not asserted here.
    const out = run(testContext, input) as any;
    expect(out.tables.tidy.rows[9].estimate).toBeCloseTo(0.5, 1);
  });
});
