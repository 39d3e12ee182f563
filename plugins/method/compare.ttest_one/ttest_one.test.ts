import { describe, expect, it } from 'vitest';
import type { ColumnData, RunInput } from '$core/plugin/types';
import type { Result } from '$core/results/types';
import { expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from '../../../test/reference/compare';
import { manifest } from './manifest';
import { run, validate } from './run';
import { interpret } from './interpret';
import { rCode } from './rcode';

const fx = loadFixture('compare.ttest_one');

function makeInput(y: ColumnData, options: Record<string, string | number | boolean> = {}): RunInput {
  const lw = listwise([y]);
  return {
    roles: { outcome: lw.cols[0] },
    options: { mu: 0, alternative: 'two.sided', conf_level: 0.95, ...options },
    n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used },
  };
}
const num = (values: number[]): ColumnData => ({ kind: 'numeric', name: 'y', type: 'numeric', values: Float64Array.from(values) });
const inputFor = (c: any) => makeInput(numericColumn(loadCsv(c.data), c.roles.outcome), c.options);
const asResult = (out: any, input: RunInput): Result => ({ plugin: manifest.id, plugin_version: manifest.version, title: manifest.title.en, n: input.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });

describe('compare.ttest_one vs R t.test(x, mu)', () => {
  for (const c of fx.cases) {
    it(`${c.data}: ${c.roles.outcome} ${JSON.stringify(c.options)}`, () => {
      const input = inputFor(c);
      expect(input.n.used).toBe(c.n_used);
      expect(validate(input)).toEqual([]);
      const out = run(testContext, input) as any;
      expectClose(out.tables.tidy.rows[0], c.tidy, 1e-6, 'tidy');
      expectClose(out.tables.summary.rows[0], c.summary, 1e-6, 'summary');
      const sw = out.assumptions[0];
      expect(sw.name).toContain('Shapiro');
      expectClose({ statistic: sw.statistic, p_value: sw.p_value }, c.shapiro, 1e-6, 'shapiro');
      if (c.shapiro.p_value < 0.05 && c.n_used < 30) expect(sw.message).toContain('compare.wilcoxon_signed_rank');
      expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
      const text = interpret(asResult(out, input), input);
      expect(text.en.length).toBeGreaterThan(2);
      expect(text.zh.length).toBe(text.en.length);
      expect(text.en.join(' ')).not.toMatch(/NaN|undefined/);
    });
  }

  it('figure: a box plot with a rule at μ', () => {
    const c = fx.cases[0];
    const out = run(testContext, inputFor(c)) as any;
    const spec = out.figures[0].spec;
    expect(spec.$schema).toContain('vega-lite/v6');
    const rule = spec.layer[spec.layer.length - 1];
    expect(rule.mark.type).toBe('rule');
    expect(rule.data.values[0].mu).toBe(20);
  });

  it('rCode writes the t.test call with all options', () => {
    const code = rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'bwt' }, options: { mu: 3000, alternative: 'less', conf_level: 0.9 } });
    expect(code).toContain('t.test(d$bwt, mu = 3000, alternative = "less", conf.level = 0.9)');
    expect(rCode({ plugin: manifest.id, data: { file: 'x.csv' }, roles: { outcome: 'my y' } })).toContain('t.test(d$`my y`, mu = 0, alternative = "two.sided", conf.level = 0.95)');
  });
});

describe('compare.ttest_one input checks', () => {
  it('rejects fewer than two observations', () => {
    const issues = validate(makeInput(num([3, NaN])));
    expect(issues.map((i) => i.code)).toEqual(['too_few_rows']);
    expect(issues[0].message.en).toContain('at least 2');
    expect(issues[0].message.zh).toContain('至少需要 2');
  });
  it('constant data: null statistic and a warning, never NaN', () => {
    const input = makeInput(num([5, 5, 5, 5]), { mu: 4 });
    expect(validate(input)).toEqual([]);
    const out = run(testContext, input) as any;
    expect(out.tables.tidy.rows[0].statistic).toBeNull();
    expect(out.tables.tidy.rows[0].p_value).toBeNull();
    expect(out.tables.tidy.rows[0].estimate).toBe(5);
    expect(out.warnings.map((w: any) => w.code)).toContain('constant_data');
    expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/);
    const text = interpret(asResult(out, input), input);
    expect(text.en.join(' ')).toContain('undefined');
    expect(text.zh.length).toBe(text.en.length);
  });
  it('skewed small sample: normality fails and suggests the signed-rank test', () => {
    const out = run(testContext, makeInput(num([1, 1.1, 1.2, 1.1, 1.3, 1.2, 1, 9, 12, 1.05]))) as any;
    const a = out.assumptions[0];
    expect(a.ok).toBe(false);
    expect(a.message).toContain('Wilcoxon signed-rank');
    expect(a.message_zh).toContain('Wilcoxon 符号秩检验');
  });
});
