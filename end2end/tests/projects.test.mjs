// The project journey: a client writes a project in the wizard, leaves midway and
// resumes on another device, submits; matching experts are mailed; one applies; the
// admin ranks the candidates (explained) and proposes three; the client sees those three
// dossiers in full and nothing private of the fourth.
import assert from 'node:assert/strict';
import {
  BASE_URL, PASSWORD, journey, signIn, useBrowserAndDb, verifiedAccount, waitForHydration,
} from './support.mjs';

const shared = useBrowserAndDb();

const account = (request, endpoint, form, email) =>
  verifiedAccount(shared.db, request, endpoint, form, email);

/** A published expert in Lyon (finance, treasury, English C1) with a unique last name.
 *  Only the first signs up through the site (it signs in later); the others are made in
 *  the database, which spares the sign-ups allowed per address and hour. */
async function publishedExpert(request, stamp, i) {
  const email = `expert${i}.${stamp}@exemple.fr`;
  const lastName = `Privénom${i}x${stamp}`;
  if (i === 0) {
    await account(request, 'auth_sign_up_provider',
      { kind: 'expert', first_name: `Expert${i}`, last_name: lastName, email, password: PASSWORD }, email);
  } else {
    await shared.db.query(
      `WITH a AS (INSERT INTO accounts (email, password_hash, role, display_name, email_verified_at)
                  VALUES ($1, 'inutilisable', 'provider', $2, now()) RETURNING id)
       INSERT INTO providers (account_id, kind, first_name, last_name)
       SELECT id, 'expert', $2, $3 FROM a`, [email, `Expert${i}`, lastName]);
  }
  const { rows } = await shared.db.query(
    `INSERT INTO experts (account_id, first_name, last_name, email, departement_code, status, published_at,
        years_experience, daily_rate, available_from, attestation_issued_on, phone)
     SELECT id, $2, $3, $1, '69', 'published', now(), 10 + $4, 650 + 20 * $4, current_date,
            current_date - 10, '06 11 22 33 4' || $4 FROM accounts WHERE email = $1
     RETURNING id`, [email, `Expert${i}`, lastName, i]);
  const id = rows[0].id;
  await shared.db.query(`INSERT INTO expert_domains SELECT $1, id FROM domains WHERE slug = 'finance'`, [id]);
  await shared.db.query(`INSERT INTO expert_skills SELECT $1, id, 6 FROM skills WHERE slug IN ('tresorerie', 'controle-gestion')`, [id]);
  await shared.db.query(`INSERT INTO expert_languages VALUES ($1, 'fr', 'Native'), ($1, 'en', 'C1')`, [id]);
  await shared.db.query(`SELECT pg_notify('experts_changed', $1::text)`, [id]);
  return { id, email, lastName };
}

/** A demonstration profile (no account behind it) that matches the project too. */
async function demoExpert(stamp) {
  const { rows: [{ id }] } = await shared.db.query(
    `INSERT INTO experts (first_name, last_name, departement_code, status, published_at, years_experience,
        daily_rate, available_from, attestation_issued_on, is_demo)
     VALUES ('Démo', $1, '69', 'published', now(), 12, 640, current_date, current_date - 10, true) RETURNING id`,
    [`Démonstration${stamp}`]);
  await shared.db.query(`INSERT INTO expert_domains SELECT $1, id FROM domains WHERE slug = 'finance'`, [id]);
  await shared.db.query(`INSERT INTO expert_skills SELECT $1, id, 6 FROM skills WHERE slug IN ('tresorerie', 'controle-gestion')`, [id]);
  await shared.db.query(`INSERT INTO expert_languages VALUES ($1, 'fr', 'Native')`, [id]);
  await shared.db.query(`SELECT pg_notify('experts_changed', $1::text)`, [id]);
  return id;
}

journey('a project goes from the wizard to three proposed dossiers', async () => {
  const stamp = Date.now() % 1_000_000;
  const setup = await shared.browser.newContext();
  const experts = [];
  for (let i = 0; i < 4; i++) experts.push(await publishedExpert(setup.request, stamp, i));
  const demo = await demoExpert(stamp);
  const clientEmail = `achats.${stamp}@acme.fr`;
  await account(setup.request, 'auth_sign_up_client', {
    company_name: `Acme ${stamp}`, siret: '732 829 320 00074', contact_first_name: 'Nora',
    contact_last_name: 'Durand', email: clientEmail, password: PASSWORD,
  }, clientEmail);

  // First device: two steps, then the client leaves.
  const laptop = await shared.browser.newContext();
  let page = await laptop.newPage();
  await signIn(page, clientEmail);
  await page.getByTestId('nav-my-projects').click();
  await page.getByTestId('new-project').click();
  await page.getByTestId('wizard').waitFor();
  await waitForHydration(page);
  const title = `Trésorerie ${stamp}`;
  await page.getByTestId('wizard-next').click();
  await page.getByText('Un titre de 3 à 200 caractères.').waitFor();
  await page.locator('#projet-title').fill(title);
  await page.locator('#projet-description').fill('Revoir nos prévisions de trésorerie et le reporting mensuel.');
  await page.locator('#projet-domain').selectOption('finance');
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('checks-required').getByLabel('Trésorerie').check();
  await page.getByTestId('checks-optional').getByLabel('Contrôle de gestion').check();
  await page.getByTestId('wizard-next').click();
  await page.locator('#projet-places').waitFor();
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  await laptop.close();

  // Second device: the wizard resumes at the third step.
  const phone = await shared.browser.newContext();
  page = await phone.newPage();
  await signIn(page, clientEmail);
  // "Mes projets" lists the draft at the step it reached, and resumes it there.
  await page.getByTestId('nav-my-projects').click();
  const draft = page.getByTestId('draft').filter({ hasText: title });
  await draft.waitFor();
  assert.match(await draft.textContent(), /Étape 3 sur 6 : Lieu et dates/);
  await waitForHydration(page);
  await draft.getByTestId('resume').click();
  await page.locator('#projet-places').waitFor();
  assert.match(await page.getByTestId('wizard-steps').locator('[aria-current="step"]').textContent(), /Lieu et dates/);
  await page.locator('#projet-places').fill('69');
  const start = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  await page.locator('#projet-start_date').fill(start);
  await page.locator('#projet-duration_days').fill('20');
  await page.getByTestId('wizard-next').click();
  await page.locator('#projet-budget').fill('16000');
  await page.getByTestId('budget-total').filter({ hasText: '800 € HT' }).waitFor();
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('checks-formats').getByLabel('Visioconférence').check();
  await page.getByTestId('wizard-next').click();
  const review = page.getByTestId('wizard-review');
  await review.waitFor();
  const summary = await review.textContent();
  for (const shown of [title, 'Revoir nos prévisions', 'Contrôle de gestion', '16\u202F000 € HT',
    'Visioconférence', 'tous niveaux']) {
    assert.ok(summary.includes(shown), `the summary lacks « ${shown} »: ${summary}`);
  }
  await page.getByTestId('wizard-submit').click();
  await page.waitForURL(/\/mes-projets\/[0-9a-f-]{36}$/);
  await page.getByTestId('no-proposal').waitFor();
  assert.equal(await page.getByTestId('project-status').textContent(), 'Ouvert');
  const projectUrl = page.url();
  // Submitted, the draft has left the list; the project is there with its status.
  await page.getByTestId('back-to-projects').click();
  await page.getByTestId('my-project').filter({ hasText: title }).waitFor();
  assert.equal(await page.getByTestId('draft').filter({ hasText: title }).count(), 0);

  // Matching experts got the notice.
  const { rows: notices } = await shared.db.query(
    `SELECT recipient FROM outbox WHERE subject = 'Un projet dans votre domaine' AND recipient = ANY($1)`,
    [experts.map((e) => e.email)]);
  assert.equal(notices.length, 4);

  // One expert applies.
  const expertContext = await shared.browser.newContext();
  const expertPage = await expertContext.newPage();
  await signIn(expertPage, experts[0].email);
  await expertPage.getByTestId('nav-projects').click();
  const card = expertPage.getByTestId('open-project').filter({ hasText: title });
  await card.waitFor();
  await waitForHydration(expertPage);
  await card.locator('textarea[name="message"]').fill('Disponible dès le mois prochain.');
  await card.getByTestId('apply').click();
  await expertPage.getByTestId('applied').waitFor();

  // The admin ranks and proposes three.
  const adminContext = await shared.browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
  await admin.getByTestId('nav-admin-projects').click();
  await admin.getByRole('link', { name: title }).click();
  const candidates = admin.getByTestId('candidate');
  await candidates.first().waitFor();
  await waitForHydration(admin);
  // Other tests may have published experts too: ours are all there, ranked and explained.
  for (const e of experts) await admin.locator(`[data-testid="candidate"][data-expert="${e.id}"]`).waitFor();
  // The applicant's message reaches the admin.
  await admin.locator(`[data-testid="candidate"][data-expert="${experts[0].id}"]`).getByTestId('application-message')
    .filter({ hasText: 'Disponible dès le mois prochain.' }).waitFor();
  assert.match(await candidates.first().textContent(), /Compétences/);
  assert.match(await admin.getByTestId('candidates').textContent(), /Candidat/);
  const picked = experts.slice(0, 3).map((e) => e.id);
  for (const id of picked) {
    await admin.locator(`[data-testid="candidate"][data-expert="${id}"]`).getByTestId('pick').check();
  }
  await admin.locator(`[data-testid="candidate"][data-expert="${picked[0]}"]`).getByTestId('pick-note').fill('Profil très solide en trésorerie.');
  await admin.getByTestId('propose').click();
  await admin.getByTestId('proposed-notice').filter({ hasText: '3 experts proposés au client' }).waitFor();
  // The client is told by e-mail too, with a link to the dossiers.
  const { rows: clientMails } = await shared.db.query(
    'SELECT subject, body_text FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1', [clientEmail]);
  assert.equal(clientMails[0].subject, 'Des experts sont proposés pour votre projet');
  assert.match(clientMails[0].body_text, /3 experts pour votre projet/);
  // The demo profile is listed, marked, and cannot be picked.
  const demoCard = admin.locator(`[data-testid="candidate"][data-expert="${demo}"]`);
  await demoCard.getByTestId('demo').waitFor();
  assert.equal(await demoCard.getByTestId('pick').count(), 0);

  // The client sees the three dossiers in full, nothing private of the fourth.
  await page.goto(projectUrl);
  await waitForHydration(page);
  await page.getByTestId('proposal').first().waitFor();
  assert.equal(await page.getByTestId('proposal').count(), 3);
  const html = await page.content();
  for (const e of experts) {
    const shown = html.includes(e.lastName);
    assert.equal(shown, picked.includes(e.id), `${e.lastName} shown=${shown}`);
  }
  assert.match(html, /Profil très solide en trésorerie/);
  // The applicant's message reaches the client with the dossier.
  await page.getByTestId('application-message').filter({ hasText: 'Disponible dès le mois prochain.' }).waitFor();
  // The proposed expert sees where they stand, no longer an offer to apply.
  await expertPage.reload();
  const mine = expertPage.getByTestId('open-project').filter({ hasText: title });
  await mine.getByTestId('proposal-state').waitFor();
  assert.equal(await mine.getByTestId('apply').count(), 0);

  // The client shortlists the first expert and sets the second aside, with a reason.
  const cardOf = (e) => page.locator('[data-testid="proposal"]').filter({ hasText: e.lastName });
  await cardOf(experts[0]).getByTestId('shortlist').click();
  await page.locator('[data-testid="proposal"][data-state="shortlisted"]').filter({ hasText: experts[0].lastName }).waitFor();
  await cardOf(experts[1]).getByTestId('open-decline').click();
  await cardOf(experts[1]).getByLabel('Tarif au-dessus du budget').check();
  await cardOf(experts[1]).getByTestId('confirm-decline').click();
  // Set aside, the dossier leaves the page; the expert is told the kind of reason only.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="proposal"]').length === 2);
  const { rows: told } = await shared.db.query(
    'SELECT body_text FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1', [experts[1].email]);
  assert.match(told[0].body_text, /le budget du client ne rejoint pas votre tarif/);
  const { rows: log } = await shared.db.query(
    `SELECT event FROM selection_events WHERE project_id = $1 ORDER BY id`, [projectUrl.split('/').pop()]);
  assert.deepEqual(log.map((r) => r.event), ['propose', 'propose', 'propose', 'shortlist', 'decline']);
  // The shortlisted expert follows it on « Mes candidatures », with the next step's date.
  await expertPage.getByTestId('nav-paths').click();
  const path = expertPage.getByTestId('path').filter({ hasText: title });
  await path.waitFor();
  assert.equal(await path.getAttribute('data-state'), 'shortlisted');
  assert.match(await path.getByTestId('path-next').textContent(), /Au client d'avancer, au plus tard le \d{2}\/\d{2}\/\d{4}/);
  assert.equal(await path.locator('[data-testid="timeline"] li').count(), 2);
  await Promise.all([setup.close(), phone.close(), expertContext.close(), adminContext.close()]);
});
