import assert from 'node:assert/strict';
import {
  BASE_URL, journey, quickAccount, submitSignIn, useBrowserAndDb, waitForHydration,
} from './support.mjs';

const shared = useBrowserAndDb();

/** A client made in the database, signed in in a new context (with or without JS). */
async function clientPage(stamp, javaScriptEnabled = true) {
  const email = `vie.projet.${stamp}.${javaScriptEnabled ? 'js' : 'nojs'}@acme.fr`;
  const password = await quickAccount(shared.db, 'client', email, { company: `Vie ${stamp}` });
  const context = await shared.browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const signedIn = await context.request.post(`${BASE_URL}/api/auth_sign_in`, {
    form: { email, password }, headers: { origin: BASE_URL },
  });
  assert.equal(signedIn.status(), 200);
  return { context, page };
}

/** Publishes a project through the server functions the wizard calls; returns its id. */
async function publishedProject(request, title) {
  const headers = { origin: BASE_URL };
  const wizard = await (await request.get(`${BASE_URL}/api/project_wizard`)).json();
  const start = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  const draft = {
    title, description: 'Revoir nos prévisions de trésorerie et le reporting mensuel.',
    domain: 'finance', required_skills: ['tresorerie'], optional_skills: [], level: '',
    languages: [], remote: true, places: '', start_date: start, duration_days: '20',
    budget_mode: 'global', budget: '16000', daily_rate: '', days: '',
    contact_formats: ['video'], confidential: false,
  };
  const saved = await request.post(`${BASE_URL}/api/project_save_draft`, {
    data: { id: wizard.id, step: 5, draft }, headers,
  });
  assert.equal(saved.status(), 200, await saved.text());
  const submitted = await request.post(`${BASE_URL}/api/project_submit`, { form: { id: wizard.id }, headers });
  assert.equal(submitted.status(), 200, await submitted.text());
  return submitted.json();
}

journey('a client edits an open project through the wizard, then cancels it with a reason', async () => {
  const stamp = Date.now() % 1_000_000;
  const { context, page } = await clientPage(stamp);
  const title = `Trésorerie vivante ${stamp}`;
  const id = await publishedProject(context.request, title);
  await page.goto(`${BASE_URL}/mes-projets/${id}`);
  await waitForHydration(page);
  await page.getByTestId('edit-project').click();
  // The wizard opens at the recap with the project's answers, as an edit.
  await page.getByRole('heading', { name: 'Modifier le projet' }).waitFor();
  await page.getByTestId('wizard-review').filter({ hasText: title }).waitFor();
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Précédent' }).click();
  await page.locator('#projet-title').fill(`${title} (groupe)`);
  for (let i = 0; i < 5; i++) await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-submit').filter({ hasText: 'Enregistrer les modifications' }).click();
  await page.waitForURL(`${BASE_URL}/mes-projets/${id}`);
  await page.getByRole('heading', { name: `${title} (groupe)` }).waitFor();
  assert.equal(await page.getByTestId('project-status').textContent(), 'Ouvert');
  const { rows } = await shared.db.query(
    'SELECT count(*)::int AS n FROM projects WHERE client_account_id = (SELECT client_account_id FROM projects WHERE id = $1)', [id]);
  assert.equal(rows[0].n, 1, 'an edit is no new project');

  // Ended with a reason, the project says how and offers nothing more.
  await page.getByTestId('end-project').locator('summary').click();
  await page.getByLabel(/Projet reporté/).check();
  await page.getByLabel('Commentaire (facultatif)').fill('Reprise au printemps');
  await page.getByTestId('confirm-end').click();
  await page.getByTestId('project-ended').filter({ hasText: 'Projet reporté' }).waitFor();
  assert.equal(await page.getByTestId('project-status').textContent(), 'Annulé');
  assert.equal(await page.getByTestId('project-actions').count(), 0);
  await context.close();
});

journey('without JavaScript a client closes a project from its page', async () => {
  const stamp = Date.now() % 1_000_000;
  const { context, page } = await clientPage(stamp, false);
  const id = await publishedProject(context.request, `Sans script ${stamp}`);
  await page.goto(`${BASE_URL}/mes-projets/${id}`);
  await page.getByTestId('end-project').locator('summary').click();
  await page.getByLabel(/Pris en charge par notre équipe/).check();
  await page.getByTestId('confirm-end').click();
  // The form's answer sends the browser back to the page it came from.
  await page.waitForURL(new RegExp(`/mes-projets/${id}\\??$`));
  await page.getByTestId('project-ended').waitFor();
  assert.equal(await page.getByTestId('project-status').textContent(), 'Clos');
  await context.close();
});

journey('an admin hides a skill: the wizard no longer offers it', async () => {
  const stamp = Date.now() % 1_000_000;
  const skill = `Compétence éphémère ${stamp}`;
  const adminContext = await shared.browser.newContext();
  const admin = await adminContext.newPage();
  await submitSignIn(admin, process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
  await admin.waitForURL(`${BASE_URL}/compte`);
  await admin.goto(`${BASE_URL}/admin/referentiel`);
  await waitForHydration(admin);
  const finance = admin.getByTestId('domain-finance');
  const addSkill = finance.locator('form').filter({ has: admin.getByLabel('Compétence (français)') });
  await addSkill.getByLabel('Compétence (français)').fill(skill);
  await addSkill.getByLabel('En anglais').fill(`Ephemeral skill ${stamp}`);
  await addSkill.getByRole('button', { name: 'Ajouter la compétence' }).click();
  const item = finance.locator('.skill-item').filter({ hasText: skill });
  await item.waitFor();
  await item.getByRole('button', { name: 'Masquer' }).click();
  await item.filter({ hasText: 'masquée' }).waitFor();

  const { context, page } = await clientPage(stamp);
  await page.goto(`${BASE_URL}/mes-projets/nouveau?fresh=true`);
  await waitForHydration(page);
  await page.locator('#projet-title').fill(`Compétences ${stamp}`);
  await page.locator('#projet-description').fill('Vérifier ce que le formulaire propose dans ce domaine.');
  await page.locator('#projet-domain').selectOption('finance');
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('checks-required').getByLabel('Trésorerie').waitFor();
  assert.equal(await page.getByTestId('checks-required').getByText(skill).count(), 0);
  await context.close();
  await adminContext.close();
});
