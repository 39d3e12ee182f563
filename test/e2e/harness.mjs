// Shared set-up for the end-to-end tests: the built app (dist/) on a plain static server under
// a sub-path, headless Debian Chromium driven by playwright-core, and a record of every
// request to another origin and every console error, which each test asserts is empty.
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage',
];
export const SCREENSHOTS = fileURLToPath(new URL('../../screenshots/', import.meta.url));
export const BASE_PATH = '/research/workbench/';

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Starts the server and a browser; returns helpers and a close(). */
export async function openApp({ lang = 'en' } = {}) {
  // CLINSTAT_DIST lets a developer test a build made into another folder (vite build --outDir).
  const server = await startServer({ port: 0, base: BASE_PATH, dir: process.env.CLINSTAT_DIST });
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  const page = await context.newPage();
  const origin = new URL(server.url).origin;
  const foreignRequests = [];
  const consoleErrors = [];
  context.on('request', (req) => {
    const url = req.url();
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) foreignRequests.push(url);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.goto(server.url);
  return {
    page,
    context,
    url: server.url,
    foreignRequests,
    consoleErrors,
    shot: (name) => page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true }),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until the engine reports it is ready. */
export async function engineReady(page) {
  await page.locator('[data-testid="engine-status"][data-status="ready"]').waitFor({ timeout: 60_000 });
}

/** Waits until a table named `name` is loaded and listed. */
export async function tableLoaded(page, name) {
  await page.getByTestId(`table-${name}`).waitFor({ timeout: 120_000 });
}

/** Number of tables listed in the data panel. */
export async function tableCount(page) {
  return page.locator('[data-testid="table-list"] > li').count();
}
