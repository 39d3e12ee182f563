import { it } from 'vitest';
import { loadFixture } from '../../reference/compare';
import { pretty } from '../../../src/core/stats/pretty';
const fx = loadFixture('kernels');
it('eps experiment', () => {
  for (const ea of [1e-5, 1e-7, 1e-10]) for (const eb of [1e-5, 1e-7, 1e-10]) {
    let bad = 0; const ex: string[] = [];
    for (const c of fx.pretty) {
      const got = pretty([c.lo, c.up], c.min_n === null ? { n: c.n, epsA: ea, epsB: eb } : { n: c.n, minN: c.min_n, epsA: ea, epsB: eb });
      const e = [c.breaks].flat() as number[];
      const ok = got.length === e.length && got.every((v, i) => Math.abs(v - e[i]) <= 1e-13 * Math.max(Math.abs(e[i]), 1e-300) || v === e[i]);
      if (!ok) { bad++; if (ex.length < 3) ex.push(`${c.lo},${c.up},n=${c.n}: ${got.slice(0,3)}.. (${got.length}) vs ${e.slice(0,3)}.. (${e.length})`); }
    }
    console.log(ea, eb, bad, ex.join(' | '));
  }
});
