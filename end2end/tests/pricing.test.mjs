// The public fee simulator: a budget in, the commission out — by a plain GET form
// without JavaScript, and following the typing with it; both languages.
import assert from 'node:assert/strict';
import { BASE_URL, journey, layoutFaults, useBrowserAndDb, waitForHydration } from './support.mjs';

const shared = useBrowserAndDb();

journey('the fee simulator answers without JavaScript', async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const res = await page.goto(`${BASE_URL}/tarifs`);
  assert.equal(res.status(), 200);
  await page.getByLabel('Budget de la mission (€ HT)').fill('12500');
  await page.getByTestId('pricing-submit').click();
  await page.waitForURL(/budget=12500/);
  // 3 % of 10 000 + 2 % of 2 500 = 350 € HT; 420 € TTC; 2,8 % effective.
  assert.match(await page.getByTestId('fee-ht').textContent(), /^350,00\s€$/);
  assert.match(await page.getByTestId('fee-ttc').textContent(), /^420,00\s€$/);
  assert.match(await page.getByTestId('fee-rate').textContent(), /^2,8\s%$/);
  assert.equal(await page.getByTestId('fee-brackets').locator('tbody tr').count(), 2);
  // Below 1 633 € the minimum applies.
  await page.goto(`${BASE_URL}/tarifs?budget=800`);
  assert.match(await page.getByTestId('fee-ht').textContent(), /^49,00\s€$/);
  await page.getByTestId('fee-minimum').waitFor();
  await context.close();
});

journey('with JavaScript the commission follows the typing, in French and in English', async () => {
  const page = await shared.browser.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${BASE_URL}/tarifs`);
  await waitForHydration(page);
  const budget = page.getByTestId('pricing-budget');
  await budget.pressSequentially('60000');
  // No submit: 300 + 800 + 100 = 1 200 € HT.
  await page.getByTestId('fee-ht').filter({ hasText: '1\u202f200,00' }).waitFor();
  assert.equal(new URL(page.url()).search, '', 'computed in the page, not reloaded');
  await budget.fill('abc');
  await page.getByTestId('pricing-problem').waitFor();
  await budget.fill('1 000 000');
  await page.getByTestId('fee-ht').filter({ hasText: '10\u202f600,00' }).waitFor();
  // The header's height is the layout journey's matter; here, nothing sticks out.
  assert.deepEqual((await layoutFaults(page)).filter((f) => !f.startsWith('header')), []);
  await page.setViewportSize({ width: 390, height: 844 });
  assert.deepEqual(await layoutFaults(page), []);
  await page.close();

  const context = await shared.browser.newContext();
  await context.addCookies([{ name: 'lang', value: 'en', url: BASE_URL }]);
  const english = await context.newPage();
  await english.goto(`${BASE_URL}/tarifs?budget=12500`);
  await english.getByRole('heading', { name: 'Pricing and commission simulator' }).waitFor();
  assert.match(await english.getByTestId('fee-ht').textContent(), /350\.00/);
  await context.close();
});
