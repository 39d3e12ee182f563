/** The chart plugins: drawn numbers against R (fixtures from test/reference/r/chart.*.R) and specs that compile. */
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { View, parse } from 'vega';
import type { ColumnData, RunInput } from '../../src/core/plugin/types';
import { autoColumn, categoricalColumn, expectClose, listwise, loadCsv, loadFixture, numericColumn, testContext } from './compare';
import * as box from '../../plugins/chart/chart.box/run';
import * as bar from '../../plugins/chart/chart.bar_error/run';
import * as scatter from '../../plugins/chart/chart.scatter/run';
import * as qq from '../../plugins/chart/chart.qq/run';
import * as km from '../../plugins/chart/chart.km/run';
import * as forest from '../../plugins/chart/chart.forest/run';
import * as heat from '../../plugins/chart/chart.heatmap/run';
import { interpret as iBox } from '../../plugins/chart/chart.box/interpret';
import { interpret as iBar } from '../../plugins/chart/chart.bar_error/interpret';
import { interpret as iScatter } from '../../plugins/chart/chart.scatter/interpret';
import { interpret as iQq } from '../../plugins/chart/chart.qq/interpret';
import { interpret as iKm } from '../../plugins/chart/chart.km/interpret';
import { interpret as iForest } from '../../plugins/chart/chart.forest/interpret';
import { interpret as iHeat } from '../../plugins/chart/chart.heatmap/interpret';
import { rCode as rBox } from '../../plugins/chart/chart.box/rcode';
import { rCode as rBar } from '../../plugins/chart/chart.bar_error/rcode';
import { rCode as rScatter } from '../../plugins/chart/chart.scatter/rcode';
import { rCode as rQq } from '../../plugins/chart/chart.qq/rcode';
import { rCode as rKm } from '../../plugins/chart/chart.km/rcode';
import { rCode as rForest } from '../../plugins/chart/chart.forest/rcode';
import { rCode as rHeat } from '../../plugins/chart/chart.heatmap/rcode';

async function check(spec: Record<string, unknown>) {
  const problems: string[] = [];
  const logger: any = {
    level: () => logger,
    warn: (...a: unknown[]) => (problems.push(a.join(' ')), logger),
    error: (...a: unknown[]) => (problems.push(a.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
  };
  const vg = compile(spec as any, { logger }).spec;
  const svg = await new View(parse(vg), { renderer: 'none' }).toSVG();
  expect(problems).toEqual([]);
  expect(svg).toContain('<svg');
}

/** Builds a RunInput from CSV columns: roles map to [column, 'num' | 'cat' | 'auto']. */
function input(data: string, roles: Record<string, [string, 'num' | 'cat' | 'auto'] | [string, 'num'][]>, options: Record<string, any> = {}): RunInput {
  const d = loadCsv(data);
  const make = (name: string, k: string): ColumnData => (k === 'num' ? numericColumn(d, name) : k === 'cat' ? categoricalColumn(d, name) : autoColumn(d, name));
  const flat: { role: string; multi: boolean; col: ColumnData }[] = [];
  for (const [role, v] of Object.entries(roles)) {
    if (Array.isArray(v[0])) for (const [n, k] of v as [string, 'num'][]) flat.push({ role, multi: true, col: make(n, k) });
    else flat.push({ role, multi: false, col: make((v as [string, string])[0], (v as [string, string])[1]) });
  }
  const lw = listwise(flat.map((f) => f.col));
  const r: RunInput['roles'] = {};
  flat.forEach((f, i) => {
    if (f.multi) ((r[f.role] ??= []) as ColumnData[]).push(lw.cols[i]);
    else r[f.role] = lw.cols[i];
  });
  return { roles: r, options, n: { rows: lw.rows, used: lw.used, excluded: lw.rows - lw.used } };
}

const asResult = (out: any, inp: RunInput): any => ({ plugin: 'x', plugin_version: '1', title: '', n: inp.n, interpretation: { en: [], zh: [] }, r_code: '', ...out });
function text(interp: any, out: any, inp: RunInput) {
  const t = interp(asResult(out, inp), inp);
  expect(t.en.length).toBeGreaterThan(0);
  expect(t.zh.length).toBe(t.en.length);
  expect(t.en.join(' ') + t.zh.join(' ')).not.toMatch(/NaN|undefined/);
}
const spec = (plugin: string, roles: Record<string, any>, options: Record<string, any> = {}) => ({ plugin, data: { file: 'd.csv' }, roles, options });

describe('chart.box vs boxplot.stats and density()', () => {
  for (const c of loadFixture('chart.box').cases) {
    it(`${c.data}: ${c.roles.y}${c.roles.group ? ` by ${c.roles.group}` : ''}`, async () => {
      const roles: any = { y: [c.roles.y, 'num'], ...(c.roles.group ? { group: [c.roles.group, 'auto'] } : {}) };
      for (const violin of [false, true]) {
        const inp = input(c.data, roles, { violin });
        expect(box.validate(inp)).toEqual([]);
        const out = box.run(testContext, inp) as any;
        const exp = c.box.map((b: any) => (c.roles.group ? b : (({ group, ...rest }: any) => rest)(b)));
        expectClose(out.tables.box.rows, exp, 1e-9, 'box');
        if (violin) {
          c.density.forEach((dk: any) => {
            const rows = out.tables.density.rows.filter((r: any) => !c.roles.group || r.group === dk.group);
            const ymax = Math.max(...dk.y);
            expectClose(rows[0].bw, dk.bw, 1e-9, 'bw');
            expectClose(rows.map((r: any) => r.x), dk.x, 1e-9, 'x');
            // R convolves by FFT: agreement to 1e-6 relative, or 1e-10 of the peak in the far tails
            expectClose(rows.map((r: any) => r.density), dk.y, 1e-6, `density ${dk.group}`, 1e-10 * ymax);
          });
        }
        await check(out.figures[0].spec);
        text(iBox, out, inp);
      }
    });
  }
  it('rCode', () => {
    expect(rBox(spec('chart.box', { y: 'len', group: 'dose' }, { violin: true }))).toContain('geom_violin(bw = "nrd0"');
    expect(rBox(spec('chart.box', { y: 'len' }))).toContain('boxplot.stats(d$len)');
  });
});

describe('chart.bar_error vs mean, sd and t.test', () => {
  for (const c of loadFixture('chart.bar_error').cases) {
    it(`${c.data}: ${c.roles.y} by ${c.roles.group}`, async () => {
      for (const error of ['ci', 'sd', 'se']) {
        const inp = input(c.data, { y: [c.roles.y, 'num'], group: [c.roles.group, 'auto'] }, { error });
        expect(bar.validate(inp)).toEqual([]);
        const out = bar.run(testContext, inp) as any;
        expectClose(out.tables.means.rows, c.rows, 1e-9, 'means');
        out.tables.means.rows.forEach((r: any, i: number) => {
          const e = c.rows[i];
          const half = error === 'sd' ? e.sd : error === 'se' ? e.se : e.conf_high - e.mean;
          expectClose([r.error_low, r.error_high], [e.mean - half, e.mean + half], 1e-9);
        });
        await check(out.figures[0].spec);
        text(iBar, out, inp);
      }
    });
  }
  it('rCode', () => expect(rBar(spec('chart.bar_error', { y: 'len', group: 'dose' }))).toContain('qt(0.975, n - 1) * se'));
});

describe('chart.scatter vs lm and predict(interval = "confidence")', () => {
  for (const c of loadFixture('chart.scatter').cases) {
    it(`${c.data}: ${c.roles.y} ~ ${c.roles.x}${c.roles.group ? ` by ${c.roles.group}` : ''}`, async () => {
      const inp = input(c.data, { x: [c.roles.x, 'num'], y: [c.roles.y, 'num'], ...(c.roles.group ? { group: [c.roles.group, 'auto'] } : {}) });
      expect(scatter.validate(inp)).toEqual([]);
      const out = scatter.run(testContext, inp) as any;
      c.fits.forEach((f: any, j: number) => {
        const coef = out.tables.coefficients.rows[j];
        expectClose(coef, { n: f.n, intercept: f.intercept, slope: f.slope, sigma: f.sigma }, 1e-9, 'coef');
        const rows = out.tables.fit.rows.filter((r: any) => !c.roles.group || r.group === f.group);
        expect(rows).toHaveLength(80);
        for (const k of ['x', 'fit', 'conf_low', 'conf_high']) expectClose(rows.map((r: any) => r[k]), f[k], 1e-9, k);
      });
      await check(out.figures[0].spec);
      text(iScatter, out, inp);
    });
  }
  it('large n is thinned to 3,000 points', () => {
    const n = 10000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => i * 2 + Math.sin(i));
    const out = scatter.run(testContext, { roles: { x: { kind: 'numeric', name: 'x', type: 'numeric', values: x }, y: { kind: 'numeric', name: 'y', type: 'numeric', values: y } }, options: {}, n: { rows: n, used: n, excluded: 0 } }) as any;
    expect(out.figures[0].spec.layer[0].data.values.length).toBeLessThanOrEqual(3000);
  });
  it('rCode', () => expect(rScatter(spec('chart.scatter', { x: 'wt', y: 'mpg' }))).toContain('geom_smooth(method = "lm"'));
});

describe('chart.qq vs qqnorm and qqline', () => {
  for (const c of loadFixture('chart.qq').cases) {
    it(`${c.data}: ${c.roles.y}${c.roles.group ? ` by ${c.roles.group}` : ''}`, async () => {
      const inp = input(c.data, { y: [c.roles.y, 'num'], ...(c.roles.group ? { group: [c.roles.group, 'auto'] } : {}) });
      expect(qq.validate(inp)).toEqual([]);
      const out = qq.run(testContext, inp) as any;
      const vals = out.figures[0].spec.data.values;
      c.series.forEach((s: any, j: number) => {
        expectClose(out.tables.qqline.rows[j], { n: s.n, intercept: s.intercept, slope: s.slope }, 1e-9, 'qqline');
        const pts = vals.filter((v: any) => v.kind === 'point' && (!c.roles.group || v.panel === s.group));
        expectClose(pts.map((p: any) => p.theoretical), s.theoretical, 1e-9, 'theoretical');
        expectClose(pts.map((p: any) => p.sample), s.sample, 1e-12, 'sample');
      });
      await check(out.figures[0].spec);
      text(iQq, out, inp);
    });
  }
  it('rCode', () => expect(rQq(spec('chart.qq', { y: 'mpg' }))).toContain('qqline(d$mpg'));
});

describe('chart.km: numbers at risk vs summary(survfit, times = pretty breaks)', () => {
  for (const c of loadFixture('chart.km').cases) {
    it(`${c.data}${c.roles.strata ? ` by ${c.roles.strata}` : ''}`, async () => {
      const inp = input(c.data, { time: [c.roles.time, 'num'], event: [c.roles.event, 'cat'], ...(c.roles.strata ? { strata: [c.roles.strata, 'cat'] } : {}) }, { event_value: '' });
      expect(km.validate(inp)).toEqual([]);
      const out = km.run(testContext, inp) as any;
      expectClose(out.tables.at_risk.rows, c.rows, 0, 'at_risk');
      expect(out.tables.at_risk.rows).toHaveLength(c.rows.length);
      const fig = out.figures[0].spec;
      expect(fig.vconcat[1].data.values.map((v: any) => v.n_risk)).toEqual(c.rows.map((r: any) => r.n_risk));
      await check(fig);
      text(iKm, out, inp);
    });
  }
  it('rCode', () => expect(rKm(spec('chart.km', { time: 'time', event: 'status', strata: 'sex' }))).toContain('summary(fit, times = br, extend = TRUE)'));
});

describe('chart.forest', () => {
  const mk = (labels: string[], est: number[], lo: number[], hi: number[], options: any = { log_scale: true, reference: 1 }): RunInput => ({
    roles: {
      group: { kind: 'categorical', name: 'term', type: 'categorical', levels: [...new Set(labels)].sort(), codes: Int32Array.from(labels, (l) => [...new Set(labels)].sort().indexOf(l)) },
      outcome: { kind: 'numeric', name: 'hr', type: 'numeric', values: Float64Array.from(est) },
      covariates: [
        { kind: 'numeric', name: 'lower', type: 'numeric', values: Float64Array.from(lo) },
        { kind: 'numeric', name: 'upper', type: 'numeric', values: Float64Array.from(hi) },
      ],
    },
    options,
    n: { rows: est.length, used: est.length, excluded: 0 },
  });
  it('rows in data order, log axis, reference line', async () => {
    const inp = mk(['Age', 'Sex', 'ECOG'], [1.02, 0.58, 1.6], [1.0, 0.41, 1.2], [1.04, 0.82, 2.1]);
    expect(forest.validate(inp)).toEqual([]);
    const out = forest.run(testContext, inp) as any;
    expect(out.tables.forest.rows.map((r: any) => r.label)).toEqual(['Age', 'Sex', 'ECOG']);
    expect(out.figures[0].spec.layer[0].data.values[0].one).toBe(1);
    await check(out.figures[0].spec);
    text(iForest, out, inp);
  });
  it('linear scale with reference 0; log scale refuses values <= 0', async () => {
    const inp = mk(['a', 'b'], [0.5, -0.2], [0.1, -0.6], [0.9, 0.2], { log_scale: false, reference: 0 });
    const out = forest.run(testContext, inp) as any;
    await check(out.figures[0].spec);
    expect(forest.validate({ ...inp, options: { log_scale: true, reference: 1 } }).map((i) => i.code)).toEqual(['nonpositive_on_log']);
  });
  it('rCode', () => expect(rForest(spec('chart.forest', { group: 'term', outcome: 'hr', covariates: ['lo', 'hi'] }))).toContain('scale_x_log10()'));
});

describe('chart.heatmap vs cor(use = "complete.obs")', () => {
  for (const c of loadFixture('chart.heatmap').cases) {
    it(`${c.data}: ${c.options.method}`, async () => {
      const inp = input(c.data, { variables: c.roles.variables.map((v: string) => [v, 'num']) }, c.options);
      expect(inp.n.used).toBe(c.n_used);
      expect(heat.validate(inp)).toEqual([]);
      const out = heat.run(testContext, inp) as any;
      expectClose(out.tables.matrix.rows, c.rows, 1e-9, 'matrix');
      await check(out.figures[0].spec);
      text(iHeat, out, inp);
    });
  }
  it('rCode', () => expect(rHeat(spec('chart.heatmap', { variables: ['a', 'b'] }, { method: 'spearman' }))).toContain('method = "spearman"'));
});
