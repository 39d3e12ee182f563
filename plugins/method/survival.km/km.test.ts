import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate, thinSteps, MAX_STEPS } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('survival.km');

function makeInput(cols: ColumnData[], options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise(cols);
  return {
    roles: { time: lw.cols[0], event: lw.cols[1], strata: lw.cols[2] },
    options: { conf_level: 0.95, conf_type: 'log', event_value: '', ...options },
    n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used },
  };
}

function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  const cols = [numericColumn(d, c.roles.time), categoricalColumn(d, c.roles.event, 'integer')];
  if (c.roles.strata) cols.push(categoricalColumn(d, c.roles.strata));
  return makeInput(cols, c.options);
}

const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: '', n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('survival.km vs R survfit', () => {
  for (const c of fx.cases) {
    it(`${c.data}: Surv(${c.roles.time}, ${c.roles.event}) ~ ${c.roles.strata ?? 1} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      const strip = (rows: any[]) => rows.map((r) => (c.roles.strata ? r : { ...r, strata: undefined }));
      expectClose(out.tables.survfit.rows, strip(c.survfit), 1e-6, 'survfit');
      expectClose(out.tables.median_survival.rows, strip(c.median_survival), 1e-6, 'median_survival');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThan(1);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
      expect(out.figures[0].spec.$schema).toContain('vega-lite/v6');
    });
  }

  it('rCode writes the survfit call', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { time: 'time', event: 'status', strata: 'sex' }, options: { conf_level: 0.9, conf_type: 'log-log', event_value: '' } });
    expect(code).toContain('survfit(Surv(time, status) ~ sex, data = d, conf.int = 0.9, conf.type = "log-log")');
    const c2 = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { time: 'days', event: 'vital' }, options: { event_value: 'dead' } });
    expect(c2).toContain('survfit(Surv(days, vital == "dead") ~ 1, data = d');
  });
});

describe('survival.km event coding and input checks', () => {
  const t = (v: number[]): ColumnData => ({ kind: 'numeric', name: 'time', type: 'numeric', values: Float64Array.from(v) });
  const cat = (name: string, levels: string[], codes: number[]): ColumnData => ({ kind: 'categorical', name, type: 'categorical', levels, codes: Int32Array.from(codes) });
  it('refuses an event with three values', () => {
    const issues = validate(makeInput([t([1, 2, 3, 4]), cat('status', ['0', '1', '2'], [0, 1, 2, 1])]));
    expect(issues[0].code).toBe('event_not_binary');
    expect(issues[0].message.en).toContain('event must have two values; “status” has 3');
    expect(issues[0].message.zh).toContain('两个取值');
  });
  it('text categories need event_value, and then work', () => {
    const ev = cat('vital', ['alive', 'dead'], [1, 0, 1, 1, 0]);
    const issues = validate(makeInput([t([1, 2, 3, 4, 5]), ev]));
    expect(issues[0].code).toBe('event_coding');
    expect(issues[0].message.en).toContain('event_value');
    const input = makeInput([t([1, 2, 3, 4, 5]), ev], { event_value: 'dead' });
    expect(validate(input)).toEqual([]);
    const out = run(testContext, input) as any;
    expect(out.tables.survfit.rows.map((r: any) => r.n_event)).toEqual([1, 0, 1, 1, 0]);
    expect(validate(makeInput([t([1, 2]), cat('vital', ['alive', 'dead'], [0, 1])], { event_value: 'Dead' }))[0].code).toBe('event_value_not_found');
  });
  it('1/2, 0/1 and FALSE/TRUE codings agree', () => {
    const times = [5, 3, 8, 1, 9, 4];
    const ev01 = [1, 0, 1, 1, 0, 1];
    const a = run(testContext, makeInput([t(times), cat('s', ['1', '2'], ev01)])) as any;
    const b = run(testContext, makeInput([t(times), cat('s', ['0', '1'], ev01)])) as any;
    const c = run(testContext, makeInput([t(times), cat('s', ['FALSE', 'TRUE'], ev01)])) as any;
    const d = run(testContext, makeInput([t(times), { kind: 'numeric', name: 's', type: 'boolean', values: Float64Array.from(ev01) }])) as any;
    expect(b.tables.survfit.rows).toEqual(a.tables.survfit.rows);
    expect(c.tables.survfit.rows).toEqual(a.tables.survfit.rows);
    expect(d.tables.survfit.rows).toEqual(a.tables.survfit.rows);
  });
  it('refuses negative times', () => {
    expect(validate(makeInput([t([1, -2]), cat('s', ['0', '1'], [0, 1])]))[0].code).toBe('negative_time');
  });
  it('all censored: survival 1, median null, a warning', () => {
    const input = makeInput([t([1, 2, 3]), cat('s', ['0'], [0, 0, 0])]);
    const out = run(testContext, input) as any;
    expect(out.tables.survfit.rows.map((r: any) => r.estimate)).toEqual([1, 1, 1]);
    expect(out.tables.median_survival.rows[0].median).toBeNull();
    expect(out.warnings.map((w: any) => w.code)).toContain('no_events');
    const text = interpret(asResult(out, input), input);
    expect(text.en[0]).toContain('not reached');
  });
});

describe('survival.km at scale', () => {
  it('1,000,000 rows in two strata: fast, figure thinned to <= 2,000 steps per curve', () => {
    const n = 1_000_000;
    const time = new Float64Array(n);
    const ev = new Int32Array(n);
    const g = new Int32Array(n);
    let s = 12345;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < n; i++) {
      g[i] = i & 1;
      time[i] = Math.round(-Math.log(1 - rnd()) * (g[i] ? 800 : 500) * 100) / 100;
      ev[i] = rnd() < 0.7 ? 1 : 0;
    }
    const input: RunInput = {
      roles: {
        time: { kind: 'numeric', name: 'time', type: 'numeric', values: time },
        event: { kind: 'categorical', name: 'status', type: 'integer', levels: ['0', '1'], codes: ev },
        strata: { kind: 'categorical', name: 'arm', type: 'categorical', levels: ['A', 'B'], codes: g },
      },
      options: { conf_level: 0.95, conf_type: 'log', event_value: '' },
      n: { rows: n, used: n, excluded: 0 },
    };
    // Speed is measured by `npm run bench`; here only that it runs at this size.
    const out = run(testContext, input) as any;
    const steps = out.figures[0].spec.vconcat[0].layer[0].data.values;
    const perCurve = new Map<string, number>();
    for (const r of steps) perCurve.set(r.strata, (perCurve.get(r.strata) ?? 0) + 1);
    for (const v of perCurve.values()) expect(v).toBeLessThanOrEqual(MAX_STEPS + 1);
    expect(JSON.stringify(out.figures[0].spec).length).toBeLessThan(2_000_000);
  });
  it('thinSteps keeps the first and last rows and at most max rows', () => {
    const time = Float64Array.from({ length: 10000 }, (_, i) => i * i);
    const k = thinSteps(time, 100);
    expect(k[0]).toBe(0);
    expect(k[k.length - 1]).toBe(9999);
    expect(k.length).toBeLessThanOrEqual(100);
  });
});
