import { describe, expect, it } from 'vitest';
import type { RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { categoricalColumn, expectClose, loadCsv, loadFixture, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('describe.frequencies');

function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  // no listwise deletion: each variable keeps its own missing values
  return { roles: { variables: c.roles.variables.map((v: string) => categoricalColumn(d, v)) }, options: { sort: 'level', include_missing: true, ...c.options }, n: { rows: d.nrow, used: d.nrow, excluded: 0 } };
}
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('describe.frequencies vs R table() / prop.table()', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.variables.join(', ')} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      const rows = out.tables.frequencies.rows;
      expect(rows.map((r: any) => `${r.variable}:${r.level}`)).toEqual(c.frequencies.map((r: any) => `${r.variable}:${r.level}`));
      expectClose(rows, c.frequencies, 1e-9, 'frequencies');
      expect(out.figures.length).toBe(c.roles.variables.length);
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBe(c.roles.variables.length + 1);
      expect(text.zh.length).toBe(c.roles.variables.length + 1);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }
  it('validate: no variables, no rows; an all-missing variable gives null percentages', () => {
    expect(validate({ roles: { variables: [] }, options: {}, n: { rows: 0, used: 0, excluded: 0 } })[0].code).toBe('missing_role');
    const col = { kind: 'categorical' as const, name: 'x', type: 'categorical' as const, levels: [], codes: Int32Array.from([-1, -1]) };
    const input: RunInput = { roles: { variables: [col] }, options: { sort: 'level', include_missing: true }, n: { rows: 2, used: 2, excluded: 0 } };
    expect(validate({ ...input, n: { rows: 0, used: 0, excluded: 0 } })[0].code).toBe('no_rows');
    const out = run(testContext, input) as any;
    expect(out.tables.frequencies.rows).toEqual([{ variable: 'x', level: '(missing)', n: 2, percent: 1, valid_percent: null, cumulative_percent: null }]);
    expect(out.tables.frequencies.notes_zh[1]).toContain('没有非缺失值');
  });
  it('rCode', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { variables: ['sex', 'ph.ecog'] }, options: { sort: 'frequency', include_missing: true } });
    expect(code).toContain('tab <- table(d$ph.ecog, useNA = "ifany")');
    expect(code).toContain('prop.table(tab)');
  });
});
