// Data quality: open the stroke demo, run the checks, see scores and failed checks first, drill
// from a failed check to its records, to the source note span and to the patient timeline; add
// a rule in the UI (it runs and shows on the dashboard), see a malformed rule's message, switch a
// rule off, reload (rules and switches survive in IndexedDB), export the HTML report, Chinese;
// the coverage, sex-code and score-sequence checks pass on the demo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { engineReady, openApp } from './harness.mjs';

async function openDemo(page) {
  await page.getByTestId('nav-registry').click();
  await page.getByTestId('open-registry-stroke-demo').click();
  await page.locator('[data-testid="catalogue"][data-status="ready"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('nav-quality').click();
}

async function runChecks(page) {
  await page.getByTestId('quality-run').click();
  await page.locator('[data-testid="quality-view"][data-status="ready"]').waitFor({ timeout: 120_000 });
}

const check = (page, id, table, col) => page.getByTestId(`quality-check-${id}-${table}-${col}`.replace(/[^A-Za-z0-9_.:-]+/g, '_'));

test('data quality: dashboard, drill-down, user rules that persist, export, offline', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await engineReady(page);
    // Before a registry is open the view says what to do.
    await page.getByTestId('nav-quality').click();
    await page.getByTestId('quality-no-registry').waitFor();

    await openDemo(page);
    await runChecks(page);
    await app.shot('quality-dashboard');
    assert.match(await page.getByTestId('quality-score-overall').innerText(), /\d+%/);
    assert.match(await page.getByTestId('quality-score-plausibility').innerText(), /failed/);
    // Scores per table and per department are drawn.
    await page.getByTestId('quality-table-vital_sign').waitFor();
    await page.getByTestId('quality-by-department').waitFor();
    // The coverage, empty-cell, sex-specific-code and score-sequence checks ran and pass on the demo.
    for (const [id, t, c] of [['plausibility-sex-codes', 'diagnosis', 'icd10'], ['temporal-score-sequence', 'nursing_assessment', 'assessed_date'], ['completeness-patient-coverage', 'patient', 'lab_result'], ['completeness-table', 'follow_up', '']]) {
      assert.equal(await check(page, id, t, c).getAttribute('data-passed'), 'true', `${id} on ${t}`);
    }
    await check(page, 'plausibility-sex-codes', 'diagnosis', 'icd10').click();
    assert.match(await page.getByTestId('quality-detail').innerText(), /No record violates this check/);

    // Failed checks come first: the first row has failed.
    const firstRow = page.locator('[data-testid="quality-checks"] tbody tr').first();
    assert.equal(await firstRow.getAttribute('data-passed'), 'false');

    // A failed check -> its violating records -> a record.
    const unit = check(page, 'plausibility-unit-error', 'lab_result', 'value');
    assert.equal(await unit.getAttribute('data-passed'), 'false');
    await unit.click();
    await page.getByTestId('quality-records').waitFor();
    assert.equal(await page.locator('[data-testid="quality-records"] tbody tr').count(), 10);
    assert.match(await page.getByTestId('quality-records').innerText(), /looks like mmol\/L/);
    // The distribution of glucose values with the ten flagged ones marked.
    await page.getByTestId('quality-distribution').waitFor();
    assert.equal(await page.locator('[data-testid="quality-distribution"] line.flag').count(), 10);
    await page.getByTestId('quality-record-lab_result-8995').click();
    await page.locator('[data-testid="quality-record"][data-record="8995"]').waitFor();
    assert.match(await page.getByTestId('quality-record').innerText(), /2345-7/);
    await app.shot('quality-drilldown');

    // Add a rule in the UI: a condition on one table.
    await page.getByTestId('quality-rule-id').fill('user.baijiu');
    await page.getByTestId('quality-rule-description').fill('Baijiu drinkers (from admission notes)');
    await page.getByTestId('quality-rule-table').selectOption('label');
    await page.getByTestId('quality-rule-where').fill("attribute = 'alcohol.type' AND value = 'baijiu'");
    await page.getByTestId('quality-rule-column').selectOption('value');
    await page.getByTestId('quality-rule-save').click();
    await page.getByTestId('quality-rule-added').waitFor();
    // A malformed rule: SQL with the wrong result columns gets a specific message, nothing added.
    await page.getByTestId('quality-rule-id').fill('user.broken');
    await page.getByTestId('quality-rule-description').fill('Broken rule');
    await page.getByTestId('quality-rule-mode-sql').check();
    await page.getByTestId('quality-rule-sql').fill('SELECT lab_id FROM lab_result');
    await page.getByTestId('quality-rule-save').click();
    const err = page.getByTestId('quality-rule-error');
    await err.waitFor();
    assert.match(await err.innerText(), /must return the columns table_name, record_id, patient_id, detail/);
    await page.getByTestId('quality-rule-sql').fill('SELECT * FROM no_such_table');
    await page.getByTestId('quality-rule-save').click();
    await page.getByText(/its SQL does not run/).waitFor();
    await err.scrollIntoViewIfNeeded();
    await app.shot('quality-rule-error');
    assert.equal(await page.getByTestId('quality-user-rule-user.broken').count(), 0);
    // Switch a registry rule off, and tolerate up to 1 % of rows for "end before start".
    await page.getByTestId('quality-toggle-rule-qr.glucose_unit').uncheck();
    await page.getByTestId('quality-threshold-temporal-start-end').fill('1');
    await page.getByTestId('quality-threshold-temporal-start-end').press('Tab');

    // The new rule runs and shows on the dashboard; the switched-off one does not.
    await runChecks(page);
    const mine = check(page, 'rule:user.baijiu', 'label', 'value');
    await mine.waitFor();
    assert.equal(await mine.getAttribute('data-passed'), 'false');
    assert.equal(await check(page, 'rule:qr.glucose_unit', 'lab_result', '').count(), 0);
    // 6 of 11,692 visits (0.05 %) is within a 1 % threshold: the check passes now.
    assert.equal(await check(page, 'temporal-start-end', 'visit', 'discharge_date').getAttribute('data-passed'), 'true');
    await mine.click();
    await page.locator('[data-testid="quality-records"] tbody tr').first().waitFor();
    // Its record comes from a note: the note is shown with the cited span highlighted.
    await page.locator('[data-testid="quality-records"] [data-testid^="quality-record-label-"]').first().click();
    const span = page.getByTestId('quality-note-span');
    await span.waitFor();
    assert.match(await span.innerText(), /baijiu|白酒/i);
    await page.getByTestId('quality-detail').scrollIntoViewIfNeeded();
    await app.shot('quality-user-rule-note');

    // The HTML report downloads and names the failing checks.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('quality-export-html').click()]);
    const html = await readFile(await download.path(), 'utf8');
    assert.match(html, /Data-quality report/);
    assert.match(html, /rule:user\.baijiu/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('quality-export-xlsx').click()]);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);

    // A record's patient opens the timeline.
    const patient = page.locator('[data-testid="quality-records"] [data-testid^="patient-link-"]').first();
    const pid = (await patient.getAttribute('data-testid')).replace('patient-link-', '');
    await patient.click();
    await page.locator(`[data-testid="timeline"][data-patient="${pid}"][data-loading="false"]`).waitFor({ timeout: 30_000 });

    // Reload: the rule and the switch are still there, and the rule runs.
    await page.reload();
    await engineReady(page);
    await openDemo(page);
    await page.getByTestId('quality-user-rule-user.baijiu').waitFor();
    assert.equal(await page.getByTestId('quality-toggle-rule-qr.glucose_unit').isChecked(), false);
    assert.equal(await page.getByTestId('quality-threshold-temporal-start-end').inputValue(), '1');
    // A run can be cancelled: the progress bar goes away and no error is shown.
    await page.getByTestId('quality-run').click();
    await page.getByTestId('quality-cancel').click();
    await page.locator('[data-testid="quality-view"][data-status="idle"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('quality-error').count(), 0);
    await runChecks(page);
    await check(page, 'rule:user.baijiu', 'label', 'value').waitFor();

    // Chinese.
    await page.getByTestId('lang-switch').selectOption('zh');
    await page.getByText('运行检查').or(page.getByText('重新运行')).first().waitFor();
    assert.match(await page.getByTestId('quality-score-overall').innerText(), /总体/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await app.shot('quality-zh');

    assert.deepEqual(app.foreignRequests, [], 'no request leaves the origin');
    assert.deepEqual(app.consoleErrors, [], 'no console errors');
  } finally {
    await app.close();
  }
});
