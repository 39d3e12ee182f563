// A physician's first run: sample data -> independent t-test -> table, figure, interpretation,
// R code; then the same in Chinese. Served under a sub-path; no request may leave the origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineReady, openApp, tableLoaded } from './harness.mjs';

/** The clipboard write is asynchronous: polls until the clipboard's `type` holds `marker`. */
async function untilClipboard(page, type, marker) {
  for (let i = 0; i < 50; i++) {
    const text = await page.evaluate(async (t) => {
      const items = await navigator.clipboard.read();
      const item = items.find((x) => x.types.includes(t));
      return item ? (await item.getType(t)).text() : '';
    }, type);
    if (text.includes(marker)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`the clipboard never held ${type} with ${marker}`);
}

test('sample data, t-test by drag and drop, results, Chinese, offline', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await engineReady(page);
    await page.getByTestId('load-sample').click();
    await tableLoaded(page, 'toothgrowth');
    await page.getByTestId('plugin-compare.ttest_ind').click();
    // Drop onto each slot's heading, as a user would: the slot's centre can sit below the fold.
    const onHeading = { targetPosition: { x: 40, y: 12 } };
    await page.getByTestId('col-len').dragTo(page.getByTestId('role-outcome'), onHeading);
    await page.getByTestId('col-supp').dragTo(page.getByTestId('role-group'), onHeading);
    await page.getByTestId('assigned-group-supp').waitFor();
    await page.getByTestId('run-analysis').click();
    const tidy = page.getByTestId('result-table-tidy');
    await tidy.waitFor({ timeout: 60_000 });
    // R: t.test(len ~ supp, data = ToothGrowth) -> t = 1.9153, df = 55.309, p-value = 0.06063
    const text = await tidy.innerText();
    assert.match(text, /\t1\.92\t/); // t = 1.9153
    assert.match(text, /55\.3/);
    assert.match(text, /0\.061/);
    await page.locator('[data-testid^="figure-"] svg').first().waitFor({ timeout: 30_000 });
    const interpretation = await page.getByTestId('interpretation').innerText();
    assert.ok(interpretation.length > 40, 'interpretation is written out');
    assert.match(await page.getByTestId('r-code').innerText(), /t\.test\(len ~ supp/);
    await app.shot('analysis-en');

    // Copy the result table as TSV and as HTML (for Word/Excel).
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('copy-tsv-tidy').click();
    const tsv = await untilClipboard(page, 'text/plain', '\t');
    assert.match(tsv.split('\n')[0], /\tdf\t/);
    assert.match(tsv, /\t55\.3\t/);
    await page.getByTestId('copy-html-tidy').click();
    const html = await untilClipboard(page, 'text/html', '<table');
    assert.match(html, /<td[^>]*>55\.3<\/td>/);

    await page.getByTestId('lang-switch').selectOption('zh');
    await page.getByText('独立样本 t 检验').first().waitFor();
    assert.match(await page.getByTestId('interpretation').innerText(), /[\u4e00-\u9fff]/);
    await app.shot('analysis-zh');

    // The language choice persists across a reload.
    await page.reload();
    await engineReady(page);
    assert.equal(await page.getByTestId('lang-switch').inputValue(), 'zh');

    assert.deepEqual(app.foreignRequests, [], 'no request to another origin');
    assert.deepEqual(app.consoleErrors, [], 'no console error');
  } finally {
    await app.close();
  }
});
