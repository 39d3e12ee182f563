// The cohort builder: without a registry it points to the Registries view; with the demo open,
// a physician builds "first ischaemic stroke admission, age >= 18, HbA1c within 30 days before
// admission, no prior stroke, followed for 1 year" with pickers; the live attrition counts appear
// at each rule; the patients equal those of a hand-written SQL query (run in the same engine);
// invalid rules get messages at the rule; the SQL and JSON are visible; the attrition figure
// downloads as SVG and PNG; saved cohorts survive a reload; two cohorts are compared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { SCREENSHOTS, engineReady, openApp } from './harness.mjs';

// Written by hand, independently of the compiler (the unit tests compare with it too).
const HAND_SQL = await readFile(new URL('../fixtures/cohort-acceptance.sql', import.meta.url), 'utf8');

async function openDemoRegistry(page) {
  await page.getByTestId('nav-registry').click();
  await page.getByTestId('open-registry-stroke-demo').click();
  await page.locator('[data-testid="catalogue"][data-status="ready"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('nav-cohort').click();
  await page.getByTestId('cohort-builder').waitFor();
}

/** Waits for the live count to settle (debounce, then the engine) and returns the final count. */
async function settledCount(page) {
  await page.waitForTimeout(600);
  await page.locator('[data-testid="cohort-attrition"][data-status="ready"]').waitFor({ timeout: 60_000 });
  return Number(await page.getByTestId('cohort-final-count').getAttribute('data-count'));
}

async function fillCodes(page, testid, codes) {
  const input = page.getByTestId(testid);
  await input.fill(codes);
  await input.press('Tab');
}

test('cohort builder: acceptance cohort, attrition, export, errors at rules, save, compare', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    // ?bench exposes the engine handle, used here only to run the hand-written SQL.
    await page.goto(app.url + '?bench');
    await engineReady(page);

    // No registry open: the view says so and leads to the Registries view.
    await page.getByTestId('nav-cohort').click();
    await page.getByTestId('cohort-no-registry').waitFor();
    await app.shot('cohort-no-registry');
    await page.getByTestId('cohort-open-registries').click();
    await page.getByTestId('open-registry-stroke-demo').waitFor();
    await openDemoRegistry(page);

    await page.getByTestId('cohort-name').fill('First ischaemic stroke, 1 year');
    // Entry: first inpatient visit with an ischaemic stroke diagnosis (ICD-10 I63*).
    await page.getByTestId('entry-event-domain').selectOption('diagnosis.icd10');
    await fillCodes(page, 'entry-event-codes', 'I63');
    await page.getByTestId('entry-event-link').selectOption('inpatient');
    // Rule 1: age >= 18 (the default of a new age rule).
    await page.getByTestId('add-age').click();
    assert.equal(await page.getByTestId('rule-0-criterion-min').inputValue(), '18');
    // Rule 2: HbA1c (LOINC 4548-4) within 30 days before admission.
    await page.getByTestId('add-lab_result.loinc').click();
    await page.getByTestId('rule-1-criterion-event-match').selectOption('exact');
    await fillCodes(page, 'rule-1-criterion-event-codes', '4548-4');
    await page.getByTestId('rule-1-criterion-window-mode').selectOption('withinBefore');
    assert.equal(await page.getByTestId('rule-1-criterion-window-days').inputValue(), '30');
    // Rule 3: exclude prior stroke (Z86.73 any time up to the index date).
    await page.getByTestId('add-diagnosis.icd10').click();
    await page.getByTestId('rule-2-mode').selectOption('exclude');
    await page.getByTestId('rule-2-criterion-event-match').selectOption('exact');
    await fillCodes(page, 'rule-2-criterion-event-codes', 'Z86.73');
    // Rule 4: followed for 1 year; exit at 365 days.
    await page.getByTestId('add-follow-up').click();
    await page.getByTestId('exit-window').check();

    const count = await settledCount(page);
    const steps = [];
    for (const id of ['rule-entry-count', 'rule-0-count', 'rule-1-count', 'rule-2-count', 'rule-3-count']) {
      steps.push(Number((await page.getByTestId(id).innerText()).replace(/\D/g, '')));
    }
    console.log(`attrition: ${steps.join(' -> ')}`);
    assert.equal(steps[0], 2000);
    for (let i = 1; i < steps.length; i++) assert.ok(steps[i] <= steps[i - 1], 'attrition never grows');
    assert.equal(steps.at(-1), count);
    assert.equal(await page.locator('[data-testid="attrition-figure"] svg g[data-step]').count(), 5);
    await app.shot('cohort-acceptance');

    // The same patients as the hand-written SQL: materialise the UI's definition (from its JSON
    // view) in the app's engine and compare ids.
    await page.getByTestId('cohort-show-json').click();
    const definition = JSON.parse(await page.getByTestId('cohort-json').inputValue());
    const { ui, hand } = await page.evaluate(async ({ definition, sql }) => {
      const api = /** @type {any} */ (globalThis).__clinstatEngine;
      await api.materializeCohort('stroke-demo', definition, 'e2e_cohort');
      const ui = (await api.query('SELECT patient_id FROM e2e_cohort ORDER BY patient_id')).map((r) => r.patient_id);
      const hand = (await api.query(sql)).map((r) => r.patient_id);
      return { ui, hand };
    }, { definition, sql: HAND_SQL });
    assert.equal(ui.length, count);
    assert.deepEqual(ui, hand);
    await page.getByTestId('cohort-show-json').click();

    // Show SQL: the compiled query, one CTE per rule.
    await page.getByTestId('cohort-show-sql').click();
    const sql = await page.getByTestId('cohort-sql').innerText();
    assert.match(sql, /rule_4 AS/);
    assert.match(sql, /starts_with\(CAST\(e\."icd10" AS VARCHAR\), 'I63'\)/);
    await app.shot('cohort-sql');
    await page.getByTestId('cohort-show-sql').click();

    // Export the attrition figure as SVG and PNG.
    const [svgDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('attrition-svg').click()]);
    assert.match(svgDl.suggestedFilename(), /attrition\.svg$/);
    const svgText = await readFile(await svgDl.path(), 'utf8');
    assert.match(svgText, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svgText.includes(`${count.toLocaleString("en-US")} patients`));
    const [pngDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('attrition-png').click()]);
    assert.match(pngDl.suggestedFilename(), /attrition\.png$/);
    const png = await readFile(await pngDl.path());
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.ok(png.length > 5000, `a real image (${png.length} bytes)`);
    // Kept for a look at the PNG as downloaded.
    await writeFile(`${SCREENSHOTS}cohort-attrition-download.png`, png);

    // Save, then reload: the saved cohort survives (IndexedDB) and reopens with the same count.
    await page.getByTestId('cohort-save').click();
    await page.getByTestId('saved-0').waitFor();
    await page.reload();
    await engineReady(page);
    await openDemoRegistry(page);
    await page.getByTestId('saved-0').waitFor({ timeout: 10_000 });
    assert.match(await page.getByTestId('saved-0').innerText(), /First ischaemic stroke, 1 year/);
    await page.locator('[data-testid="saved-0"] button.link').click();
    assert.equal(await settledCount(page), count);
    // JSON import (power users): the same definition pasted back gives the same count.
    await page.getByTestId('cohort-show-json').click();
    await page.getByTestId('cohort-json').fill(JSON.stringify(definition));
    await page.getByTestId('cohort-import').click();
    assert.equal(await settledCount(page), count);
    await page.getByTestId('cohort-show-json').click();

    // Invalid definitions get a message at the rule that causes it.
    // (a) a window that ends before it starts
    await page.getByTestId('rule-1-criterion-window-mode').selectOption('custom');
    await page.getByTestId('rule-1-criterion-window-start').fill('10');
    await page.getByTestId('rule-1-criterion-window-start').press('Tab');
    await page.getByTestId('rule-1-criterion-window-end').fill('-5');
    await page.getByTestId('rule-1-criterion-window-end').press('Tab');
    await page.getByTestId('issues-rule-1').waitFor();
    assert.match(await page.getByTestId('issues-rule-1').innerText(), /ends .* before it starts/);
    assert.equal(await page.getByTestId('issues-rule-0').count(), 0);
    await page.getByTestId('rule-1-criterion-window-mode').selectOption('withinBefore');
    // (b) a code that matches nothing
    await fillCodes(page, 'rule-2-criterion-event-codes', 'Z99.999');
    await page.waitForTimeout(600);
    await page.getByTestId('issues-rule-2').waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId('issues-rule-2').innerText(), /Z99\.999.*matches no row/);
    await fillCodes(page, 'rule-2-criterion-event-codes', 'Z86.73');
    // (c) a contradictory rule that selects nobody
    await page.getByTestId('rule-0-criterion-max').fill('10');
    await page.getByTestId('rule-0-criterion-max').press('Tab');
    await page.getByTestId('issues-rule-0').waitFor();
    assert.match(await page.getByTestId('issues-rule-0').innerText(), /selects nobody/);
    // The counts of the previous definition are not passed off as this one's.
    await page.locator('[data-testid="cohort-attrition"][data-status="invalid"]').waitFor();
    assert.equal(await page.getByTestId('rule-0-count').count(), 0);
    await app.shot('cohort-rule-errors');
    await page.getByTestId('rule-0-criterion-max').fill('');
    await page.getByTestId('rule-0-criterion-max').press('Tab');
    assert.equal(await settledCount(page), count);

    // A second cohort (without the follow-up rule), saved and compared with the first.
    await page.getByTestId('cohort-name').fill('First ischaemic stroke, any follow-up');
    await page.getByTestId('rule-3-remove').click();
    const wider = await settledCount(page);
    assert.ok(wider >= count);
    await page.getByTestId('cohort-save').click();
    await page.getByTestId('saved-1').waitFor();
    await page.getByTestId('compare-a').selectOption('0');
    await page.getByTestId('compare-b').selectOption('1');
    await page.getByTestId('compare-run').click();
    await page.getByTestId('compare-table').waitFor({ timeout: 60_000 });
    const overlap = await page.getByTestId('compare-overlap').innerText();
    assert.match(overlap, new RegExp(`${count} in both, 0 only in A, ${wider - count} only in B`));
    assert.ok((await page.locator('[data-testid="compare-table"] tbody tr').count()) >= 3);
    await app.shot('cohort-compare');

    // Chinese.
    await page.getByTestId('lang-switch').selectOption('zh');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await app.shot('cohort-zh');
    const zhText = await page.getByTestId('cohort-builder').innerText();
    assert.match(zhText, /入组事件/);
    assert.match(zhText, /纳入与排除规则/);

    assert.deepEqual(app.foreignRequests, []);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
