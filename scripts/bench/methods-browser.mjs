// `node scripts/bench/methods-browser.mjs`: the method benchmarks of methods.mjs end to end in
// Chromium: the built app (dist/, not built here) served as in production, opened with ?bench,
// each CSV imported through the page's file input, then each analysis run through the engine
// worker's API (window.__clinstatEngine.runAnalysis: Comlink, the worker, DuckDB-WASM, the
// plugin, the Result cloned back), once to warm up, then timed with performance.now() in the
// page (the fastest of up to TIMED_RUNS runs, as R's side). Beside it R's own call on the same CSV (method-cases.mjs) when Rscript exists.
// Options: --dist DIR (or CLINSTAT_DIST) for a build elsewhere than dist/, METHODS_ONLY and
// METHODS_NO_R as for methods.mjs.
// Prints figures and ratios; asserts nothing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../../test/e2e/harness.mjs';
import { startServer } from '../serve.mjs';
import { hasRscript, methodCases, rTime, TIMED_BUDGET_S, TIMED_RUNS } from './method-cases.mjs';
import { regressionCsv, survivalCsv } from './methods-data.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The built app: dist/, or another build folder given as `--dist DIR` or CLINSTAT_DIST=DIR (as the
// other browser benches and the e2e harness take it)
// (e.g. npx vite build --outDir /tmp/dist-x, so as not to replace a shared dist/).
const distArg = process.argv.indexOf('--dist');
const dist = path.resolve(distArg > 0 ? process.argv[distArg + 1] : process.env.CLINSTAT_DIST ?? root + 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.log(`methods in Chromium: ${dist} has no built app, skipped (build the app first: npx vite build)`);
  process.exit(1);
}

const dir = root + 'bench-data/';
const files = {
  regression: await regressionCsv(dir, 1_000_000, 20),
  survival: await survivalCsv(dir, 1_000_000, 2),
  cox: await survivalCsv(dir, 100_000, 10),
};
// METHODS_ONLY=cox,linear: only the cases whose name contains one of these (case-insensitive)
const only = (process.env.METHODS_ONLY ?? '').toLowerCase().split(',').map((x) => x.trim()).filter(Boolean);
const cases = methodCases(files).filter((c) => !only.length || only.some((o) => c.name.toLowerCase().includes(o)));

/** The table name the importer gives a file (names.ts tableNameFromFile, for an unused name). */
const tableName = (file) =>
  path.basename(file).replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_+|_+$/g, '');

// Chromium first, one file at a time (each table dropped after its cases, so that at most one
// 1M-row table is held in the wasm heap), then R after the browser is closed.
const browserSecs = new Map(); // case -> seconds, or { error }
const server = await startServer({ port: 0, base: '/', dir: dist });
const browser = await launch();
try {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (err) => console.error(`  page error: ${err}`));
  // METHODS_CONSOLE=1: echo the page's and its workers' console (for ad-hoc timing logs)
  if (process.env.METHODS_CONSOLE) page.on('console', (m) => console.log(`  [console] ${m.text()}`));
  await page.goto(server.url + '?bench');
  await page.locator('[data-testid="engine-status"][data-status="ready"]').waitFor({ timeout: 120_000 });
  for (const file of new Set(cases.map((c) => c.file))) {
    const table = tableName(file);
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId(`table-${table}`).waitFor({ timeout: 900_000 });
    for (const c of cases.filter((k) => k.file === file)) {
      const spec = { ...c.spec, data: { table } };
      const out = await page.evaluate(async ({ spec, runs, budget }) => {
        const api = window.__clinstatEngine;
        try {
          await api.runAnalysis(spec); // warm-up
          // the fastest of up to `runs` timed runs within `budget` seconds, as R (method-cases.mjs)
          let secs = Infinity;
          let spent = 0;
          for (let k = 0; k < runs && spent < budget; k++) {
            const t0 = performance.now();
            await api.runAnalysis(spec);
            const took = (performance.now() - t0) / 1000;
            secs = Math.min(secs, took);
            spent += took;
          }
          return { secs };
        } catch (e) {
          return { error: e instanceof Error ? e.message : String(e) };
        }
      }, { spec, runs: TIMED_RUNS, budget: TIMED_BUDGET_S });
      browserSecs.set(c, out);
    }
    await page.evaluate((t) => window.__clinstatEngine.dropTable(t), table);
  }
} finally {
  await browser.close();
  await server.close();
}

const withR = hasRscript() && !process.env.METHODS_NO_R;
console.log(`\n${'method (Chromium, built app)'.padEnd(40)} ${'Chromium'.padStart(10)} ${withR ? 'R'.padStart(10) + ' ' + 'ratio'.padStart(7) : '(Rscript not found: no R comparison)'}`);
for (const c of cases) {
  const b = browserSecs.get(c);
  if (!b || b.error !== undefined) {
    console.log(`${c.name.padEnd(40)} failed in Chromium: ${b?.error ?? 'not run'}`);
    continue;
  }
  let line = `${c.name.padEnd(40)} ${b.secs.toFixed(2).padStart(9)}s`;
  if (withR) {
    const r = rTime(c.file, c.r);
    line += r === null ? '   R failed' : ` ${r.toFixed(2).padStart(9)}s ${(b.secs / r).toFixed(2).padStart(7)}x`;
  }
  console.log(line);
}
