import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('categorical.prop_test');

function makeInput(y: ColumnData, g?: ColumnData, w?: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const cols = [y, g, w].filter((c): c is ColumnData => !!c);
  const lw = listwise(cols);
  return {
    roles: { row: lw.cols[0], column: g ? lw.cols[1] : undefined, weight: w ? lw.cols[cols.length - 1] : undefined },
    options: { success: '', p: 0.5, alternative: 'two.sided', conf_level: 0.95, correct: true, ...options },
    n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used },
  };
}
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  return makeInput(
    categoricalColumn(d, c.roles.row),
    c.roles.column ? categoricalColumn(d, c.roles.column) : undefined,
    c.roles.weight ? numericColumn(d, c.roles.weight) : undefined,
    c.options,
  );
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('categorical.prop_test vs R prop.test', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.row}${c.roles.column ? ` by ${c.roles.column}` : ''} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expectClose(
        out.tables.groups.rows.map((r: any) => ({ x: r.x, n: r.n })),
        c.groups.map((g: any) => ({ x: g.x, n: g.n })),
        1e-9,
        'groups',
      );
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBe(3);
      expect(text.zh.length).toBe(3);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }
  it('validate: one-sided test with three groups, one group only', () => {
    const d = loadCsv('birthwt');
    expect(validate(makeInput(categoricalColumn(d, 'low'), categoricalColumn(d, 'race'), undefined, { alternative: 'less' })).map((i) => i.code)).toEqual(['one_sided_k']);
    const y: ColumnData = { kind: 'categorical', name: 'y', type: 'categorical', levels: ['0', '1'], codes: Int32Array.from([0, 1, 1]) };
    const g: ColumnData = { kind: 'categorical', name: 'g', type: 'categorical', levels: ['a'], codes: Int32Array.from([0, 0, 0]) };
    const issues = validate(makeInput(y, g));
    expect(issues.map((i) => i.code)).toEqual(['one_group']);
    expect(issues[0].message.zh).toContain('只有一个组');
  });
  it('rCode: one sample and groups', () => {
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { row: 'low' }, options: { p: 0.25, alternative: 'greater', correct: false } })).toContain(
      'prop.test(x, n, p = 0.25, alternative = "greater", conf.level = 0.95, correct = FALSE)',
    );
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { row: 'low', column: 'smoke' } })).toContain('prop.test(x, n, alternative = "two.sided", conf.level = 0.95, correct = TRUE)');
  });
});
