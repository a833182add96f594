import assert from 'node:assert/strict';
import {
  BASE_URL, PASSWORD, journey, quickAccount, submitSignIn, useBrowserAndDb, waitForHydration,
} from './support.mjs';

const shared = useBrowserAndDb();

async function open(context, path) {
  const page = await context.newPage();
  await page.goto(`${BASE_URL}${path}`);
  await waitForHydration(page);
  return page;
}

/** Opens the mailed link, confirms the address, then signs in and lands on the account. */
async function confirmThenSignIn(page, link, email) {
  await page.goto(link);
  await waitForHydration(page);
  await page.getByTestId('confirm-email').click();
  await page.getByText('Adresse confirmée').waitFor();
  // The token is used up: no button is left to say so on a second click.
  assert.equal(await page.getByTestId('confirm-email').count(), 0);
  await submitSignIn(page, email, PASSWORD);
  await page.waitForURL(`${BASE_URL}/compte`);
}

async function signOut(page) {
  await page.getByTestId('sign-out').click();
  await page.getByRole('link', { name: 'Connexion' }).waitFor();
}

journey('sign-up flags an empty last name, shows the server\'s refusal at its field, and caps the inputs', async () => {
  const visitor = await shared.browser.newContext();
  const page = await open(visitor, '/inscription');
  const form = page.getByTestId('provider-sign-up');
  assert.equal(await form.getByLabel('Nom', { exact: true }).getAttribute('maxlength'), '80');
  assert.equal(await form.getByLabel('Adresse e-mail').getAttribute('maxlength'), '254');
  assert.equal(await form.getByLabel('Mot de passe').getAttribute('maxlength'), '128');
  await form.getByLabel('Prénom').fill('Camille');
  await form.getByLabel('Adresse e-mail').fill(`nom.vide.${Date.now()}@exemple.fr`);
  await form.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  // Left empty, the last name says so at the field, which has the focus.
  const lastName = form.locator('#champ-last_name');
  await form.locator('#champ-last_name-erreur').filter({ hasText: 'Ce champ est obligatoire' }).waitFor();
  assert.equal(await lastName.evaluate((el) => el === document.activeElement), true);

  // A refusal only the server makes (markup in a name) appears at its field, which gets
  // the focus back, not under the button.
  await lastName.fill('Martin <b>');
  await form.getByLabel('Adresse e-mail').focus();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await form.locator('#champ-last_name-erreur').filter({ hasText: /</ }).waitFor();
  assert.equal(await lastName.evaluate((el) => el === document.activeElement), true);
  assert.equal(await form.locator('.notice--error').count(), 0, 'the refusal is not repeated under the button');

  // The company form is its own address: it opens without JavaScript too.
  await page.getByTestId('sign-up-client-tab').click();
  await page.waitForURL(`${BASE_URL}/inscription?profil=entreprise`);
  await page.getByTestId('client-sign-up').waitFor();
  await visitor.close();
});

journey('a provider signs up, opens the link from the mail, signs in and out', async () => {
  const email = `expert.${Date.now()}@exemple.fr`;
  const visitor = await shared.browser.newContext();
  const page = await open(visitor, '/inscription');
  await page.getByLabel('Expert').check();
  await page.getByLabel('Prénom').fill('Camille');
  await page.getByLabel('Nom', { exact: true }).fill('Martin');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.getByText('Presque terminé').waitFor();

  // The admin (created by the command line) finds the mail in /admin/mailbox.
  const adminContext = await shared.browser.newContext();
  const admin = await adminContext.newPage();
  await submitSignIn(admin, process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
  await admin.waitForURL(`${BASE_URL}/compte`);
  await admin.getByRole('link', { name: 'Boîte mail' }).click();
  const mail = admin.getByTestId('mail').filter({ hasText: email });
  await mail.waitFor();
  assert.match(await mail.textContent(), /Confirmez votre adresse e-mail/);
  const link = await mail.getByTestId('mail-link').first().getAttribute('href');
  assert.ok(link.startsWith(`${BASE_URL}/verifier-email?jeton=`), link);

  // The provider opens the link, confirms, and signs in.
  await confirmThenSignIn(page, link, email);
  await page.getByTestId('email-status').filter({ hasText: 'Adresse e-mail confirmée' }).waitFor();
  assert.equal(await page.getByTestId('account-name').textContent(), 'Camille');
  assert.equal(await page.getByTestId('unread-badge').textContent(), '1');
  // The notification says when, in French, and where its link leads; marking all read
  // clears the badge at once, without a reload.
  await page.getByTestId('nav-notifications').click();
  const notice = page.getByTestId('notification').first();
  await notice.waitFor();
  await waitForHydration(page);
  const when = await notice.locator('time').textContent();
  assert.match(when, /^\d{2}\/\d{2}\/\d{4}$/, when);
  assert.equal(await notice.getByRole('link').filter({ hasText: /^→$/ }).count(), 0);
  assert.match(await notice.getByRole('link').textContent(), /^\p{L}+ \p{L}+/u);
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.getByTestId('mark-all-read').click();
  await page.getByTestId('unread-badge').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  // A provider does not see, and cannot read, the admin mailbox.
  assert.equal(await page.getByRole('link', { name: 'Boîte mail' }).count(), 0);
  await page.goto(`${BASE_URL}/admin/mailbox`);
  await page.getByText("Vous n'avez pas accès à cette ressource.").waitFor();
  assert.equal(await page.getByTestId('mail').count(), 0);

  await signOut(page);
  await page.goto(`${BASE_URL}/compte`);
  await page.getByText('Connectez-vous pour voir cette page.').waitFor();
  await visitor.close();
  await adminContext.close();
});

journey('a company signs up with inline SIRET validation, verifies, signs in and out', async () => {
  const email = `contact.${Date.now()}@durand.fr`;
  const context = await shared.browser.newContext();
  const page = await open(context, '/inscription');
  await page.getByRole('link', { name: 'Je représente une entreprise' }).click();
  await page.getByTestId('client-sign-up').waitFor();
  await page.getByLabel('Raison sociale').fill('Ateliers Durand');
  const siret = page.getByLabel('SIRET');
  await siret.fill('732 829 320 00075');
  await siret.blur();
  // Shown at once, by the same rule the server applies, without a round trip.
  await page.getByText("Ce numéro SIRET n'est pas valide").waitFor();
  await siret.fill('732 829 320 00074');
  await page.getByText("Ce numéro SIRET n'est pas valide").waitFor({ state: 'detached' });
  await page.getByLabel('Prénom du contact').fill('Nora');
  await page.getByLabel('Nom du contact', { exact: true }).fill('Durand');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.getByText('Presque terminé').waitFor();

  const { rows } = await shared.db.query('SELECT body_text FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1', [email]);
  const link = rows[0].body_text.match(/https?:\/\/\S+jeton=[0-9a-f]+/)[0];
  await confirmThenSignIn(page, link, email);
  assert.equal(await page.getByTestId('account-role').textContent(), "Entreprise (donneur d'ordre)");
  // The company's details are shown as such, and can be corrected.
  assert.equal(await page.getByTestId('account-name').textContent(), 'Ateliers Durand');
  const company = page.getByTestId('company-form');
  assert.equal(await company.getByLabel('Raison sociale').inputValue(), 'Ateliers Durand');
  await waitForHydration(page);
  await company.getByLabel('Prénom du contact').fill('Léa');
  await company.getByTestId('save-company').click();
  await page.getByText('Modifications enregistrées.').waitFor();
  await page.reload();
  assert.equal(await page.getByTestId('company-form').getByLabel('Prénom du contact').inputValue(), 'Léa');
  await signOut(page);
  await context.close();
});

journey('a wrong password shows the generic message and keeps what was typed', async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  // Not the admin's address: its attempts per address are counted, and others need them.
  await submitSignIn(page, 'quelquun@exemple.fr', 'ce nest pas le bon mot de passe');
  await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
  assert.equal(await page.getByLabel('Adresse e-mail').inputValue(), 'quelquun@exemple.fr');
  assert.equal(page.url(), `${BASE_URL}/connexion`);
  await context.close();
});

journey('without JavaScript a refused sign-in comes back to the form with its message', async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/connexion`);
  await page.getByLabel('Adresse e-mail').fill('personne.sans.compte@exemple.fr');
  await page.getByLabel('Mot de passe', { exact: true }).fill('une phrase de passe au hasard');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/connexion\?/);
  await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
  await context.close();
});

journey('without JavaScript, confirming an address lands on the confirmation, not on the used-up button', async () => {
  // Made in the database (sign-ups are counted per address), then unconfirmed: signed
  // in, it asks for a new link.
  const email = `sans.js.${Date.now()}@exemple.fr`;
  const password = await quickAccount(shared.db, 'provider', email, { first: 'Noé', last: 'Sansjs' });
  await shared.db.query('UPDATE accounts SET email_verified_at = NULL WHERE email = $1', [email]);
  const context = await shared.browser.newContext({ javaScriptEnabled: false });
  const headers = { origin: BASE_URL };
  const signedIn = await context.request.post(`${BASE_URL}/api/auth_sign_in`, { form: { email, password }, headers });
  assert.equal(signedIn.status(), 200);
  const resent = await context.request.post(`${BASE_URL}/api/auth_resend_verification`, { headers });
  assert.equal(resent.status(), 200);
  const { rows } = await shared.db.query(
    'SELECT body_text FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1', [email]);
  const token = rows[0].body_text.match(/jeton=([0-9a-f]+)/)[1];
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/verifier-email?jeton=${token}`);
  await page.getByTestId('confirm-email').click();
  await page.waitForURL(`${BASE_URL}/verifier-email?confirmee=1`);
  await page.getByTestId('email-confirmed').waitFor();
  assert.equal(await page.getByTestId('confirm-email').count(), 0);
  const { rows: verified } = await shared.db.query(
    'SELECT email_verified_at IS NOT NULL AS done FROM accounts WHERE email = $1', [email]);
  assert.equal(verified[0].done, true);
  await context.close();
});

journey('a burst of sign-in attempts is slowed down', async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/connexion`);
  await waitForHydration(page);
  const statuses = [];
  page.on('response', (r) => { if (r.url().includes('/api/auth_sign_in')) statuses.push(r.status()); });
  await page.getByLabel('Adresse e-mail').fill('rafale@exemple.fr');
  for (let i = 0; i < 6; i++) {
    await page.getByLabel('Mot de passe', { exact: true }).fill(`essai numéro ${i} au hasard`);
    const answered = page.waitForResponse((r) => r.url().includes('/api/auth_sign_in'));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await answered;
  }
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
  await page.getByText('Trop de tentatives').waitFor();
  await context.close();
});

journey('a cross-site form POST is refused', async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  // A page of another origin (about:blank) posting a form to B2BiZen.
  await page.setContent(`<form method="post" action="${BASE_URL}/api/auth_request_reset">
      <input name="email" value="victime@exemple.fr"><button>go</button></form>`);
  const response = page.waitForResponse((r) => r.url().includes('/api/auth_request_reset'));
  await page.click('button');
  assert.equal((await response).status(), 403);
  const { rows } = await shared.db.query("SELECT count(*)::int AS n FROM outbox WHERE recipient = 'victime@exemple.fr'");
  assert.equal(rows[0].n, 0);
  await context.close();
});

journey('an admin disables an account from the accounts screen and enables it again', async () => {
  const email = `a.fermer.${Date.now() % 1_000_000}@exemple.fr`;
  await shared.db.query(
    `INSERT INTO accounts (email, password_hash, role, display_name, email_verified_at)
     VALUES ($1, 'inutilisable', 'client', 'Compte à fermer', now())`, [email]);
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  await submitSignIn(page, process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
  await page.waitForURL(`${BASE_URL}/compte`);
  await page.getByTestId('nav-accounts').click();
  await page.getByLabel('E-mail ou nom').fill(email);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.waitForURL(/\/admin\/comptes\?q=/);
  const row = page.locator(`[data-testid="account-row"][data-email="${email}"]`);
  // The list is replaced once the search answers (the previous one stays until then).
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="account-row"]').length === 1);
  await row.getByTestId('account-state').filter({ hasText: 'Actif' }).waitFor();
  await waitForHydration(page);

  await row.getByTestId('toggle-account').click();
  await row.getByTestId('account-state').filter({ hasText: 'Désactivé' }).waitFor();
  const { rows } = await shared.db.query('SELECT disabled_at IS NOT NULL AS off FROM accounts WHERE email = $1', [email]);
  assert.equal(rows[0].off, true);
  await row.getByTestId('toggle-account').filter({ hasText: 'Réactiver' }).click();
  await row.getByTestId('account-state').filter({ hasText: 'Actif' }).waitFor();

  // The admin's own row offers no way to lock themselves out.
  await page.goto(`${BASE_URL}/admin/comptes?q=${encodeURIComponent(process.env.ADMIN_EMAIL)}`);
  const own = page.locator(`[data-testid="account-row"][data-email="${process.env.ADMIN_EMAIL}"]`);
  await own.getByTestId('own-account').waitFor();
  assert.equal(await own.getByTestId('toggle-account').count(), 0);
  await context.close();
});
