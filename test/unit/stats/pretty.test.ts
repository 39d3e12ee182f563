import { describe, expect, it } from 'vitest';
import { expectClose, loadFixture } from '../../reference/compare';
import { histogram, nclassSturges, pretty, seqLength } from '../../../src/core/stats/pretty';

const fx = loadFixture('kernels');

describe("pretty() (vs R's pretty)", () => {
  it('matches R on fixed and random ranges', () => {
    for (const c of fx.pretty) {
      const got = pretty([c.lo, c.up], c.min_n === null ? { n: c.n } : { n: c.n, minN: c.min_n });
      // fixtures hold 15 significant digits; structure must match exactly
      expectClose(got, [c.breaks].flat(), 1e-13, `pretty(c(${c.lo}, ${c.up}), n = ${c.n})`, 1e-300);
    }
  });
  it('seq.int with length.out keeps both ends exact', () => {
    expect(seqLength(0, 1, 3)).toEqual([0, 0.5, 1]);
    expect(seqLength(2, 2, 1)).toEqual([2]);
  });
});

describe("hist() (vs R's hist(x, plot = FALSE))", () => {
  it('matches breaks, counts, density and mids', () => {
    fx.hist.forEach((c: any, i: number) => {
      const x = [c.x].flat() as number[];
      expect(nclassSturges(x.length)).toBe(c.sturges);
      const h = histogram(x, c.bins);
      expectClose(h.breaks, [c.breaks].flat(), 1e-13, `hist ${i} breaks`);
      expectClose(h.counts, [c.counts].flat(), 0, `hist ${i} counts`);
      expectClose(h.density, [c.density].flat(), 1e-12, `hist ${i} density`);
      expectClose(h.mids, [c.mids].flat(), 1e-13, `hist ${i} mids`);
    });
  });
});
