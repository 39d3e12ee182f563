// Loading files through the UI: CSV, Excel (with a sheet picker), a type change, and every
// kind of bad file: each gets a specific message and nothing already loaded is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { fileURLToPath } from 'node:url';
import { engineReady, openApp, tableCount as countTables, tableLoaded } from './harness.mjs';

async function fixtures() {
  const dir = await mkdtemp(path.join(tmpdir(), 'clinstat-e2e-'));
  const file = async (name, content) => {
    const p = path.join(dir, name);
    await writeFile(p, content);
    return p;
  };
  const wb = new ExcelJS.Workbook();
  const s1 = wb.addWorksheet('Patients');
  s1.addRow(['id', 'age', 'sex', 'admitted']);
  s1.addRow([1, 63, 'F', new Date(Date.UTC(2023, 0, 5))]);
  s1.addRow([2, 71, 'M', new Date(Date.UTC(2023, 1, 9))]);
  s1.addRow([3, 58, 'F', new Date(Date.UTC(2023, 2, 14))]);
  const s2 = wb.addWorksheet('Labs');
  s2.addRow(['id', 'hba1c']);
  s2.addRow([1, 6.1]);
  s2.addRow([2, 7.4]);
  return {
    csv: await file('visits.csv', 'id,ward,score\n1,A,3\n2,B,5\n3,A,4\n4,B,6\n'),
    xlsx: await file('patients.xlsx', Buffer.from(await wb.xlsx.writeBuffer())),
    empty: await file('empty.csv', ''),
    ragged: await file('ragged.csv', 'a,b\n1,2\n3,4,5\n6,7\n'),
    binary: await file('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3])),
    gb: await file('中文数据.csv', iconv.encode('编号,性别,年龄\n1,男,63\n2,女,58\n3,男,71\n', 'gb18030')),
    xss: await file('xss.csv', '<script>alert(1)</script>,<img src=x onerror=alert(2)>\n1,<b>bold</b>\n2,x\n'),
    json: await file('records.json', JSON.stringify([{ id: 1, arm: 'A', sbp: 120.5 }, { id: 2, arm: 'B', sbp: 131 }])),
    arrow: await file('labs.arrow', tableToIPC(tableFromArrays({ hba1c: Float64Array.from([6.1, 7.4, 5.9]), visit: Int32Array.from([1, 2, 3]) }), 'file')),
    parquet: fileURLToPath(new URL('../fixtures/data/datapage_v2.snappy.parquet', import.meta.url)),
    emptyXlsx: await file('empty.xlsx', ''),
    corruptXlsx: await file('corrupt.xlsx', Buffer.from('PK\u0003\u0004 this is not really a workbook')),
  };
}

test('CSV, Excel, type change, malformed files, GB18030 and XSS', async () => {
  const f = await fixtures();
  const app = await openApp();
  const { page } = app;
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    d.dismiss();
  });
  const load = (p) => page.getByTestId('file-input').setInputFiles(p);
  const tableCount = () => countTables(page);
  const expectError = async (pattern) => {
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), pattern);
  };
  try {
    await engineReady(page);
    await load(f.csv);
    await tableLoaded(page, 'visits');
    assert.equal(await page.getByTestId('type-score').inputValue(), 'integer');
    await page.getByTestId('type-score').selectOption('numeric');
    await page.waitForFunction(() => document.querySelector('[data-testid="type-score"]')?.value === 'numeric');
    // A text column cannot become a number: the message names the column and the value.
    await page.getByTestId('type-ward').selectOption('numeric');
    const typeError = page.getByTestId('type-error-ward');
    await typeError.waitFor();
    assert.match(await typeError.innerText(), /ward/);
    assert.equal(await page.getByTestId('type-ward').inputValue(), 'categorical', 'the failed change is undone');

    await load(f.xlsx);
    await tableLoaded(page, 'patients');
    assert.equal(await page.getByTestId('type-admitted').inputValue(), 'date');
    await page.getByTestId('sheet-picker').selectOption('Labs');
    await page.getByTestId('type-hba1c').waitFor();
    await app.shot('import-xlsx');
    const loaded = await tableCount();

    for (const [file, pattern] of [
      [f.empty, /empty/i],
      [f.ragged, /line 3/i],
      [f.binary, /text file/i],
      [f.emptyXlsx, /empty/i],
      [f.corruptXlsx, /Excel/i],
    ]) {
      await load(file);
      await expectError(pattern);
      assert.equal(await tableCount(), loaded, `a bad file (${path.basename(file)}) loses nothing`);
    }
    await app.shot('import-error');

    await load(f.json);
    await tableLoaded(page, 'records');
    assert.equal(await page.getByTestId('type-sbp').inputValue(), 'numeric');
    await load(f.arrow);
    await tableLoaded(page, 'labs');
    assert.equal(await page.getByTestId('type-visit').inputValue(), 'integer');
    await load(f.parquet);
    await tableLoaded(page, 'datapage_v2_snappy');

    await load(f.gb);
    await page.getByTestId('type-性别').waitFor();
    assert.match(await page.getByTestId('preview-grid').innerText(), /男/);

    await load(f.xss);
    await page.getByText('<script>alert(1)</script>').first().waitFor();
    await page.getByText('<b>bold</b>').first().waitFor();
    assert.equal(dialogs, 0, 'no script from the data ran');
    await app.shot('import-xss');

    // A file dropped on the drop zone (drag and drop from the desktop) loads like a picked one.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['arm,score\nA,1\nB,2\nA,3\n'], 'dropped.csv', { type: 'text/csv' }));
      const zone = document.querySelector('[data-testid="drop-zone"]');
      for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await tableLoaded(page, 'dropped');

    assert.deepEqual(app.foreignRequests, []);
    assert.deepEqual(app.consoleErrors, [], 'bad files are reported in the page, not as console errors');
  } finally {
    await app.close();
  }
});
