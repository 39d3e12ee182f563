// A large import shows progress and can be cancelled; the page stays responsive and what was
// loaded before is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCsv } from '../../scripts/bench/gen-csv.mjs';
import { engineReady, openApp, tableCount, tableLoaded } from './harness.mjs';

test('a large CSV import shows progress and can be cancelled', async () => {
  const big = await generateCsv(path.join(tmpdir(), 'clinstat-e2e-cancel-600000.csv'), 600_000);
  const app = await openApp();
  const { page } = app;
  try {
    await engineReady(page);
    await page.getByTestId('load-sample').click();
    await tableLoaded(page, 'toothgrowth');
    await page.getByTestId('file-input').setInputFiles(big);
    const bar = page.getByTestId('import-progress');
    await bar.waitFor();
    await app.shot('import-progress');
    // The UI thread answers while the worker imports.
    const t = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    assert.ok(Date.now() - t < 1000, 'a frame is painted during the import');
    await page.getByTestId('import-cancel').click();
    await bar.waitFor({ state: 'detached', timeout: 30_000 });
    assert.equal(await tableCount(page), 1, 'the cancelled import left no table; the sample is kept');
    assert.equal(await page.getByTestId('table-clinstat_e2e_cancel_600000').count(), 0);
    assert.equal(await page.getByTestId('error-banner').count(), 0, 'cancelling is not an error');
    assert.deepEqual(app.foreignRequests, []);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
