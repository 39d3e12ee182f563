import { describe, it } from 'vitest';
import { expectClose, loadFixture } from '../../reference/compare';
import { fCdf, fUpper, normalCdf, normalQuantile, normalUpper, tCdf, tPValue, tQuantile, tUpper } from '../../../src/core/stats/distributions';

const fx = loadFixture('kernels');

describe('distributions (vs R pt/qt/pnorm/qnorm/pf)', () => {
  it('t cdf, upper tail and two-sided p', () => {
    for (const c of fx.t) {
      expectClose(tCdf(c.x, c.df), c.cdf, 1e-12, `pt(${c.x},${c.df})`);
      expectClose(tUpper(c.x, c.df), c.upper, 1e-12, `pt upper(${c.x},${c.df})`);
      expectClose(tPValue(c.x, c.df), c.two_sided, 1e-12, `2-sided(${c.x},${c.df})`);
      expectClose(tPValue(c.x, c.df, 'less'), c.cdf, 1e-12);
      expectClose(tPValue(c.x, c.df, 'greater'), c.upper, 1e-12);
    }
  });
  it('t quantile', () => {
    for (const c of fx.tq) expectClose(tQuantile(c.p, c.df), c.q, 1e-10, `qt(${c.p},${c.df})`);
  });
  it('normal', () => {
    for (const c of fx.norm) {
      expectClose(normalCdf(c.x), c.cdf, 1e-12, `pnorm(${c.x})`);
      expectClose(normalUpper(c.x), c.upper, 1e-12, `pnorm upper(${c.x})`);
    }
    for (const c of fx.normq) expectClose(normalQuantile(c.p), c.q, 1e-12, `qnorm(${c.p})`);
  });
  it('F cdf and upper tail', () => {
    for (const c of fx.f) {
      expectClose(fCdf(c.x, c.df1, c.df2), c.cdf, 1e-7, `pf(${c.x},${c.df1},${c.df2})`);
      expectClose(fUpper(c.x, c.df1, c.df2), c.upper, 1e-7, `pf upper(${c.x},${c.df1},${c.df2})`);
    }
  });
});
