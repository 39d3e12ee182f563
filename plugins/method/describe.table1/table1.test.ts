import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { autoColumn, categoricalColumn, expectClose, loadCsv, loadFixture, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, smdCategorical, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('describe.table1');
const defaults = { continuous: 'auto', test: true, smd: true, missing: true };
type Out = Exclude<ReturnType<typeof run>, Promise<unknown>>;

function makeInput(vars: ColumnData[], group: ColumnData | undefined, options: Record<string, string | number | boolean> = {}): RunInput {
  const n = vars[0].kind === 'numeric' ? vars[0].values.length : vars[0].codes.length;
  return { roles: { variables: vars, group }, options: { ...defaults, ...options }, n: { rows: n, used: n, excluded: 0 } };
}

function inputFor(c: any): RunInput {
  const d = loadCsv(c.data);
  const opts = Array.isArray(c.options) ? {} : c.options;
  return makeInput(
    c.roles.variables.map((v: string) => autoColumn(d, v)),
    c.roles.group ? categoricalColumn(d, c.roles.group) : undefined,
    opts,
  );
}

function asResult(out: Out, input: RunInput): Result {
  return { plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...(out as any) };
}

/** Compares a result's table1 / table1_values with one fixture case. */
function compareCase(tables: Result['tables'], c: any): void {
  expectClose(tables.table1_values.rows, c.values, 1e-6, 'table1_values');
  const groupCols = tables.table1.columns.filter((col) => col.key.startsWith('group_')).map((col) => col.label);
  expect(groupCols).toEqual(c.group_levels);
  const opts = Array.isArray(c.options) ? {} : c.options;
  for (const v of c.variables) {
    const head = tables.table1.rows.find((r) => r.variable === v.variable)!;
    expect(head, v.variable).toBeDefined();
    if (v.kind === 'numeric') expect(head.level).toBe(v.summary === 'mean_sd' ? 'mean (SD)' : 'median [IQR]');
    else expect(head.level).toBe('n (%)');
    if (c.roles.group && opts.test !== false) {
      expect(head.test ?? null).toBe(v.test ?? null);
      expectClose(head.p_value, v.p_value, 1e-6, `${v.variable}.p_value`);
    } else expect(head.p_value).toBeUndefined();
    if (c.roles.group && opts.smd !== false) expectClose(head.smd, v.smd, 1e-6, `${v.variable}.smd`);
    else expect(head.smd).toBeUndefined();
    if (opts.missing !== false) expect(head.missing).toBe(v.missing);
    else expect(head.missing).toBeUndefined();
  }
}

describe('describe.table1 vs base R (tableone rules)', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.variables.join(', ')}${c.roles.group ? ` by ${c.roles.group}` : ''} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as Out;
      compareCase(out.tables, c);
      // numeric normality assumptions carry R's smallest Shapiro–Wilk p
      for (const v of c.variables.filter((x: any) => x.shapiro_p)) {
        const a = out.assumptions.find((x) => x.name.startsWith(`Normality of ${v.variable} `))!;
        const ps = (v.shapiro_p as (number | null)[]).filter((x) => x !== null) as number[];
        expectClose(a.p_value, ps.length ? Math.min(...ps) : null, 1e-6, `${v.variable}.shapiro`);
      }
      if (c.n_group_missing > 0) {
        expect(out.tables.table1.notes!.join(' ')).toContain(`${c.n_group_missing} rows with a missing`);
        expect(out.tables.table1.rows[0].overall).toBe(String(c.n_rows - c.n_group_missing));
      }
      expect(out.tables.table1.notes!.length).toBe(out.tables.table1.notes_zh!.length);
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThan(0);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }

  it('formats cells as mean (SD), median [Q1, Q3] and n (%)', () => {
    const out = run(testContext, inputFor(fx.cases[0])) as Out;
    const rows = out.tables.table1.rows;
    expect(rows[0]).toMatchObject({ variable: 'n', overall: '189', group_0: '115', group_1: '74' });
    const bwt = rows.find((r) => r.variable === 'bwt')!;
    expect(bwt).toMatchObject({ level: 'mean (SD)', overall: '2945 (729)', group_0: '3056 (753)', group_1: '2772 (660)', test: 'Welch t-test' });
    const age = rows.find((r) => r.variable === 'age')!;
    expect(age.group_0).toBe('23.0 [20.0, 26.0]');
    const i = rows.findIndex((r) => r.variable === 'race');
    expect(rows[i + 1]).toMatchObject({ level: 'black', overall: '26 (13.8)', variable: null });
    expect(out.tables.table1.columns.find((c) => c.key === 'group_1')!.label).toBe('smoker');
    expect(out.figures[0].spec.$schema).toContain('vega-lite/v6');
  });

  it('interpretation: one sentence per variable with p < 0.05, and the caution line', () => {
    const input = inputFor(fx.cases[0]);
    const out = run(testContext, input) as Out;
    const text = interpret(asResult(out, input), input);
    const en = text.en.join('\n');
    expect(en).toContain('bwt differed between non-smoker and smoker (mean (SD) 3056 (753) vs 2772 (660); Welch t-test, p = 0.007).');
    expect(en).toContain('The distribution of race differed between non-smoker and smoker (Chi-square, p < 0.001).');
    expect(en).toContain('ptl differed');
    expect(en).not.toContain('age differed');
    expect(en).toMatch(/randomized trials p-values in Table 1 are discouraged/);
    expect(text.zh.join('\n')).toContain('Welch t 检验');
  });

  it('multi-level SMD: binary case equals |p1 − p2| / √((p1q1 + p2q2)/2)', () => {
    const p1 = 30 / 100;
    const p2 = 10 / 80;
    expect(smdCategorical([70, 30], [70, 10])).toBeCloseTo(Math.abs(p1 - p2) / Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / 2), 12);
    // a level absent in both groups: singular covariance, handled by the pseudo-inverse as MASS::ginv
    expect(smdCategorical([70, 30, 0], [70, 10, 0])).toBeCloseTo(smdCategorical([70, 30], [70, 10]), 10);
  });

  it('rCode: base R summaries and tests, plus the tableone call as a comment', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { variables: ['age', 'race'], group: 'smoke' }, options: { continuous: 'auto', test: true, smd: true } });
    expect(code).toContain('vars <- c("age", "race")');
    expect(code).toContain('shapiro.test(z)');
    expect(code).toContain('t.test(x ~ g)');
    expect(code).toContain('wilcox.test(x ~ g)');
    expect(code).toContain('chisq.test(tab, correct = FALSE)');
    expect(code).toContain('fisher.test(tab)');
    expect(code).toContain('# t1 <- CreateTableOne(vars = c("age", "race"), strata = "smoke", data = d, test = TRUE, argsApprox = list(correct = FALSE))');
    const nog = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { variables: ['age'] }, options: { continuous: 'median_iqr' } });
    expect(nog).not.toContain('t.test');
    expect(nog).toContain('normal <- FALSE');
  });
});

describe('describe.table1 input checks', () => {
  const num = (name: string, v: number[]): ColumnData => ({ kind: 'numeric', name, type: 'numeric', values: Float64Array.from(v) });
  const cat = (name: string, levels: string[], codes: number[]): ColumnData => ({ kind: 'categorical', name, type: 'categorical', levels, codes: Int32Array.from(codes) });

  it('refuses a group with a single level', () => {
    const issues = validate(makeInput([num('y', [1, 2, 3, 4])], cat('g', ['a'], [0, 0, 0, 0])));
    expect(issues.map((i) => i.code)).toEqual(['too_few_groups']);
    expect(issues[0].message.zh).toContain('至少需要 2 个组');
  });
  it('refuses a group of size 1', () => {
    const issues = validate(makeInput([num('y', [1, 2, 3, 4])], cat('g', ['a', 'b'], [0, 0, 0, 1])));
    expect(issues.map((i) => i.code)).toEqual(['group_too_small']);
    expect(issues[0].message.en).toMatch(/“b”.*has 1 row/);
  });
  it('refuses too few rows and an all-missing variable', () => {
    expect(validate(makeInput([num('y', [1])], undefined)).map((i) => i.code)).toEqual(['too_few_rows']);
    const issues = validate(makeInput([num('y', [NaN, NaN, NaN, NaN])], cat('g', ['a', 'b'], [0, 0, 1, 1])));
    expect(issues.map((i) => i.code)).toEqual(['all_missing']);
  });
  it('constant data: null p-value and SMD with notes, never NaN', () => {
    const input = makeInput([num('y', [5, 5, 5, 5, 5, 5])], cat('g', ['a', 'b'], [0, 0, 0, 1, 1, 1]), { continuous: 'mean_sd' });
    expect(validate(input)).toEqual([]);
    const out = run(testContext, input) as Out;
    const head = out.tables.table1.rows[1];
    expect(head.p_value).toBeNull();
    expect(head.smd).toBeNull();
    expect(head.overall).toBe('5.0 (0.0)');
    expect(out.tables.table1.notes!.join(' ')).toMatch(/p-value is null/);
    expect(JSON.stringify(out)).not.toMatch(/NaN/);
  });
  it('a group level with no values of a variable shows “—”', () => {
    const input = makeInput([num('y', [1, 2, 3, NaN, NaN, NaN]), num('z', [1, 2, 3, 4, 5, 7])], cat('g', ['a', 'b'], [0, 0, 0, 1, 1, 1]));
    const out = run(testContext, input) as Out;
    expect(out.tables.table1.rows[1].group_1).toBe('—');
    expect(out.tables.table1.rows[1].p_value).toBeNull();
    expect(out.tables.table1.rows[1].missing).toBe(3);
    expect(JSON.stringify(out)).not.toMatch(/NaN/);
  });
});
