import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('categorical.binomial_test');

function makeInput(x: ColumnData, w?: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise(w ? [x, w] : [x]);
  return {
    roles: { column: lw.cols[0], weight: lw.cols[1] },
    options: { success: '', p: 0.5, alternative: 'two.sided', conf_level: 0.95, ...options },
    n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used },
  };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(categoricalColumn(d, c.roles.column), c.roles.weight ? numericColumn(d, c.roles.weight) : undefined, c.options);
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('categorical.binomial_test vs R binom.test', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.column} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expect(out.tables.tidy.notes[0]).toContain(`“${c.success_level}”`);
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBe(3);
      expect(text.zh.length).toBe(3);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }
  it('all successes: CI upper limit 1, as R', () => {
    const x: ColumnData = { kind: 'categorical', name: 'y', type: 'categorical', levels: ['no', 'yes'], codes: Int32Array.from([1, 1, 1, 1, 1]) };
    const out = run(testContext, makeInput(x, undefined, { success: 'yes' })) as any;
    // R: binom.test(5, 5): p = 0.0625, CI 0.4781762 to 1
    expectClose(out.tables.tidy.rows[0], { p_value: 0.0625, conf_low: 0.4781762498950186, conf_high: 1 }, 1e-9);
  });
  it('validate: unknown success level, more than two levels', () => {
    const d = loadCsv('mtcars');
    const bad = validate(makeInput(categoricalColumn(d, 'am'), undefined, { success: 'yes' }));
    expect(bad.map((i) => i.code)).toEqual(['bad_success']);
    expect(bad[0].message.zh).toContain('成功水平');
    const three = validate(makeInput(categoricalColumn(d, 'cyl')));
    expect(three.map((i) => i.code)).toEqual(['bad_success']);
    expect(three[0].message.en).toContain('must be binary');
    expect(validate(makeInput(categoricalColumn(d, 'cyl'), undefined, { success: '4' })).map((i) => i.code)).toEqual(['not_binary']);
  });
  it('rCode counts the chosen level', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { column: 'Admit', weight: 'Freq' }, options: { success: 'Admitted', p: 0.4, alternative: 'greater', conf_level: 0.95 } });
    expect(code).toContain('success <- "Admitted"');
    expect(code).toContain('binom.test(x, n, p = 0.4, alternative = "greater", conf.level = 0.95)');
  });
});
