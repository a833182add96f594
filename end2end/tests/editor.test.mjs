// The profile editor keeps what was typed when the expert leaves at once (in-app link,
// another address, closing), asks before unloading unsaved changes, and its gauge reaches
// 100 % on a complete valid dossier while naming what keeps it under.
import assert from 'node:assert/strict';
import {
  BASE_URL, PDF, journey, png, quickAccount, signIn, useBrowserAndDb, waitForHydration,
} from './support.mjs';

const shared = useBrowserAndDb();
const headers = { origin: BASE_URL };

async function expertInEditor(name) {
  const id = `${Date.now() % 1_000_000}${Math.floor(Math.random() * 100)}`;
  const email = `${name}.${id}@exemple.fr`;
  const context = await shared.browser.newContext();
  const password = await quickAccount(shared.db, 'provider', email, { last: `Sauvegarde${id}` });
  const page = await context.newPage();
  await signIn(page, email, password);
  await page.goto(`${BASE_URL}/profil`);
  await waitForHydration(page);
  await page.getByTestId('profile-editor').waitFor();
  return { context, page };
}

/** The stored draft, read until `ok` holds or 5 s pass (a flush lands after the page left). */
async function storedDraft(context, ok) {
  let draft;
  for (let i = 0; i < 25; i++) {
    draft = (await (await context.request.get(`${BASE_URL}/api/profile_editor`)).json()).draft;
    if (ok(draft)) return draft;
    await new Promise((r) => setTimeout(r, 200));
  }
  return draft;
}

journey('an edit followed at once by a link, or by leaving the page, is saved', async () => {
  const { context, page } = await expertInEditor('sauvegarde');
  // In the app: typed, then a link clicked before the save's delay is over.
  await page.locator('#champ-education').fill('Master CCA, Université Lyon 3\nDSCG');
  await page.getByTestId('nav-notifications').click();
  await page.waitForURL(`${BASE_URL}/notifications`);
  let draft = await storedDraft(context, (d) => d.education.includes('DSCG'));
  assert.equal(draft.education, 'Master CCA, Université Lyon 3\nDSCG', 'the edit made before the link is stored');

  // Out of the app: two skill rows and a phone number, then another address at once. The
  // browser asks first (the changes are not saved yet); the expert leaves anyway.
  await page.goto(`${BASE_URL}/profil`);
  await waitForHydration(page);
  await page.getByLabel('Finance').check();
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 10_000 });
  await page.getByTestId('add-skills').click();
  await page.locator('select[name="skill-0"]').selectOption('tresorerie');
  await page.getByTestId('add-skills').click();
  await page.locator('select[name="skill-1"]').selectOption('controle-gestion');
  await page.locator('#champ-phone').fill('06 98 76 54 32');
  const asked = [];
  page.on('dialog', async (dialog) => { asked.push(dialog.type()); await dialog.accept(); });
  await page.goto(`${BASE_URL}/experts`);
  assert.deepEqual(asked, ['beforeunload'], 'the browser asked before leaving unsaved changes');
  draft = await storedDraft(context, (d) => d.skills.length === 2 && d.phone !== '');
  assert.deepEqual(draft.skills.map((s) => s.slug), ['tresorerie', 'controle-gestion']);
  assert.equal(draft.phone, '06 98 76 54 32');

  // Saved, nothing is asked.
  await page.goto(`${BASE_URL}/profil`);
  await waitForHydration(page);
  await page.goto(`${BASE_URL}/experts`);
  assert.deepEqual(asked, ['beforeunload']);
  await context.close();
});

journey('the gauge reaches 100 % on a complete valid dossier and names what keeps it under', async () => {
  const { context, page } = await expertInEditor('jauge');
  const issued = new Date(Date.now() - 5 * 86400_000).toISOString().slice(0, 10);
  const draft = {
    first_name: 'Eulalie', last_name: 'Complète', departement: '69', years_experience: '12',
    domains: ['finance'], languages: [{ code: 'fr', level: 'Native' }], education: 'Master CCA',
    phone: '06 12 34 56 78', postal_address: '12 avenue des Frères-Lumière, 69008 Lyon',
    legal_form: 'SASU', siret: '732 829 320 00074', vat_number: 'FR44732829320', daily_rate: '650',
    available_from: new Date().toISOString().slice(0, 10), remote_ok: true,
    skills: [{ slug: 'tresorerie', years: '5' }],
    experiences: [{ title: 'DAF de transition', sector: 'Industrie', started_on: '2020-01-01', ended_on: '', description: 'Clôtures' }],
    references: [{ name: 'Nora Durand', company: 'Acme', contact: 'nora@acme.fr' }],
    attestation_issued_on: issued,
  };
  const saved = await context.request.post(`${BASE_URL}/api/profile_save`, { data: { draft }, headers });
  assert.equal(saved.status(), 200, await saved.text());
  for (const [slot, name, mimeType, buffer] of [['photo', 'portrait.png', 'image/png', png(96)],
    ['cv', 'cv.pdf', 'application/pdf', PDF], ['attestation', 'attestation.pdf', 'application/pdf', PDF]]) {
    const res = await context.request.post(`${BASE_URL}/api/profile_upload_${slot}`,
      { multipart: { file: { name, mimeType, buffer } }, headers });
    assert.equal(res.status(), 200, `${slot}: ${await res.text()}`);
  }
  await page.reload();
  await waitForHydration(page);
  assert.equal(await page.getByTestId('completeness').textContent(), '100 %');
  assert.match(await page.getByTestId('gaps').textContent(), /rien ne manque/);

  // An invalid value does not count, and the list says which field to correct.
  await page.locator('#champ-phone').fill('06 12');
  await page.getByTestId('gaps').locator('summary').click();
  const gap = page.getByTestId('gaps').locator('li[data-field="phone"]');
  await gap.waitFor();
  assert.match(await gap.textContent(), /à corriger/);
  assert.notEqual(await page.getByTestId('completeness').textContent(), '100 %');
  // The item leads to the field.
  await gap.getByRole('link').click();
  assert.equal(await page.evaluate(() => location.hash), '#champ-phone');
  await context.close();
});
