import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('survival.logrank');

function makeInput(cols: ColumnData[], options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise(cols);
  return {
    roles: { time: lw.cols[0], event: lw.cols[1], group: lw.cols[2] },
    options: { rho: 0, event_value: '', ...options },
    n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used },
  };
}

function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput([numericColumn(d, c.roles.time), categoricalColumn(d, c.roles.event, 'integer'), categoricalColumn(d, c.roles.group)], c.options);
}

const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: '', n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('survival.logrank vs R survdiff', () => {
  for (const c of fx.cases) {
    it(`${c.data}: Surv(${c.roles.time}, ${c.roles.event}) ~ ${c.roles.group}, rho = ${c.options.rho}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expectClose(out.tables.groups.rows, c.groups, 1e-6, 'groups');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBe(3);
      expect(text.zh.length).toBe(3);
      expect(text.en.join(' ')).toMatch(/χ²\(\d+\) = /);
    });
  }
  it('rCode writes the survdiff call', () => {
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { time: 'time', event: 'status', group: 'sex' }, options: { rho: 1 } })).toContain(
      'survdiff(Surv(time, status) ~ sex, data = d, rho = 1)',
    );
  });
});

describe('survival.logrank input checks', () => {
  const t = (v: number[]): ColumnData => ({ kind: 'numeric', name: 'time', type: 'numeric', values: Float64Array.from(v) });
  const cat = (name: string, levels: string[], codes: number[]): ColumnData => ({ kind: 'categorical', name, type: 'categorical', levels, codes: Int32Array.from(codes) });
  it('one group is refused', () => {
    const issues = validate(makeInput([t([1, 2, 3]), cat('s', ['0', '1'], [1, 0, 1]), cat('arm', ['A'], [0, 0, 0])]));
    expect(issues[0].code).toBe('one_group');
    expect(issues[0].message.zh).toContain('两个或更多组');
  });
  it('no events is refused', () => {
    const issues = validate(makeInput([t([1, 2, 3]), cat('s', ['0'], [0, 0, 0]), cat('arm', ['A', 'B'], [0, 1, 1])]));
    expect(issues[0].code).toBe('no_events');
  });
  it('an event with three values is refused', () => {
    const issues = validate(makeInput([t([1, 2, 3]), cat('status', ['0', '1', '2'], [0, 1, 2]), cat('arm', ['A', 'B'], [0, 1, 1])]));
    expect(issues[0].message.en).toContain('event must have two values; “status” has 3');
  });
});
