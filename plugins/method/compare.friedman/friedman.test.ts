import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { friedman, run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('compare.friedman');

function makeInput(y: ColumnData, w: ColumnData, id: ColumnData): RunInput {
  const lw = listwise([y, w, id]);
  return { roles: { outcome: lw.cols[0], within: lw.cols[1], id: lw.cols[2] }, options: {}, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(numericColumn(d, c.roles.outcome), categoricalColumn(d, c.roles.within), categoricalColumn(d, c.roles.id));
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });
const num = (name: string, v: number[]): ColumnData => ({ kind: 'numeric', name, type: 'numeric', values: Float64Array.from(v) });
function cat(name: string, v: string[]): ColumnData {
  const levels = [...new Set(v)].sort();
  return { kind: 'categorical', name, type: 'categorical', levels, codes: Int32Array.from(v, (s) => levels.indexOf(s)) };
}

describe('compare.friedman vs R friedman.test(y ~ w | id)', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.outcome} ~ ${c.roles.within} | ${c.roles.id}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expectClose(out.tables.ranks.rows, c.ranks, 1e-6, 'ranks');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThan(2);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }

  it('kernel: the rank path for many conditions (k > 32) agrees with the small-k path', () => {
    const n = 5;
    const k = 40;
    const m = Float64Array.from({ length: n * k }, (_, i) => Math.round(Math.sin(i * 1.7) * 4));
    const big = friedman(m, n, k);
    // the rankAverage path (k > 32) against average ranks counted directly
    let ties = 0;
    const sums = new Float64Array(k);
    for (let s = 0; s < n; s++) {
      for (let j = 0; j < k; j++) {
        let less = 0;
        let eq = 0;
        for (let l = 0; l < k; l++) {
          if (m[s * k + l] < m[s * k + j]) less++;
          else if (m[s * k + l] === m[s * k + j]) eq++;
        }
        sums[j] += 1 + less + (eq - 1) / 2;
        ties += eq * eq - 1;
      }
    }
    expect(Array.from(big.rankSums)).toEqual(Array.from(sums));
    expect(big.ties).toBe(ties);
  });

  it('figure: one line per subject plus the medians', () => {
    const out = run(testContext, inputFor(fx.cases[2])) as any;
    const spec = out.figures[0].spec;
    expect(spec.$schema).toContain('vega-lite/v6');
    expect(spec.layer[0].data.values).toHaveLength(66);
    expect(spec.layer[1].data.values.map((v: any) => v.level)).toEqual(['Narrow Angle', 'Round Out', 'Wide Angle']);
  });

  it('rCode writes the friedman.test formula', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'time', within: 'method', id: 'player' } });
    expect(code).toContain('friedman.test(time ~ method | player, data = d)');
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'my y', within: 'w', id: 'id' } })).toContain('friedman.test(`my y` ~ w | id, data = d)');
  });
});

describe('compare.friedman input checks', () => {
  it('incomplete blocks (ChickWeight: 5 chicks miss a day) are named, with a filter and a mixed model suggested', () => {
    const d = loadCsv('ChickWeight_t4');
    const input = makeInput(numericColumn(d, 'weight'), categoricalColumn(d, 'Time'), categoricalColumn(d, 'Chick'));
    const issues = validate(input);
    expect(issues.map((i) => i.code)).toEqual(['incomplete_blocks']);
    expect(issues[0].message.en).toContain('5 of 50 subjects');
    expect(issues[0].message.en).toContain('Chick = 8, 15, 16, 18, 44');
    expect(issues[0].message.en).toContain('"Chick" NOT IN (8, 15, 16, 18, 44)');
    expect(issues[0].message.en).toContain('mixed model');
    expect(issues[0].message.zh).toContain('线性混合模型');
    expect(() => run(testContext, input)).toThrow(/exactly one value/);
  });
  it('duplicate rows for a subject and level are reported', () => {
    const input = makeInput(num('y', [1, 2, 3, 4, 5, 6, 7]), cat('w', ['a', 'b', 'c', 'a', 'b', 'c', 'c']), cat('id', ['s1', 's1', 's1', 's2', 's2', 's2', 's2']));
    const issues = validate(input);
    expect(issues[0].code).toBe('incomplete_blocks');
    expect(issues[0].message.en).toContain('1 have more than one row');
    expect(issues[0].message.en).toContain("'s2'");
  });
  it('a single condition is refused', () => {
    const issues = validate(makeInput(num('y', [1, 2]), cat('w', ['a', 'a']), cat('id', ['s1', 's2'])));
    expect(issues.map((i) => i.code)).toEqual(['too_few_levels']);
  });
  it('a single subject is refused', () => {
    const issues = validate(makeInput(num('y', [1, 2, 3]), cat('w', ['a', 'b', 'c']), cat('id', ['s1', 's1', 's1'])));
    expect(issues.map((i) => i.code)).toEqual(['too_few_subjects']);
  });
  it('all values tied within every subject: null statistic and a warning, never NaN', () => {
    const input = makeInput(num('y', [1, 1, 1, 5, 5, 5]), cat('w', ['a', 'b', 'c', 'a', 'b', 'c']), cat('id', ['s1', 's1', 's1', 's2', 's2', 's2']));
    expect(validate(input)).toEqual([]);
    const out = run(testContext, input) as any;
    expect(out.tables.tidy.rows[0].statistic).toBeNull();
    expect(out.tables.tidy.rows[0].p_value).toBeNull();
    expect(out.warnings.map((w: any) => w.code)).toContain('all_tied');
    expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
    const text = interpret(asResult(out, input), input);
    expect(text.en.join(' ')).toContain('undefined');
    expect(text.zh.length).toBe(text.en.length);
  });
});
