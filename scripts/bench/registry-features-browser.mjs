// Cohort count, analysis-dataset build and the data-quality check suite in Chromium, on the
// 100,000-patient registry: the same work as the Node benches (cohort-core.ts, dataset-core.ts,
// quality-core.ts), run through the built app's engine worker (`?bench` exposes it), after the
// registry's tables are loaded. Report only.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from '../../test/e2e/harness.mjs';
import { withModule } from '../../bin/ts-runner.mjs';
import { startServer } from '../serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const large = root + 'bench-data/stroke-100k';
const dist = (process.env.CLINSTAT_DIST ?? root + 'dist').replace(/\/$/, '');
if (!existsSync(large + '/registry.json')) {
  console.log('cohort/dataset browser bench: bench-data/stroke-100k is missing (run scripts/bench/registry.mjs first)');
  process.exit(0);
}
function line(name, value, unit) {
  console.log(`${name.padEnd(56)} ${String(value).padStart(10)} ${unit}`);
}

const manifest = JSON.parse(readFileSync(large + '/registry.json', 'utf8'));
const [cohort, features] = await withModule('scripts/bench/cohort-core.ts', async (c) =>
  withModule('scripts/bench/dataset-core.ts', async (d) => {
    const flat = (n) => [n, ...(n.children ?? []).flatMap(flat)];
    return [c.acceptance(manifest), d.fiftyFeatures(manifest.catalogue.flatMap(flat).filter((n) => n.variable))];
  }),
);

const site = root + 'bench-data/site-cohort/';
rmSync(site, { recursive: true, force: true });
mkdirSync(site + 'registries', { recursive: true });
for (const entry of readdirSync(dist)) if (entry !== 'registries') symlinkSync(dist + '/' + entry, site + entry);
symlinkSync(large, site + 'registries/stroke-100k');
writeFileSync(site + 'registries/index.json', JSON.stringify({ registries: [{ id: 'stroke-100k', path: 'stroke-100k/', title: { en: 'Benchmark', zh: '基准' }, description: { en: 'benchmark', zh: '基准' } }] }));

const server = await startServer({ port: 0, base: '/', dir: site });
const browser = await launch();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.url + '?bench');
  await page.locator('[data-testid="engine-status"][data-status="ready"]').waitFor({ timeout: 120_000 });
  const r = await page.evaluate(async ({ cohort, features }) => {
    const api = window.__clinstatEngine;
    const registries = new URL('registries/', location.href).href;
    const t = () => performance.now();
    await api.openRegistry(registries, 'stroke-100k');
    let t0 = t();
    await api.cohortCount('stroke-100k', { ...cohort, rules: [] }); // loads the entry tables
    await api.cohortCount('stroke-100k', cohort); // loads the rest
    const load = t() - t0;
    // A recount after an edit (the rule's window changes): codes are remembered, the count runs again.
    const edited = structuredClone(cohort);
    edited.rules[1].criterion.window.start = -31;
    t0 = t();
    const count = await api.cohortCount('stroke-100k', edited);
    const countMs = t() - t0;
    await api.datasetBuild({ format: '1', name: 'warm', registryId: 'stroke-100k', cohort: { kind: 'all-patients' }, features: features.slice(0, 1) }); // loads its tables
    t0 = t();
    const ds = await api.datasetBuild({ format: '1', name: 'bench', registryId: 'stroke-100k', cohort: { kind: 'all-patients' }, features });
    const dsMs = t() - t0;
    await api.variableRecords('stroke-100k', 'demographics.age', 1); // loads every remaining table
    t0 = t();
    const q = await api.runQuality('stroke-100k', { disabled: [], thresholds: {}, userRules: [] });
    const qMs = t() - t0;
    return {
      load, countMs, remaining: count.steps.map((s) => s.remaining), dsMs, rows: ds.rows, cols: ds.columns.length,
      qMs, verdicts: q.summaries.length, failed: q.summaries.filter((x) => !x.passed).length,
    };
  }, { cohort, features });
  line('cohort 100,000 patients: load its tables in Chromium', (r.load / 1000).toFixed(1), 's');
  line('cohort 100,000 patients: live recount after an edit in Chromium', Math.round(r.countMs), `ms (${r.remaining.join(' -> ')})`);
  line(`dataset 100,000 patients: ${features.length} features in Chromium`, (r.dsMs / 1000).toFixed(2), `s (${r.rows} x ${r.cols})`);
  line('quality 100,000 patients: full check suite in Chromium', (r.qMs / 1000).toFixed(1), `s (${r.verdicts} verdicts, ${r.failed} failed)`);
} finally {
  await browser.close();
  await server.close();
}
