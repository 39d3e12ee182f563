/** The plugins' Vega-Lite specs compile without warnings and render (headless, no renderer). */
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { View, parse } from 'vega';
import { autoColumn, listwise, loadCsv, numericColumn, testContext } from './compare';
import { run as ttest } from '../../plugins/method/compare.ttest_ind/run';
import { run as hist } from '../../plugins/chart/chart.histogram/run';

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

describe('figures', () => {
  const iris = loadCsv('iris');
  const lw = listwise([numericColumn(iris, 'Petal.Length'), autoColumn(iris, 'Species')]);
  const n = { rows: 150, used: 150, excluded: 0 };
  it('t-test box plot', async () => {
    const s = loadCsv('sleep');
    const l2 = listwise([numericColumn(s, 'extra'), autoColumn(s, 'group')]);
    const out = ttest(testContext, { roles: { outcome: l2.cols[0], group: l2.cols[1] }, options: {}, n: { rows: 20, used: 20, excluded: 0 } }) as any;
    await check(out.figures[0].spec);
  });
  it('histogram, plain and grouped', async () => {
    await check((hist(testContext, { roles: { x: lw.cols[0] }, options: { bins: 0 }, n }) as any).figures[0].spec);
    await check((hist(testContext, { roles: { x: lw.cols[0], group: lw.cols[1] }, options: { bins: 10 }, n }) as any).figures[0].spec);
  });
});
