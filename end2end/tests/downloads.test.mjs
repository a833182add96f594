// What a browser downloads: the public pages hydrate from the first bundle alone; the
// sign-in form, the profile editor and the project wizard fetch their own code the
// first time they are opened. The files each public page loaded are written to
// target/front-downloads.json, which scripts/front-budget weighs in the release build.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  BASE_URL, PASSWORD, journey, signIn, useBrowserAndDb, verifiedAccount, waitForHydration,
} from './support.mjs';

const shared = useBrowserAndDb();
const REPORT = path.resolve(process.cwd(), '..', 'target', 'front-downloads.json');

/** Every file of the front end a page fetches, by its name without the content hash. */
function recordFrontEnd(page) {
  const files = [];
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    const name = pathname.match(/^\/pkg\/(.+\.(?:wasm|js))$/)?.[1];
    if (name) files.push(name.replace(/\.[A-Za-z0-9_-]{22}(\.(?:wasm|js))$/, '$1'));
  });
  return files;
}

/** The code of lazy pages (src/ui/routes.rs), or a chunk shared by several of them. */
const pageCode = (file) => file.startsWith('split_') || file.startsWith('chunk_');
const codeOf = (files, chunk) => files.filter((f) => f.startsWith(`split_${chunk}_`));

async function publishedExpert() {
  const { rows } = await shared.db.query(
    `INSERT INTO experts (first_name, departement_code, status, published_at, years_experience,
         attestation_issued_on)
     VALUES ('Maëlle', '35', 'published', now(), 12, current_date - 10) RETURNING id`);
  await shared.db.query(
    `INSERT INTO expert_domains SELECT $1, id FROM domains WHERE slug = 'rse'`, [rows[0].id]);
  return rows[0].id;
}

/** Opens a page in a browser with nothing cached, until hydrated and idle. */
async function visit(address) {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  const files = recordFrontEnd(page);
  await page.goto(`${BASE_URL}${address}`);
  await waitForHydration(page);
  await page.waitForLoadState('networkidle');
  return { context, page, files };
}

journey('the public pages load the first bundle only; forms, editor and wizard fetch their code when opened', async () => {
  const card = await publishedExpert();
  const publicPages = { home: '/', directory: '/experts', card: `/experts/${card}` };
  const report = {};
  for (const [name, address] of Object.entries(publicPages)) {
    const { context, page, files } = await visit(address);
    assert.ok(files.includes('b2bizen.wasm') && files.includes('b2bizen.js'), `${name}: ${files}`);
    assert.deepEqual(files.filter(pageCode), [], `${name} fetched the code of other pages`);
    const preloaded = await page.locator('link[rel="preload"], link[rel="modulepreload"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    assert.ok(!preloaded.some((href) => /\/(split|chunk)_/.test(href)), `${name} preloads ${preloaded}`);
    report[name] = [...new Set(files)].sort();
    if (name === 'directory') {
      // Client-side navigation: the sign-in form's code comes with the click, not before.
      await page.locator('header').getByRole('link', { name: 'Connexion' }).click();
      await page.waitForURL(`${BASE_URL}/connexion`);
      await page.getByTestId('sign-in').waitFor();
      assert.equal(codeOf(files, 'auth_forms').length, 1, `after the click: ${files}`);
    }
    await context.close();
  }
  fs.writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);

  const stamp = Date.now() % 1_000_000;
  const setup = await shared.browser.newContext();
  const expertEmail = `poids.expert.${stamp}@exemple.fr`;
  await verifiedAccount(shared.db, setup.request, 'auth_sign_up_provider', {
    kind: 'expert', first_name: 'Léon', last_name: `Poids${stamp}`, email: expertEmail, password: PASSWORD,
  }, expertEmail);
  const clientEmail = `poids.client.${stamp}@acme.fr`;
  await verifiedAccount(shared.db, setup.request, 'auth_sign_up_client', {
    company_name: `Poids ${stamp}`, siret: '732 829 320 00074', contact_first_name: 'Inès',
    contact_last_name: 'Poids', email: clientEmail, password: PASSWORD,
  }, clientEmail);
  await setup.close();

  // The editor: its code arrives when the expert opens it, and it hydrates.
  const expert = await (await shared.browser.newContext()).newPage();
  const expertFiles = recordFrontEnd(expert);
  await signIn(expert, expertEmail);
  // A page the server renders preloads its own chunk.
  await expert.goto(`${BASE_URL}/compte`);
  await waitForHydration(expert);
  assert.equal(await expert.locator('link[rel="preload"][href*="/split_account_screens_"]').count(), 1);
  assert.deepEqual(codeOf(expertFiles, 'profile_editor'), [], 'the editor came before it was opened');
  await expert.getByTestId('nav-profile').click();
  await expert.waitForURL(`${BASE_URL}/profil`);
  await expert.locator('#champ-first_name').fill('Léonie');
  await expert.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  assert.equal(codeOf(expertFiles, 'profile_editor').length, 1, `${expertFiles}`);

  // The wizard, opened directly: the page waits for its code before it hydrates.
  const client = await (await shared.browser.newContext()).newPage();
  const clientFiles = recordFrontEnd(client);
  await signIn(client, clientEmail);
  assert.deepEqual(codeOf(clientFiles, 'project_wizard'), [], 'the wizard came before it was opened');
  await client.goto(`${BASE_URL}/mes-projets/nouveau`);
  await waitForHydration(client);
  await client.getByTestId('wizard').waitFor();
  // Hydrated: the wizard's own check answers the click.
  await client.getByTestId('wizard-next').click();
  await client.getByText('Un titre de 3 à 200 caractères.').waitFor();
  assert.equal(codeOf(clientFiles, 'project_wizard').length, 1, `${clientFiles}`);
});
