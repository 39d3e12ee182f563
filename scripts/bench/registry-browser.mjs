// Registry load in Chromium: the built app served with the demo registry and a generated
// 100,000-patient one (bench-data/stroke-100k, made by registry.mjs) beside it; times from
// clicking Open to the catalogue tree, then to all completeness figures, then a timeline.
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from '../../test/e2e/harness.mjs';
import { startServer } from '../serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const site = root + 'bench-data/site/';
const large = root + 'bench-data/stroke-100k';
// CLINSTAT_DIST: a build made into another folder (as the e2e harness accepts).
const dist = (process.env.CLINSTAT_DIST ?? root + 'dist').replace(/\/$/, '');

function line(name, value, unit) {
  console.log(`${name.padEnd(48)} ${String(value).padStart(10)} ${unit}`);
}

// A site = dist/ plus a registries/ folder offering both registries (symlinks, nothing copied).
rmSync(site, { recursive: true, force: true });
mkdirSync(site + 'registries', { recursive: true });
for (const entry of readdirSync(dist)) if (entry !== 'registries') symlinkSync(dist + '/' + entry, site + entry);
symlinkSync(dist + '/registries/stroke-demo', site + 'registries/stroke-demo');
const offered = [{ id: 'stroke-demo', path: 'stroke-demo/', title: { en: 'Demo (2,000)', zh: '演示（2000）' }, description: { en: 'demo', zh: '演示' }, patients: 2000 }];
if (existsSync(large + '/registry.json')) {
  symlinkSync(large, site + 'registries/stroke-100k');
  offered.push({ id: 'stroke-100k', path: 'stroke-100k/', title: { en: 'Benchmark (100,000)', zh: '基准（100000）' }, description: { en: 'benchmark', zh: '基准' }, patients: 100000 });
}
writeFileSync(site + 'registries/index.json', JSON.stringify({ registries: offered }));

const server = await startServer({ port: 0, base: '/', dir: site });
const browser = await launch();
try {
  for (const { id, patients } of offered) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    await page.locator('[data-testid="engine-status"][data-status="ready"]').waitFor({ timeout: 120_000 });
    await page.getByTestId('nav-registry').click();
    const t0 = Date.now();
    await page.getByTestId(`open-registry-${id}`).click();
    await page.locator('[data-testid="catalogue"][data-status="ready"]').waitFor({ timeout: 1_800_000 });
    line(`registry ${patients.toLocaleString('en-US')} patients: open in Chromium`, ((Date.now() - t0) / 1000).toFixed(1), 's');
    await page.locator('[data-testid="catalogue"][data-summary="ready"]').waitFor({ timeout: 1_800_000 });
    line(`  + catalogue completeness of all variables`, ((Date.now() - t0) / 1000).toFixed(1), 's');
    await page.getByTestId('registry-tab-patients').click();
    await page.locator('[data-testid^="patient-"]').nth(2).waitFor();
    // The first timeline also loads the chart code: warm with one patient, time the next, in the
    // page from the click to the timeline being in the DOM (as the e2e test measures it).
    const rows = page.locator('[data-testid="patient-list"] [data-testid^="patient-"]');
    await rows.first().click();
    await page.locator('[data-testid="timeline"][data-loading="false"]').waitFor({ timeout: 60_000 });
    const second = await rows.nth(1).getAttribute('data-testid');
    const pid = second.replace("patient-", "");
    await page.evaluate((pid) => {
      window.__timelineMs = null;
      document.addEventListener('click', () => {
        const t0 = performance.now();
        const sel = `[data-testid="timeline"][data-patient="${pid}"][data-loading="false"]`;
        const mo = new MutationObserver(() => {
          if (document.querySelector(sel)) {
            window.__timelineMs = performance.now() - t0;
            mo.disconnect();
          }
        });
        mo.observe(document.body, { subtree: true, childList: true, attributes: true });
      }, { capture: true, once: true });
    }, pid);
    await rows.nth(1).click();
    await page.waitForFunction(() => window.__timelineMs !== null, null, { timeout: 60_000 });
    const ms = await page.evaluate(() => window.__timelineMs);
    const engineMs = await page.getByTestId('timeline').getAttribute('data-ms');
    line(`  one patient's timeline in Chromium`, Math.round(ms), `ms (engine ${engineMs} ms)`);
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
