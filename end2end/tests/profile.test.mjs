// The expert's journey: editor with live preview and autosave, uploads (a renamed .exe is
// refused), submission, a change requested by an admin, validation, the public card in
// the directory, and a client who was not proposed the profile refused the CV.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import {
  BASE_URL, PASSWORD, PDF, journey, png, signIn, useBrowserAndDb, waitForHydration,
} from './support.mjs';

const shared = useBrowserAndDb();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'b2bizen-e2e-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function file(name, bytes) {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, bytes);
  return p;
}

const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode')]);

async function lastMailLink(email) {
  const { rows } = await shared.db.query(
    'SELECT body_text FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1', [email]);
  return rows[0].body_text.match(/https?:\/\/\S+jeton=[0-9a-f]+/)[0];
}

/** Signs up through the API as a browser would, confirms the address, signs in. */
async function newAccount(context, endpoint, form, email) {
  const res = await context.request.post(`${BASE_URL}/api/${endpoint}`, {
    form, headers: { origin: BASE_URL },
  });
  assert.equal(res.status(), 200, await res.text());
  const token = (await lastMailLink(email)).split('jeton=')[1];
  const verify = await context.request.post(`${BASE_URL}/api/auth_verify_email`, {
    form: { token }, headers: { origin: BASE_URL },
  });
  assert.equal(verify.status(), 200);
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  return page;
}

async function decide(admin, name, decision, message) {
  await admin.goto(`${BASE_URL}/admin/revues`);
  await waitForHydration(admin);
  await admin.getByTestId('review-queue').getByRole('link', { name }).first().click();
  await admin.getByTestId('decision-form').waitFor();
  assert.match(await admin.getByTestId('dossier').textContent(), /Zyxwvutsrq/, 'admin sees the full dossier');
  await admin.getByLabel(decision).check();
  await admin.locator('#decision-message').fill(message);
  await admin.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await admin.getByText('Décision enregistrée').waitFor();
}

journey('an expert fills the editor, is reviewed twice, and is published with only the public card shown', async () => {
  const stamp = Date.now() % 1_000_000;
  const firstName = `Ysaline${stamp}`;
  const email = `ysaline.${stamp}@exemple.fr`;
  const expertContext = await shared.browser.newContext();
  const page = await newAccount(expertContext, 'auth_sign_up_provider', {
    kind: 'expert', first_name: 'Ysa', last_name: 'Zyxwvutsrq', email, password: PASSWORD,
  }, email);

  await page.getByTestId('nav-profile').click();
  await page.getByTestId('profile-editor').waitFor();
  await waitForHydration(page);
  const preview = page.getByTestId('preview');
  // Who sees what: every field says it.
  assert.ok(await page.getByTestId('visibility').count() >= 20);
  const before = Number((await page.getByTestId('completeness').textContent()).replace(/\D/g, ''));

  // The preview follows the typing, without a reload or a round trip.
  await page.locator('#champ-first_name').fill(firstName);
  await preview.getByTestId('card-name').filter({ hasText: firstName }).waitFor();
  await page.locator('#champ-departement').selectOption('69');
  await page.locator('#champ-years_experience').fill('16');
  await preview.getByText('Expert').first().waitFor();
  await page.getByLabel('Finance').check();
  await preview.getByText('Finance').waitFor();
  await page.getByTestId('add-languages').click();
  await page.locator('select[name="language-0"]').selectOption('fr');
  await page.locator('select[name="language-level-0"]').selectOption('Native');
  await page.getByTestId('add-skills').click();
  await page.locator('select[name="skill-0"]').selectOption('tresorerie');
  await page.locator('input[name="skill-years-0"]').fill('9');
  await page.locator('#champ-phone').fill('06 12');
  await page.getByText('Numéro de téléphone invalide').waitFor();
  await page.locator('#champ-phone').fill('06 98 76 54 32');
  // Saves never overtake each other: the first is held back on its way to the server,
  // the newer one waits for it instead of landing first and being overwritten.
  let inFlight = 0;
  let maxInFlight = 0;
  const isSave = (r) => r.url().endsWith('/api/profile_save');
  const started = (r) => { if (isSave(r)) maxInFlight = Math.max(maxInFlight, ++inFlight); };
  const ended = (r) => { if (isSave(r)) inFlight--; };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  let held = false;
  await page.route('**/api/profile_save', async (route) => {
    if (!held) {
      held = true;
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    await route.continue();
  });
  await page.locator('#champ-postal_address').fill('1 rue Ancienne, 69002 Lyon');
  await page.locator('[data-testid="save-status"][data-state="saving"]').waitFor();
  await page.locator('#champ-postal_address').fill('17 rue Secrète, 69002 Lyon');
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 10_000 });
  await page.unroute('**/api/profile_save');
  page.off('request', started);
  page.off('requestfinished', ended);
  page.off('requestfailed', ended);
  const stored = await (await page.request.get(`${BASE_URL}/api/profile_editor`)).json();
  assert.equal(stored.draft.postal_address, '17 rue Secrète, 69002 Lyon', 'the newest text is stored');
  assert.equal(maxInFlight, 1, 'one save at a time');
  await page.locator('#champ-legal_form').fill('SASU');
  await page.locator('#champ-siret').fill('732 829 320 00074');
  await page.locator('#champ-daily_rate').fill('987,65');
  const issued = new Date(Date.now() - 10 * 86400_000).toISOString().slice(0, 10);
  await page.locator('#champ-attestation_issued_on').fill(issued);

  // Seen as a proposed client: the private fields appear in the preview.
  await preview.getByLabel('Client à qui le profil est proposé').check();
  await preview.getByTestId('dossier').getByText('06 98 76 54 32').waitFor();
  await preview.getByLabel('Visiteur anonyme').check();
  assert.ok(!(await preview.textContent()).includes('06 98 76 54 32'), 'anonymous preview shows no private field');

  // Uploads: content decides, not the name.
  await page.locator('#champ-attestation').setInputFiles(file('attestation.pdf', EXE));
  await page.getByTestId('error-attestation').filter({ hasText: "n'est pas un document PDF" }).waitFor();
  await page.locator('#champ-attestation').setInputFiles(file('attestation-urssaf.pdf', PDF));
  await page.getByTestId('current-attestation').waitFor();
  await page.locator('#champ-cv').setInputFiles(file('cv.pdf', PDF));
  await page.getByTestId('current-cv').waitFor();
  await page.locator('#champ-photo').setInputFiles(file('portrait.png', png(96)));
  await page.getByTestId('current-photo').waitFor();
  await preview.locator('img.avatar').waitFor();

  const after = Number((await page.getByTestId('completeness').textContent()).replace(/\D/g, ''));
  assert.ok(after > before, `completeness ${before} → ${after}`);
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  // Autosaved: a reload brings everything back.
  await page.reload();
  await waitForHydration(page);
  assert.equal(await page.locator('#champ-first_name').inputValue(), firstName);
  assert.equal(await page.locator('#champ-daily_rate').inputValue(), '987,65');

  await page.getByTestId('submit-profile').click();
  await page.getByText("Profil soumis").first().waitFor();

  // The admin asks for a change; the expert sees it, fixes it, resubmits.
  const adminContext = await shared.browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
  await decide(admin, 'Ysa', 'Modifications demandées', 'Ajoutez votre formation, merci.');
  const { rows: mails } = await shared.db.query(
    'SELECT subject FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1', [email]);
  assert.match(mails[0].subject, /modifications sont demandées/);

  await page.reload();
  await waitForHydration(page);
  await page.getByTestId('review-state').filter({ hasText: 'Ajoutez votre formation' }).waitFor();
  assert.match(await page.getByTestId('views').textContent(), /Administrateur B2BiZen/);
  // Dates read as French dates, never as ISO ones.
  for (const list of ['views', 'history']) {
    assert.doesNotMatch(await page.getByTestId(list).textContent(), /\d{4}-\d{2}-\d{2}/);
    assert.match(await page.getByTestId(list).textContent(), /\d{2}\/\d{2}\/\d{4}/);
  }
  await page.locator('#champ-education').fill('Master CCA, Université Lyon 3');
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  await page.getByTestId('submit-profile').click();
  await page.getByText('Profil soumis').first().waitFor();
  await decide(admin, 'Ysa', 'Validé', '');

  // An anonymous visitor finds the card by filters and sees only public fields.
  const visitor = await shared.browser.newPage();
  await visitor.goto(`${BASE_URL}/experts`);
  await waitForHydration(visitor);
  await visitor.getByLabel('Domaine').selectOption('finance');
  await visitor.getByLabel('Département').selectOption('69');
  await visitor.getByRole('button', { name: 'Filtrer' }).click();
  await visitor.waitForURL(/domaine=finance/);
  const card = visitor.getByTestId('expert-card').filter({ hasText: firstName });
  await card.waitFor();
  await card.locator('img.avatar').waitFor();
  const html = await visitor.content();
  // Distinctive values only: a short number like 777 also turns up inside random ids.
  for (const secret of ['Zyxwvutsrq', '06 98 76 54 32', '0698765432', 'Secrète', '73282932000074', '987,65', '987.65']) {
    assert.ok(!html.includes(secret), `directory shows ${secret}`);
  }
  const photo = await card.locator('img.avatar').getAttribute('src');
  assert.equal((await visitor.request.get(`${BASE_URL}${photo}`)).status(), 200, 'published photo is public');

  // A client who was not proposed this profile cannot fetch its CV by URL.
  const { rows } = await shared.db.query(
    `SELECT e.cv_key FROM experts e JOIN accounts a ON a.id = e.account_id WHERE a.email = $1`, [email]);
  const cvUrl = `${BASE_URL}/fichiers/${rows[0].cv_key}`;
  const clientEmail = `achats.${stamp}@acme.fr`;
  const clientContext = await shared.browser.newContext();
  await newAccount(clientContext, 'auth_sign_up_client', {
    company_name: 'Acme', siret: '732 829 320 00074', contact_first_name: 'Nora',
    contact_last_name: 'Durand', email: clientEmail, password: PASSWORD,
  }, clientEmail);
  assert.equal((await clientContext.request.get(cvUrl)).status(), 403);
  assert.equal((await visitor.request.get(cvUrl)).status(), 401);
  assert.equal((await expertContext.request.get(cvUrl)).status(), 200);

  await Promise.all([expertContext.close(), adminContext.close(), clientContext.close()]);
});
