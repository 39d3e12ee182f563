// One method per family through the UI, as a physician runs it: load R's data set, pick the
// method, fill the roles with the keyboard path (the "Add" list in each slot), run, and check the
// numbers against R. Screenshots: screenshots/method-<id>.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { engineReady, openApp, tableLoaded } from './harness.mjs';

const data = (name) => fileURLToPath(new URL(`../reference/data/${name}.csv`, import.meta.url));

async function runPlugin(page, id, roles) {
  await page.getByTestId('analysis-search').fill('');
  await page.getByTestId(`plugin-${id}`).click();
  for (const [role, columns] of Object.entries(roles)) {
    for (const column of [].concat(columns)) await page.getByTestId(`role-select-${role}`).selectOption(column);
  }
  await page.getByTestId('run-analysis').click();
  const result = page.locator(`[data-testid="result"][data-plugin="${id}"]`).first();
  await result.waitFor({ timeout: 60_000 });
  return result;
}

// Each case: data set, plugin, roles, the table and a number R prints for it.
const CASES = [
  // R: summary(mtcars$mpg) mean 20.09
  { data: 'mtcars', id: 'describe.descriptives', roles: { variables: ['mpg', 'hp'] }, table: 'descriptives', expect: /20\.1/ },
  // R: kruskal.test(len ~ dose, ToothGrowth): chi-squared = 40.669
  // (dose is numeric in the file: the physician first makes it categorical, as factor(dose) in R)
  { data: 'ToothGrowth', id: 'compare.kruskal_wallis', roles: { outcome: 'len', group: 'dose' }, table: 'tidy', expect: /40\.7/, categorical: ['dose'] },
  // R: chisq.test(table(birthwt$smoke, birthwt$low)): X-squared = 4.2359
  { data: 'birthwt', id: 'categorical.chisq_independence', roles: { row: 'smoke', column: 'low' }, table: 'tidy', expect: /4\.24/ },
  // R: cor.test(mtcars$mpg, mtcars$wt): r = -0.8677
  { data: 'mtcars', id: 'correlate.pearson', roles: { x: 'mpg', y: 'wt' }, table: 'tidy', expect: /-0\.868/ },
  // R: glm(low ~ age + lwt + smoke, binomial, birthwt): smoke estimate 0.6712
  { data: 'birthwt', id: 'regress.logistic', roles: { outcome: 'low', covariates: ['age', 'lwt', 'smoke'] }, table: 'tidy', expect: /0\.671/ },
  // R: coxph(Surv(time, status) ~ age + sex, lung): sex HR 0.599
  { data: 'lung', id: 'survival.cox', roles: { time: 'time', event: 'status', covariates: ['age', 'sex'] }, table: 'tidy', expect: /0\.599/ },
  // R: survfit(Surv(time, status) ~ sex, lung): median 270 (sex 1) and 426 (sex 2)
  { data: 'lung', id: 'survival.km', roles: { time: 'time', event: 'status', strata: 'sex' }, table: 'median_survival', expect: /270[\s\S]*426/ },
];

test('one method of each family runs from the UI and matches R', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await engineReady(page);
    for (const name of new Set(CASES.map((c) => c.data))) {
      await page.getByTestId('file-input').setInputFiles(data(name));
      await tableLoaded(page, name.toLowerCase());
    }
    for (const c of CASES) {
      await page.getByTestId(`table-${c.data.toLowerCase()}`).click();
      for (const column of c.categorical ?? []) {
        await page.getByTestId(`type-${column}`).selectOption('categorical');
        await page.waitForFunction((col) => document.querySelector(`[data-testid="type-${col}"]`)?.value === 'categorical', column);
      }
      const result = await runPlugin(page, c.id, c.roles);
      const table = result.getByTestId(`result-table-${c.table}`);
      assert.match(await table.innerText(), c.expect, `${c.id}: ${c.table}`);
      assert.ok((await result.getByTestId('interpretation').innerText()).length > 20, `${c.id}: interpretation`);
      await result.locator('[data-testid^="figure-"] svg').first().waitFor({ timeout: 30_000 }).catch(() => {});
      await app.shot(`method-${c.id}`);
    }
    assert.deepEqual(app.foreignRequests, []);
    assert.deepEqual(app.consoleErrors, []);
  } finally {
    await app.close();
  }
});
