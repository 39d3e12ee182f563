// The analysis-dataset builder: without a registry it says so and offers to open one; then,
// on the stroke demo: baseline HbA1c in the 30 days before index, age, sex, creatinine, an eGFR
// formula, age quartiles, glucose at visits 1..3 and 1-year recurrence as time-to-event; build
// with progress, completeness and preview; the table appears in the Data panel; a bad formula
// gives a readable message; exports (CSV, Excel with codebook, Parquet, R script, codebook,
// frequencies) downloaded and read back; the downloaded definition runs in `clinstat`; Chinese. No request leaves the origin; console clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parquetReadObjects } from 'hyparquet';
import { engineReady, openApp } from './harness.mjs';

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testid).click()]);
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

async function addFromSearch(page, query, id, kind = 'add') {
  await page.getByTestId('ds-search').fill(query);
  await page.getByTestId(`ds-${kind}-${id}`).click();
}

test('dataset: build from the demo registry, preview, Data panel, export, Chinese, offline', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await engineReady(page);

    // No registry open: the view says so and offers to open one.
    await page.getByTestId('nav-dataset').click();
    await page.getByTestId('ds-no-registry').waitFor();
    await app.shot('dataset-no-registry');
    await page.getByTestId('ds-open-registry').click();
    await page.getByTestId('open-registry-stroke-demo').click();
    await page.locator('[data-testid="catalogue"][data-status="ready"]').waitFor({ timeout: 60_000 });

    await page.getByTestId('nav-dataset').click();
    await page.getByTestId('ds-name').fill('stroke1y');
    await addFromSearch(page, 'hba1c', 'laboratory.hba1c.all');
    await addFromSearch(page, 'age', 'demographics.age');
    await addFromSearch(page, 'sex', 'demographics.sex');
    // Creatinine by its LOINC code, converted from µmol/L to mg/dL by the unit column.
    await page.getByTestId('ds-mode-codes').click();
    await page.getByTestId('ds-search').fill('creatinine');
    await page.getByTestId('ds-code-2160-0').waitFor({ timeout: 30_000 });
    await page.getByTestId('ds-code-unit-2160-0').selectOption('mg/dL');
    await app.shot('dataset-by-code');
    await page.getByTestId('ds-code-add-2160-0').click();
    await page.getByTestId('ds-mode-catalogue').click();
    await addFromSearch(page, 'glucose', 'laboratory.glucose.all', 'pivot');
    await addFromSearch(page, 'recurrence', 'outcomes.recurrence_events', 'outcome');
    const features = page.locator('[data-testid="ds-features"] > li');
    assert.equal(await features.count(), 6);
    // The window of HbA1c reads in plain words.
    assert.match(await page.getByTestId('ds-feature-hba1c_all').innerText(), /last value in the 30 days before index/);

    // A formula that refers to a column that does not exist gives a message saying which.
    await page.getByTestId('ds-add-derived').click();
    await page.getByTestId('ds-derived-name').fill('egfr');
    await page.getByTestId('ds-derived-expression').fill('egfr_ckd_epi_2021(creatinine / 88.42, age, sex)');
    await page.getByTestId('ds-derived-ok').click();
    await page.getByTestId('ds-build').click();
    const err = page.getByTestId('ds-error');
    await err.waitFor({ timeout: 30_000 });
    assert.match(await err.innerText(), /Column "egfr": .*no feature named "creatinine"/);
    await app.shot('dataset-bad-formula');
    await page.getByTestId('ds-expression-6').fill('egfr_ckd_epi_2021(creatinine_mgdL, age, sex)');

    // Age in quartiles.
    await page.getByTestId('ds-add-bin').click();
    await page.getByTestId('ds-bin-input').selectOption('age');
    await page.getByTestId('ds-bin-method').selectOption('quantiles');
    await page.getByTestId('ds-bin-ok').click();
    assert.equal(await features.count(), 8);
    await app.shot('dataset-builder');

    await page.getByTestId('ds-build').click();
    await page.getByTestId('ds-progress').waitFor({ timeout: 5_000 }).catch(() => {
      /* a small build may finish before the bar paints */
    });
    const result = page.getByTestId('ds-result');
    await result.waitFor({ timeout: 120_000 });
    assert.match(await result.locator('h3').innerText(), /ds_stroke1y: 2000 rows × 15 columns/);
    const completeness = page.locator('[data-testid="ds-completeness"] tbody tr');
    assert.equal(await completeness.count(), 15);
    assert.match(await completeness.filter({ hasText: 'recurrence_events_time' }).innerText(), /100%/);
    assert.match(await completeness.filter({ has: page.locator('td.mono', { hasText: /^creatinine_mgdL$/ }) }).innerText(), /numeric \(mg\/dL\)/);
    assert.equal(await page.locator('[data-testid="ds-preview"] tbody tr').count(), 20);
    await app.shot('dataset-built');

    // Long format from the visit columns.
    await page.getByTestId('ds-to-long').click();
    await page.getByTestId('ds-long-done').waitFor({ timeout: 30_000 });

    // Exports, with identifiers removed and small cells suppressed.
    await page.getByTestId('ds-drop-ids').check();
    await page.getByTestId('ds-shift-dates').check();
    await page.getByTestId('ds-k').fill('10');
    await page.getByTestId('ds-export').scrollIntoViewIfNeeded();
    await app.shot('dataset-export');

    const csv = await download(page, 'ds-export-csv');
    assert.equal(csv.name, 'stroke1y.csv');
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.subarray(3).toString('utf8').trim().split('\r\n');
    assert.equal(lines.length, 2001);
    const header = lines[0].split(',');
    assert.equal(header[0], 'pseudo_id');
    assert.ok(!header.includes('patient_id'));
    assert.ok(header.includes('egfr') && header.includes('age_grp') && header.includes('glucose_all_3'));

    const xlsx = await download(page, 'ds-export-xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['data', 'codebook', 'frequencies']);
    assert.equal(wb.getWorksheet('data').rowCount, 2001);
    const cb = wb.getWorksheet('codebook');
    const egfrRow = cb.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'egfr');
    assert.match(String(egfrRow[6]), /egfr_ckd_epi_2021/);
    const freq = wb.getWorksheet('frequencies').getSheetValues().filter(Array.isArray);
    assert.ok(freq.some((r) => typeof r[3] === 'string' && r[3] === '<10') || freq.every((r) => typeof r[3] !== 'number' || r[3] === 0 || r[3] >= 10), 'small counts are suppressed');

    const pq = await download(page, 'ds-export-parquet');
    const rows = await parquetReadObjects({ file: pq.bytes.buffer.slice(pq.bytes.byteOffset, pq.bytes.byteOffset + pq.bytes.byteLength) });
    assert.equal(rows.length, 2000);
    assert.ok(rows[0].index_date instanceof Date);
    assert.equal(typeof rows[0].recurrence_events_status, 'number');
    const egfrs = rows.map((x) => x.egfr).filter((v) => v !== null);
    assert.ok(egfrs.length > 1000 && egfrs.every((v) => v > 5 && v < 200), 'eGFR values are plausible (creatinine was converted to mg/dL)');

    const r = await download(page, 'ds-export-r');
    assert.match(r.bytes.toString('utf8'), /colClasses = c\("pseudo_id" = "integer"/);
    const codebook = await download(page, 'ds-export-codebook');
    assert.match(codebook.bytes.toString('utf8'), /hba1c_all,/);
    const fq = await download(page, 'ds-export-frequencies');
    assert.match(fq.bytes.toString('utf8'), /^\uFEFFvariable,level,count,percent/);

    // The definition downloaded from the page builds the same dataset from the command line.
    const def = await download(page, 'ds-export-definition');
    assert.equal(def.name, 'stroke1y.dataset.json');
    const dir = await mkdtemp(path.join(tmpdir(), 'clinstat-ds-'));
    await writeFile(path.join(dir, def.name), def.bytes);
    await writeFile(path.join(dir, 'spec.json'), JSON.stringify({ plugin: 'describe.descriptives', data: { dataset: def.name }, roles: { variables: ['age'] } }));
    const cli = spawnSync(process.execPath, [fileURLToPath(new URL('../../bin/clinstat.mjs', import.meta.url)), 'run', path.join(dir, 'spec.json')], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(JSON.parse(cli.stdout).n.rows, 2000);

    // The dataset is a table in the workbench's Data panel.
    await page.getByTestId('nav-workbench').click();
    await page.getByTestId('table-ds_stroke1y').waitFor({ timeout: 30_000 });
    await page.getByTestId('table-ds_stroke1y_long').waitFor({ timeout: 30_000 });
    await app.shot('dataset-in-data-panel');

    // Chinese.
    await page.getByTestId('nav-dataset').click();
    await page.getByTestId('lang-switch').selectOption('zh');
    assert.match(await page.getByTestId('ds-feature-hba1c_all').innerText(), /索引日前 30 天内/);
    assert.match(await page.getByTestId('ds-export').innerText(), /导出/);
    await app.shot('dataset-zh');

    // Closing the tab loses nothing: the definition being edited is restored from IndexedDB, and
    // the built one is among the saved datasets.
    await page.reload();
    await engineReady(page);
    await page.getByTestId('nav-registry').click();
    await page.getByTestId('open-registry-stroke-demo').click();
    await page.locator('[data-testid="catalogue"][data-status="ready"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('nav-dataset').click();
    await page.getByTestId('ds-feature-age_grp').waitFor({ timeout: 10_000 });
    assert.equal(await features.count(), 8);
    assert.equal(await page.getByTestId('ds-name').inputValue(), 'stroke1y');
    assert.match(await page.getByTestId('ds-saved').innerText(), /stroke1y \(8\)/);

    assert.deepEqual(app.foreignRequests, []);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
