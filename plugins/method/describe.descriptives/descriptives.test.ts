import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { autoColumn, expectClose, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('describe.descriptives');

/** As the runner hands columns when manifest.listwise === false: every row, NaN / -1 for missing. */
function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  const roles: Record<string, ColumnData | ColumnData[]> = {
    variables: (c.roles.variables as string[]).map((v) => numericColumn(d, v)),
  };
  if (c.roles.group) roles.group = autoColumn(d, c.roles.group);
  return { roles, options: {}, n: { rows: d.nrow, used: d.nrow, excluded: 0 } };
}

const asResult = (out: any, input: RunInput): Result => ({
  plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out,
});

describe('describe.descriptives vs R', () => {
  it('declares per-variable missing handling', () => {
    expect(manifest.listwise).toBe(false);
    expect(JSON.parse(JSON.stringify(manifest)).roles[0].max).toBe(1000);
  });
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.variables.join(', ')}${c.roles.group ? ` by ${c.roles.group}` : ''}`, () => {
      const input = inputFor(c);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      const t = out.tables.descriptives;
      expect(t.rows).toHaveLength(c.rows.length);
      expectClose(t.rows, c.rows, 1e-6, 'descriptives');
      expect(t.columns.map((x: any) => x.key)).toEqual([
        'variable', ...(c.roles.group ? ['group'] : []),
        'n', 'missing', 'mean', 'sd', 'median', 'q1', 'q3', 'iqr', 'min', 'max', 'skewness', 'kurtosis', 'se_mean',
      ]);
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBe(c.rows.length + 1);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }

  it('explains empty statistics in a table note', () => {
    const c = fx.cases.find((x: any) => x.roles.group === 'carb');
    const out = run(testContext, inputFor(c)) as any;
    const notes = out.tables.descriptives.notes.join(' ');
    expect(notes).toContain('n < 2');
    expect(notes).toContain('n < 3');
    const r6 = out.tables.descriptives.rows.find((r: any) => r.group === '6');
    expect(r6.sd).toBeNull();
    expect(r6.skewness).toBeNull();
  });

  it('rejects non-numeric variables and empty roles', () => {
    const d = loadCsv('iris');
    const bad = validate({ roles: { variables: [autoColumn(d, 'Species')] }, options: {}, n: { rows: 150, used: 150, excluded: 0 } });
    expect(bad.map((i) => i.code)).toEqual(['variable_not_numeric']);
    expect(bad[0].message.zh).toContain('数值变量');
    expect(validate({ roles: { variables: [] }, options: {}, n: { rows: 0, used: 0, excluded: 0 } }).map((i) => i.code)).toEqual(['no_variables']);
  });

  it('rCode summarises the variables, grouped by split()', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { variables: ['mpg', 'hp'], group: 'cyl' } });
    expect(code).toContain('vars <- c("mpg", "hp")');
    expect(code).toContain('split(d[[v]], d$cyl)');
    expect(code).toContain('e1071::skewness(x, type = 2)');
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { variables: ['mpg'] } })).toContain('sapply(d[vars], describe)');
  });
});
