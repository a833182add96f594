// People and projects made for a journey: accounts straight in the database (signed in
// through the real sign-in), published experts, projects published through the server
// functions the wizard calls.
import assert from 'node:assert/strict';
import { BASE_URL, quickAccount } from './support.mjs';

const headers = { origin: BASE_URL };

/** The helpers, bound to the journey's browser and database (`useBrowserAndDb()`). */
export function people(shared) {
  /** A signed-in context for an account made in the database. */
  async function signedIn(email, role, names) {
    const password = await quickAccount(shared.db, role, email, names);
    const context = await shared.browser.newContext();
    const res = await context.request.post(`${BASE_URL}/api/auth_sign_in`, { form: { email, password }, headers });
    assert.equal(res.status(), 200, await res.text());
    return context;
  }

  /** A published expert in Lyon behind a provider account, signed in. */
  async function expert(stamp, i) {
    const email = `selection${i}.${stamp}@exemple.fr`;
    const lastName = `Sélection${i}x${stamp}`;
    const context = await signedIn(email, 'provider', { first: `Expert${i}`, last: lastName });
    const { rows: [{ id }] } = await shared.db.query(
      `INSERT INTO experts (account_id, first_name, last_name, email, departement_code, status, published_at,
          years_experience, daily_rate, available_from, attestation_issued_on, phone, siret)
       SELECT id, $2, $3, $1, '69', 'published', now(), 12, 700, current_date, current_date - 10, '06 10 20 30 40',
          '73282932000074'
       FROM accounts WHERE email = $1 RETURNING id`, [email, `Expert${i}`, lastName]);
    await shared.db.query(`INSERT INTO expert_domains SELECT $1, id FROM domains WHERE slug = 'finance'`, [id]);
    await shared.db.query(`INSERT INTO expert_skills SELECT $1, id, 6 FROM skills WHERE slug = 'tresorerie'`, [id]);
    await shared.db.query(`INSERT INTO expert_languages VALUES ($1, 'fr', 'Native')`, [id]);
    await shared.db.query(`SELECT pg_notify('experts_changed', $1::text)`, [id]);
    return { id, email, lastName, context };
  }

  /** Publishes a project through the server functions the wizard calls; returns its id. */
  async function publishedProject(request, title) {
    const wizard = await (await request.get(`${BASE_URL}/api/project_wizard`)).json();
    const start = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const draft = {
      title, description: 'Revoir nos prévisions de trésorerie avec un expert.',
      domain: 'finance', required_skills: ['tresorerie'], optional_skills: [], level: '',
      languages: [], remote: true, places: '', start_date: start, duration_days: '20',
      budget_mode: 'global', budget: '16000', daily_rate: '', days: '',
      contact_formats: ['video'], confidential: false,
    };
    const saved = await request.post(`${BASE_URL}/api/project_save_draft`, { data: { id: wizard.id, step: 5, draft }, headers });
    assert.equal(saved.status(), 200, await saved.text());
    const submitted = await request.post(`${BASE_URL}/api/project_submit`, { form: { id: wizard.id }, headers });
    assert.equal(submitted.status(), 200, await submitted.text());
    return submitted.json();
  }

  return { signedIn, expert, publishedProject };
}
