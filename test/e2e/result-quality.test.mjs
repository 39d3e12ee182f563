// The data quality of the variables an analysis used, beside its results: an analysis on a table
// of the open registry offers to run the checks, then lists each variable's checks (the demo's
// lab values hold planted unit errors and out-of-range values, so some fail).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineReady, openApp } from './harness.mjs';

test('results show the data quality of the variables used', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await engineReady(page);
    await page.getByTestId('nav-registry').click();
    await page.getByTestId('open-registry-stroke-demo').click();
    await page.locator('[data-testid="catalogue"][data-summary="ready"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('nav-workbench').click();
    await page.getByTestId('table-lab_result').click({ timeout: 30_000 });
    await page.getByTestId('plugin-describe.descriptives').click();
    await page.getByTestId('role-select-variables').selectOption('value');
    await page.getByTestId('run-analysis').click();
    const panel = page.locator('[data-testid="result"][data-plugin="describe.descriptives"] [data-testid="result-quality"]');
    await panel.waitFor({ timeout: 60_000 });
    assert.equal(await panel.getAttribute('data-passed'), 'unknown');
    await panel.getByTestId('result-quality-run').click();
    await page.locator('[data-testid="result-quality"][data-passed="false"]').waitFor({ timeout: 120_000 });
    assert.match(await panel.innerText(), /value: \d+ of \d+ checks fail \(\d+ rows\)/);
    await panel.scrollIntoViewIfNeeded();
    await app.shot('result-quality');
    await panel.getByTestId('result-quality-open').click();
    await page.getByTestId('quality-view').waitFor();
    assert.deepEqual(app.foreignRequests, []);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
