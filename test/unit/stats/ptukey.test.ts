import { describe, expect, it } from 'vitest';
import { ptukey, qtukey } from '$core/stats/ptukey';
import { loadFixture } from '../../reference/compare';

const fx = loadFixture('ptukey');

describe('ptukey / qtukey (ported from R nmath)', () => {
  it('ptukey matches R on a grid (lower and upper tail)', () => {
    let worst = 0;
    for (const r of fx.ptukey) {
      const p = ptukey(r.q, r.nmeans, r.df);
      const u = ptukey(r.q, r.nmeans, r.df, 1, false);
      // same algorithm as R: agreement to rounding; absolute 1e-12 for tail values near 0
      expect(Math.abs(p - r.p)).toBeLessThanOrEqual(1e-10 * Math.abs(r.p) + 1e-13);
      expect(Math.abs(u - r.upper)).toBeLessThanOrEqual(1e-10 * Math.abs(r.upper) + 1e-13);
      worst = Math.max(worst, Math.abs(p - r.p));
    }
    expect(worst).toBeLessThan(1e-10);
  });
  it('qtukey matches R on a grid', () => {
    for (const r of fx.qtukey) {
      const q = qtukey(r.p, r.nmeans, r.df);
      expect(Math.abs(q - r.q)).toBeLessThanOrEqual(1e-9 * r.q);
    }
  });
  it('edge cases as R', () => {
    expect(ptukey(0, 3, 10)).toBe(0);
    expect(ptukey(Infinity, 3, 10)).toBe(1);
    expect(ptukey(2, 1, 10)).toBeNaN();
    expect(qtukey(0, 3, 10)).toBe(0);
    expect(qtukey(1, 3, 10)).toBe(Infinity);
  });
});
