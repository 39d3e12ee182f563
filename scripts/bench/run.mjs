// `npm run bench`: prints figures, asserts nothing (see the targets).
//  - cold start of the built app to an interactive page and to a ready engine (Chromium)
//  - import of a 1,000,000-row x 20-column CSV in Chromium, with the longest main-thread task
//  - worker round-trip latency of a small query
//  - the same import and a t-test over 1M rows in Node (DuckDB-WASM Node build)
//  - statistical methods at 100k-1M rows beside R, in Node (methods.mjs) and in Chromium
//    (methods-browser.mjs); R only when Rscript exists
//  - registry open, catalogue scan and timeline, 2,000 and 100,000 patients, in Node
//    (registry.mjs) and Chromium (registry-browser.mjs)
//  - a cohort count and materialisation (cohort.mjs) and an analysis dataset with 50 features
//    (dataset.mjs) on the 100,000-patient registry, in Node and Chromium (registry-features-browser.mjs)
//  - the data-quality check suite, 2,000 and 100,000 patients, in Node (quality.mjs) and Chromium
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from '../../test/e2e/harness.mjs';
import { startServer } from '../serve.mjs';
import { generateCsv } from './gen-csv.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const big = await generateCsv(fileURLToPath(new URL(`../../bench-data/bench-${ROWS}.csv`, import.meta.url)), ROWS);
const mb = (statSync(big).size / 1e6).toFixed(0);
const results = [];
const report = (name, value, unit, note = '') => {
  results.push({ name, value, unit });
  console.log(`${name.padEnd(48)} ${String(value).padStart(10)} ${unit} ${note}`);
};

const server = await startServer({ port: 0, base: '/' });
const browser = await launch();
try {
  // Cold start: a fresh context has an empty cache.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const t0 = Date.now();
  await page.goto(server.url + '?bench');
  await page.getByTestId('load-sample').waitFor();
  report('cold start: app interactive', Date.now() - t0, 'ms');
  await page.locator('[data-testid="engine-status"][data-status="ready"]').waitFor({ timeout: 120_000 });
  report('cold start: engine (DuckDB-WASM) ready', Date.now() - t0, 'ms');

  // Worker round-trip: SELECT 1 through Comlink, DuckDB's worker and back.
  const rt = await page.evaluate(async () => {
    const api = window.__clinstatEngine;
    await api.query('SELECT 1 AS x');
    const times = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await api.query('SELECT 1 AS x');
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { median: times[25], p95: times[47] };
  });
  report('worker round-trip SELECT 1 (median)', rt.median.toFixed(2), 'ms');
  report('worker round-trip SELECT 1 (p95)', rt.p95.toFixed(2), 'ms');

  // Import of the big CSV through the UI.
  await page.evaluate(() => (window.__longTasks = []));
  const t1 = Date.now();
  await page.getByTestId('file-input').setInputFiles(big);
  await page.getByTestId(`table-bench_${ROWS}`).waitFor({ timeout: 300_000 });
  report(`import ${ROWS.toLocaleString('en-US')} x 20 CSV (${mb} MB) in Chromium`, ((Date.now() - t1) / 1000).toFixed(1), 's');
  const longTasks = await page.evaluate(() => window.__longTasks);
  report('  longest main-thread task during import', Math.round(Math.max(0, ...longTasks)), 'ms', `(${longTasks.length} tasks > 50 ms)`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

// Node: the same core with DuckDB-WASM's Node build.
const { spawnSync } = await import('node:child_process');
let status = 0;
for (const [script, ...args] of [['node-bench.mjs', big], ['methods.mjs'], ['methods-browser.mjs'], ['registry.mjs'], ['registry-browser.mjs'], ['cohort.mjs'], ['dataset.mjs'], ['registry-features-browser.mjs'], ['quality.mjs']]) {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL(`./${script}`, import.meta.url)), ...args], { stdio: 'inherit' });
  status ||= r.status ?? 1;
}
process.exitCode = status;
