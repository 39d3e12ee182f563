import { describe, expect, it } from 'vitest';
import { boxStats } from '$core/stats/boxstats';
import { boxFigure } from '$core/results/box-figure';
import { expectClose, loadFixture } from '../../reference/compare';

interface Case { label: string; x: number[]; stats: number[]; n: number; out: number[] }

describe('boxplot.stats (R fixture)', () => {
  for (const c of loadFixture<{ cases: Case[] }>('boxstats').cases) {
    it(c.label, () => {
      const b = boxStats(Float64Array.from(c.x))!;
      expect(b.n).toBe(c.n);
      expectClose(b.stats, c.stats, 1e-12);
      expectClose(b.out, c.out, 1e-12);
    });
  }
  it('is null without finite values', () => {
    expect(boxStats([NaN, NaN])).toBeNull();
  });
});

describe('box figure', () => {
  it('ships five numbers per group, not the data, for large n', () => {
    const big = Float64Array.from({ length: 100_000 }, (_, i) => Math.sin(i) * 10 + (i % 1000 === 0 ? 100 : 0));
    const fig = boxFigure({ id: 'b', title: 't', title_zh: 't', valueTitle: 'v', groups: [{ name: 'a', values: big }, { name: 'b', values: big.subarray(0, 50) }] });
    const json = JSON.stringify(fig.spec);
    expect(json.length).toBeLessThan(60_000);
    const layers = (fig.spec as { layer: { data: { values: unknown[] } }[] }).layer;
    expect(layers[0].data.values).toHaveLength(2);
  });
});
