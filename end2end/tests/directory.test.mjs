import assert from 'node:assert/strict';
import { BASE_URL, journey, useBrowserAndDb, waitForHydration } from './support.mjs';

const shared = useBrowserAndDb();
const SECRETS = ['Quimperlé-Secret', 'prive.quimper@exemple.fr', '+33 6 55 44 33 22', '912.34'];

async function seedExpert(firstName) {
  const { rows } = await shared.db.query(
    `INSERT INTO experts (first_name, departement_code, status, published_at, years_experience, education,
         last_name, email, phone, daily_rate, attestation_issued_on)
     VALUES ($1, '29', 'published', now(), 16, ARRAY['Master RSE, Université de Brest'], $2, $3, $4, 912.34,
         current_date - 10)
     RETURNING id`,
    [firstName, SECRETS[0], SECRETS[1], SECRETS[2]],
  );
  const id = rows[0].id;
  await shared.db.query(`INSERT INTO expert_domains SELECT $1, id FROM domains WHERE slug = 'rse'`, [id]);
  await shared.db.query(`INSERT INTO expert_languages VALUES ($1, 'fr', 'Native'), ($1, 'en', 'C1')`, [id]);
  return id;
}

function assertNoSecret(html, where) {
  for (const secret of SECRETS) assert.ok(!html.includes(secret), `${where} shows ${secret}`);
}

journey('a visitor finds an expert by filters and sees only the public card', async () => {
  const name = `Gwenola${Date.now() % 100000}`;
  await seedExpert(name);
  const page = await shared.browser.newPage();
  await page.goto(`${BASE_URL}/experts`);
  await waitForHydration(page);
  await page.getByLabel('Domaine').selectOption('rse');
  await page.getByLabel('Département').selectOption('29');
  await page.getByLabel('Niveau').selectOption('expert');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.waitForURL(/domaine=rse/);
  // A linkable address with the filters in use only.
  assert.equal(new URL(page.url()).search, '?domaine=rse&departement=29&niveau=expert');
  const card = page.getByTestId('expert-card').filter({ hasText: name });
  await card.waitFor();
  assert.match(await card.textContent(), /Expert/);
  assert.match(await card.textContent(), /Anglais · C1/);
  assert.match(await card.textContent(), /Finistère \(29\)/);
  assertNoSecret(await page.content(), 'the filtered directory');

  await card.getByRole('link', { name }).click();
  await page.waitForURL(/\/experts\/[0-9a-f-]{36}$/);
  await page.getByText('Master RSE, Université de Brest').waitFor();
  assertNoSecret(await page.content(), 'the card page');
  await page.close();
});

journey('the directory works with JavaScript disabled', async () => {
  const name = `Maëlys${Date.now() % 100000}`;
  const id = await seedExpert(name);
  const context = await shared.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const res = await page.goto(`${BASE_URL}/experts?domaine=rse&departement=29`);
  assert.equal(res.status(), 200);
  await page.getByTestId('expert-card').filter({ hasText: name }).waitFor();
  await page.getByLabel('Niveau').selectOption('junior');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.waitForURL(/niveau=junior/);
  assert.equal(await page.getByTestId('expert-card').filter({ hasText: name }).count(), 0);
  const cardPage = await page.goto(`${BASE_URL}/experts/${id}`);
  assert.equal(cardPage.status(), 200);
  assertNoSecret(await page.content(), 'the card page without JavaScript');
  await context.close();
});
