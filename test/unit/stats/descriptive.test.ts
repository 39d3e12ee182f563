import { describe, expect, it } from 'vitest';
import { expectClose, loadFixture } from '../../reference/compare';
import * as d from '../../../src/core/stats/descriptive';

const fx = loadFixture('kernels');

describe('descriptive (vs R mean/var/quantile type 7/e1071 type 2)', () => {
  it('matches R on each case', () => {
    fx.desc.forEach((c: any, i: number) => {
      const x = Float64Array.from([c.x].flat() as number[]);
      const p = `case ${i}`;
      expectClose(d.mean(x), c.mean, 1e-13, `${p} mean`);
      expectClose(d.variance(x), c.var, 1e-12, `${p} var`);
      expectClose(d.sd(x), c.sd, 1e-12, `${p} sd`);
      expectClose(d.median(x), c.median, 1e-14, `${p} median`);
      expectClose([0, 0.1, 0.25, 0.5, 0.75, 0.9, 1].map((q) => d.quantile(x, q)), c.q, 1e-14, `${p} quantile`);
      expectClose(d.iqr(x), c.iqr, 1e-12, `${p} IQR`);
      expectClose(d.min(x), c.min, 0, `${p} min`);
      expectClose(d.max(x), c.max, 0, `${p} max`);
      expectClose(d.skewness(x), c.skewness, 1e-10, `${p} skewness`);
      expectClose(d.kurtosis(x), c.kurtosis, 1e-10, `${p} kurtosis`);
    });
  });
  it('undefined statistics are NaN, and nullIfNaN maps them to null', () => {
    expect(d.variance([1])).toBeNaN();
    expect(d.skewness([1, 2])).toBeNaN();
    expect(d.kurtosis([1, 2, 3])).toBeNaN();
    expect(d.skewness([4, 4, 4, 4])).toBeNaN();
    expect(d.mean([])).toBeNaN();
    expect(d.nullIfNaN(NaN)).toBeNull();
    expect(d.nullIfNaN(Infinity)).toBeNull();
    expect(d.nullIfNaN(2)).toBe(2);
  });
  it('mean is accurate for large offsets', () => {
    const x = [1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3];
    expect(d.mean(x)).toBeCloseTo(1e9 + 0.2, 6);
    expect(d.variance(x)).toBeCloseTo(0.01, 6);
    expect(Array.from(d.dropNaN([1, NaN, 3]))).toEqual([1, 3]);
    expect(d.isConstant([2, 2])).toBe(true);
  });
});
