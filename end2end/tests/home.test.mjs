import assert from 'node:assert/strict';
import { BASE_URL, journey, useBrowserAndDb, waitForHydration, figure } from './support.mjs';

const shared = useBrowserAndDb();

async function publishExpert(firstName, departement) {
  await shared.db.query(
    `INSERT INTO experts (first_name, departement_code, status, published_at, attestation_issued_on)
     VALUES ($1, $2, 'published', now(), current_date - 10)`,
    [firstName, departement],
  );
}

journey('the home page hydrates and a click refetches the live figures from PostgreSQL without reload', async () => {
  await publishExpert('Camille', '69');
  const page = await shared.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const navigations = [];
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations.push(f.url()); });

  await page.goto(BASE_URL);
  await waitForHydration(page);
  const before = await figure(page, 'published-experts');
  assert.ok(before >= 1, `expected at least the expert just published, got ${before}`);

  // A change made in the database after the page was rendered…
  await publishExpert('Mathis', '2A');
  await page.evaluate(() => { window.__sameDocument = true; });

  // …appears after a click, through the server function, in the same document.
  const response = page.waitForResponse((r) => r.url().includes('/api/platform_stats'));
  await page.getByTestId('refresh-stats').click();
  assert.equal((await response).status(), 200);
  await page.getByTestId('stats-refreshed').waitFor();
  assert.match(await page.getByTestId('stats-refreshed').textContent(), /actualisés 1 fois/);
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="stat-published-experts"]').textContent.replace(/\s|\u202f/g, '')) === n,
    before + 1,
  );
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was reloaded');
  assert.equal(navigations.length, 1, `unexpected navigations: ${navigations}`);

  // Reactive state keeps counting.
  await page.getByTestId('refresh-stats').click();
  await page.getByText('Chiffres actualisés 2 fois').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

journey('the home page is complete with JavaScript disabled', async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(BASE_URL);
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.match(await page.title(), /B2BiZen/);
  assert.match(await page.locator('h1').textContent(), /expert/i);
  for (const id of ['experts', 'entreprises', 'fonctionnement']) {
    assert.equal(await page.locator(`#${id}`).count(), 1, `section #${id} missing`);
  }
  // The figures are server-rendered, not a loading placeholder.
  const { rows } = await shared.db.query(`SELECT count(*)::int AS n FROM experts WHERE status = 'published'`);
  assert.equal(await figure(page, 'published-experts'), rows[0].n);
  assert.ok(!(await page.content()).includes('Chargement des chiffres'));
  assert.match(await page.locator('footer').textContent(), /portage salarial/);
  // The calls to action lead to sign-up, each to its own form.
  assert.equal(await page.getByTestId('cta-expert').getAttribute('href'), '/inscription');
  assert.equal(await page.getByTestId('cta-company').getAttribute('href'), '/inscription?profil=entreprise');
  // Without JavaScript the refresh button is a plain form that reloads the page.
  await publishExpert('Inès', '974');
  await page.getByTestId('refresh-stats').click();
  await page.waitForLoadState('load');
  assert.equal(await figure(page, 'published-experts'), rows[0].n + 1);
  await context.close();
});

journey('an unknown address answers a French 404 page', async () => {
  const page = await shared.browser.newPage();
  const response = await page.goto(`${BASE_URL}/cette-page-n-existe-pas`);
  assert.equal(response.status(), 404);
  assert.match(await page.locator('h1').textContent(), /Page introuvable/);
  await page.getByRole('link', { name: "Revenir à l'accueil" }).click();
  await page.waitForURL(`${BASE_URL}/`);
  await page.close();
});

journey('the layout fits a phone screen without horizontal scrolling', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(BASE_URL);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await context.close();
});
