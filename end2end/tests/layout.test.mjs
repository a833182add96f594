// Every page on a phone (390×844): nothing scrolls sideways and the header stays within
// 64 px, signed out and as each role; the menu opens without JavaScript. The accounts and
// the records behind the pages with an id are made through the server functions.
import assert from 'node:assert/strict';
import {
  BASE_URL, PDF, journey, layoutFaults, quickAccount, signIn, useBrowserAndDb, waitForHydration,
} from './support.mjs';

const shared = useBrowserAndDb();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const headers = { origin: BASE_URL };

/** An address that leads nowhere: its page must fit too. */
const MISSING = '/page-inexistante';

async function checkPages(page, paths, { js = true } = {}) {
  const faults = [];
  for (const path of paths) {
    const response = await page.goto(`${BASE_URL}${path}`);
    const expected = path === MISSING ? 404 : 200;
    assert.equal(response.status(), expected, path);
    if (js) await waitForHydration(page);
    for (const fault of await layoutFaults(page)) faults.push(`${path}: ${fault}`);
  }
  assert.deepEqual(faults, []);
}

function stamp() {
  return `${Date.now() % 1_000_000}${Math.floor(Math.random() * 100)}`;
}

/** An expert with a complete dossier, submitted for review. */
async function submittedExpert(context, id) {
  const email = `mise.en.page.${id}@exemple.fr`;
  const password = await quickAccount(shared.db, 'provider', email,
    { first: 'Maëlys', last: `Longuenomdefamille${id}` });
  const page = await context.newPage();
  await signIn(page, email, password);
  const draft = {
    first_name: 'Maëlys', last_name: `Longuenomdefamille${id}`, departement: '69',
    years_experience: '12', domains: ['finance'], languages: [{ code: 'fr', level: 'Native' }],
    education: 'Master CCA', phone: '06 12 34 56 78',
    postal_address: '12 avenue des Frères-Lumière, 69008 Lyon', legal_form: 'SASU',
    siret: '732 829 320 00074', daily_rate: '650', remote_ok: true,
    skills: [{ slug: 'tresorerie', years: '5' }],
    attestation_issued_on: new Date(Date.now() - 5 * 86400_000).toISOString().slice(0, 10),
  };
  const saved = await context.request.post(`${BASE_URL}/api/profile_save`, { data: { draft }, headers });
  assert.equal(saved.status(), 200, await saved.text());
  const uploaded = await context.request.post(`${BASE_URL}/api/profile_upload_attestation`, {
    multipart: { file: { name: 'attestation.pdf', mimeType: 'application/pdf', buffer: PDF } }, headers,
  });
  assert.equal(uploaded.status(), 200, await uploaded.text());
  return { page, email };
}

/** A client with a submitted project and a draft left at the second step. */
async function clientWithProject(context, id) {
  const email = `achats.mise.en.page.${id}@acme.fr`;
  const password = await quickAccount(shared.db, 'client', email,
    { first: 'Nora', last: 'Durand', company: `Société Anonyme des Établissements ${id}` });
  const page = await context.newPage();
  await signIn(page, email, password);
  const draft = {
    title: `Refonte du contrôle de gestion ${id}`, description: 'Mettre en place un reporting mensuel.',
    domain: 'finance', required_skills: ['tresorerie'], places: '69', remote: false,
    start_date: new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10),
    duration_days: '20', budget: '16000', contact_formats: ['video'],
  };
  const projectDraft = crypto.randomUUID();
  const save = await context.request.post(`${BASE_URL}/api/project_save_draft`,
    { data: { id: projectDraft, step: 5, draft }, headers });
  assert.equal(save.status(), 200, await save.text());
  const submit = await context.request.post(`${BASE_URL}/api/project_submit`, { form: { id: projectDraft }, headers });
  assert.equal(submit.status(), 200, await submit.text());
  const projectId = JSON.parse(await submit.text());
  const left = await context.request.post(`${BASE_URL}/api/project_save_draft`,
    { data: { id: crypto.randomUUID(), step: 1, draft: { title: `Brouillon ${id}` } }, headers });
  assert.equal(left.status(), 200, await left.text());
  return { page, projectId };
}

journey('every page fits a phone, signed out and as each role, with a header of at most 64 px', async () => {
  const id = stamp();
  const visitor = await shared.browser.newContext(PHONE);
  const expertContext = await shared.browser.newContext(PHONE);
  const clientContext = await shared.browser.newContext(PHONE);
  const adminContext = await shared.browser.newContext(PHONE);
  const { page: expert } = await submittedExpert(expertContext, id);
  const submitted = await expertContext.request.post(`${BASE_URL}/api/profile_submit`, { headers });
  assert.equal(submitted.status(), 200, await submitted.text());
  const { page: client, projectId } = await clientWithProject(clientContext, id);
  const { rows: [published] } = await shared.db.query(
    `INSERT INTO experts (first_name, departement_code, status, published_at, attestation_issued_on)
     VALUES ('Anne-Charlotte', '2A', 'published', now(), current_date - 10) RETURNING id`);
  const { rows: [submission] } = await shared.db.query(
    `SELECT s.id FROM profile_submissions s JOIN accounts a ON a.id = s.account_id
     WHERE a.email = $1`, [`mise.en.page.${id}@exemple.fr`]);

  const page = await visitor.newPage();
  const publicPages = ['/', '/experts', `/experts/${published.id}`, '/inscription',
    '/inscription?profil=entreprise', '/connexion', '/mot-de-passe-oublie',
    '/reinitialiser-mot-de-passe?jeton=0', '/verifier-email?jeton=0', '/verifier',
    `/verifier?empreinte=${'0'.repeat(64)}`, MISSING];
  await checkPages(page, publicPages);

  await checkPages(expert, ['/', '/compte', '/notifications', '/profil', '/projets', '/mes-propositions', '/experts']);
  await checkPages(client, ['/', '/compte', '/notifications', '/mes-projets', '/mes-projets/nouveau',
    `/mes-projets/${projectId}`]);

  const admin = await adminContext.newPage();
  await signIn(admin, process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
  await checkPages(admin, ['/compte', '/notifications', '/admin/revues', `/admin/revues/${submission.id}`,
    '/admin/referentiel', '/admin/comptes', '/admin/projets', `/admin/projets/${projectId}`,
    '/admin/style', '/admin/mailbox']);

  // The menu: closed, it leaves the header small; open, it shows the role's links.
  await admin.goto(`${BASE_URL}/admin/projets`);
  await waitForHydration(admin);
  const reviews = admin.getByTestId('nav-reviews');
  assert.equal(await reviews.isVisible(), false, 'the menu starts closed');
  await admin.getByTestId('menu-button').click();
  await reviews.click();
  await admin.waitForURL(`${BASE_URL}/admin/revues`);
  assert.equal(await reviews.isVisible(), false, 'following a link closes the menu');
  await Promise.all([visitor.close(), expertContext.close(), clientContext.close(), adminContext.close()]);
});

journey('without JavaScript the phone menu opens and the public pages fit', async () => {
  const context = await shared.browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await checkPages(page, ['/', '/experts', '/inscription', '/connexion'], { js: false });
  await page.goto(BASE_URL);
  const signUp = page.getByTestId('site-header').getByRole('link', { name: 'Connexion' });
  assert.equal(await signUp.isVisible(), false);
  await page.getByTestId('menu-button').click();
  await signUp.click();
  await page.waitForURL(`${BASE_URL}/connexion`);
  await context.close();
});
