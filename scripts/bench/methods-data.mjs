// Deterministic synthetic data sets for the method benchmarks, written as CSV so that the
// workbench (through its importer) and R read exactly the same numbers. Cached in bench-data/.
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeCsv(file, header, rows, row) {
  mkdirSync(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  out.write(header.join(',') + '\n');
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += row(i) + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
}

/** Regression data: y (continuous), yb (0/1), x1..xp. */
export async function regressionCsv(dir, n, p) {
  const file = path.join(dir, `regression-${n}x${p}.csv`);
  if (existsSync(file)) return file;
  const r = rng(7);
  const header = ['y', 'yb', ...Array.from({ length: p }, (_, j) => `x${j + 1}`)];
  await writeCsv(file, header, n, () => {
    const x = Array.from({ length: p }, () => Math.round((r() * 2 - 1) * 1e4) / 1e4);
    let eta = -0.5;
    for (let j = 0; j < p; j++) eta += ((j % 5) - 2) * 0.1 * x[j];
    const y = (eta + (r() - 0.5) * 2).toFixed(4);
    const yb = r() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    return [y, yb, ...x].join(',');
  });
  return file;
}

/** Survival data: time, status (0/1), group (A/B), x1..xp. */
export async function survivalCsv(dir, n, p) {
  const file = path.join(dir, `survival-${n}x${p}.csv`);
  if (existsSync(file)) return file;
  const r = rng(11);
  const header = ['time', 'status', 'group', ...Array.from({ length: p }, (_, j) => `x${j + 1}`)];
  await writeCsv(file, header, n, () => {
    const x = Array.from({ length: p }, () => Math.round((r() * 2 - 1) * 1e3) / 1e3);
    const g = r() < 0.5 ? 'A' : 'B';
    let eta = g === 'B' ? 0.3 : 0;
    for (let j = 0; j < p; j++) eta += ((j % 3) - 1) * 0.2 * x[j];
    const time = Math.max(1, Math.round((-Math.log(1 - r()) / Math.exp(eta)) * 365));
    const status = r() < 0.7 ? 1 : 0;
    return [time, status, g, ...x].join(',');
  });
  return file;
}
