// The selection, followed live by both sides: the admin proposes three experts; in the
// client's page and the experts' pages, open side by side, a decline reaches the declined
// expert without reload, slots offered by the client reach the expert, the expert's pick
// reaches the client, both get the calendar invitation through a real SMTP server, and
// messages come and go with an unread count; another client is refused the project's
// conversation and steps. The chosen expert's page is served by a second process of the
// application, which is stopped while the client decides and started again: the page,
// reconnected, shows the choice without reload.
import assert from 'node:assert/strict';
import {
  BASE_URL, journey, useBrowserAndDb, waitForHydration,
} from './support.mjs';
import { appProcess, freePort, startSmtpSink } from './processes.mjs';
import { people } from './people.mjs';

const shared = useBrowserAndDb();
const headers = { origin: BASE_URL };
const { signedIn, expert, publishedProject } = people(shared);

/** The first Monday of April after the next change to summer time, 10:00 in Paris
 *  (08:00 UTC), and the two days after at the same time. */
function slotsAfterSummerTime() {
  const now = new Date();
  let year = now.getUTCFullYear();
  if (now > new Date(Date.UTC(year, 2, 20))) year += 1;
  const day = new Date(Date.UTC(year, 3, 1));
  while (day.getUTCDay() !== 1) day.setUTCDate(day.getUTCDate() + 1);
  return [0, 1, 2].map((k) => {
    const d = new Date(day.getTime() + k * 86400_000);
    const local = `${d.toISOString().slice(0, 10)}T10:00`;
    const utc = `${d.toISOString().slice(0, 10)}T08:00:00Z`;
    return { local, utc };
  });
}

journey('client and experts follow the selection live, from the proposal to the choice', async () => {
  const smtp = await startSmtpSink();
  const second = appProcess(await freePort(), { SMTP_URL: smtp.url });
  try {
    await second.start();
    await followTheSelection(second, smtp);
  } catch (err) {
    err.message += `\n--- second server log ---\n${second.log().slice(-4000)}`;
    throw err;
  } finally {
    await second.stop();
    await smtp.close();
  }
});

/** `second` serves the first expert's pages; `smtp` is where the platform's mail goes. */
async function followTheSelection(second, smtp) {
  const stamp = Date.now();
  const title = `Trésorerie en direct ${stamp}`;
  const client = await signedIn(`live.${stamp}@acme.fr`, 'client', { first: 'Claire', company: `Acme ${stamp}` });
  const projectId = await publishedProject(client.request, title);
  const experts = [];
  for (const i of [0, 1, 2]) experts.push(await expert(stamp, i));

  // The admin proposes the three (the admin's own page is the projects journey's).
  const admin = await shared.browser.newContext();
  const signIn = await admin.request.post(`${BASE_URL}/api/auth_sign_in`, {
    form: { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }, headers,
  });
  assert.equal(signIn.status(), 200);
  let proposed;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    proposed = await admin.request.post(`${BASE_URL}/api/admin_propose`, {
      data: { id: projectId, picks: experts.map((e) => [e.id, '']) }, headers,
    });
    if (proposed.status() === 200) break;
    await new Promise((r) => setTimeout(r, 200)); // the matching index catches up
  }
  assert.equal(proposed.status(), 200, await proposed.text());

  // Side by side: the client's project, the first two experts' applications (the first
  // one's from the second process).
  const page = await client.newPage();
  await page.goto(`${BASE_URL}/mes-projets/${projectId}`);
  await waitForHydration(page);
  const expertPages = [];
  for (const [i, e] of experts.slice(0, 2).entries()) {
    const p = await e.context.newPage();
    await p.goto(`${i === 0 ? second.url : BASE_URL}/mes-propositions`);
    await waitForHydration(p);
    await p.locator('[data-testid="path"][data-state="proposed"]').filter({ hasText: title }).waitFor();
    expertPages.push(p);
  }
  const [first, declined] = expertPages;
  const cardOf = (e) => page.locator('[data-testid="proposal"]').filter({ hasText: e.lastName });
  assert.equal(await page.getByTestId('proposal').count(), 3);

  // Shortlisted and declined: the declined expert's open page says so, without reload.
  await cardOf(experts[0]).getByTestId('shortlist').click();
  await page.locator('[data-testid="proposal"][data-state="shortlisted"]').filter({ hasText: experts[0].lastName }).waitFor();
  await cardOf(experts[1]).getByTestId('open-decline').click();
  await cardOf(experts[1]).getByLabel('Tarif au-dessus du budget').check();
  await cardOf(experts[1]).getByTestId('confirm-decline').click();
  await declined.locator('[data-testid="path"][data-state="declined"]').filter({ hasText: title }).waitFor();
  await first.locator('[data-testid="path"][data-state="shortlisted"]').filter({ hasText: title }).waitFor();

  // With a second expert shortlisted, the two side by side, on the same facts.
  await cardOf(experts[2]).getByTestId('shortlist').click();
  const compare = page.getByTestId('compare');
  await compare.locator('th[scope="col"]').nth(1).waitFor();
  const compared = await compare.locator('th[scope="col"]').allTextContents();
  assert.deepEqual(compared.map((h) => [experts[0], experts[2]].some((e) => h.includes(e.lastName))), [true, true]);
  assert.equal(await compare.locator('tr[data-criterion="skills"] td').count(), 2);
  assert.match(await compare.locator('tr[data-fact="rate"]').textContent(), /700.*700/s);

  // Three video slots after the change to summer time.
  const slots = slotsAfterSummerTime();
  const card = cardOf(experts[0]);
  await card.getByTestId('step-new').click();
  await card.getByTestId('step-format').selectOption('video');
  await card.getByTestId('step-link').fill('https://visio.exemple.fr/acme');
  const inputs = card.locator('.step-new [data-testid="step-slot"]');
  for (const [i, slot] of slots.entries()) await inputs.nth(i).fill(slot.local);
  await card.getByTestId('step-add').click();
  await card.locator('[data-testid="step"][data-state="awaiting_expert"]').waitFor();

  // The expert's open page shows the offer; they pick the second slot; the client's
  // open page shows it confirmed, without reload.
  const offer = first.locator('[data-testid="path"]').filter({ hasText: title });
  await offer.locator('[data-testid="step"][data-state="awaiting_expert"]').waitFor();
  await offer.locator(`[data-testid="step-pick"][data-at="${slots[1].utc}"]`).click();
  await card.locator('[data-testid="step"][data-state="confirmed"]').waitFor();
  assert.match(await card.getByTestId('step-at').textContent(), /10:00 \(heure de Paris\)/);
  // The path's log, on both sides, tells the step's moves.
  await card.getByTestId('timeline').filter({ hasText: 'Échange confirmé (visioconférence)' }).waitFor({ state: 'attached' });
  await offer.getByTestId('timeline').filter({ hasText: 'Créneaux proposés par le client' }).waitFor({ state: 'attached' });

  // Both received the invitation by mail: REQUEST, the time in UTC right after the change.
  const invited = [`live.${stamp}@acme.fr`, experts[0].email];
  const invitation = (m) => m.mail.attachments.find((a) => a.contentType === 'text/calendar');
  const invites = (await smtp.until(
    (all) => invited.every((to) => all.some((m) => m.to.includes(to) && invitation(m))),
    'both invitations',
  )).filter((m) => invited.some((to) => m.to.includes(to)) && invitation(m));
  assert.equal(invites.length, 2, invites.map((m) => m.mail.subject).join(', '));
  const dtstart = `DTSTART:${slots[1].utc.replace(/[-:]/g, '')}`;
  for (const m of invites) {
    const calendar = invitation(m);
    assert.equal(calendar.headers.get('content-type').params.method, 'REQUEST');
    const ics = calendar.content.toString('utf8');
    assert.match(ics, /^METHOD:REQUEST\r?$/m);
    assert.ok(ics.includes(dtstart), ics);
  }

  // Messages: the client writes; the expert, now elsewhere on the site, sees the unread
  // count in the header, live; on their applications the message is there, and read.
  await first.goto(`${second.url}/`);
  await waitForHydration(first);
  const chat = card.getByTestId('chat');
  await chat.locator('summary').click();
  await chat.getByTestId('chat-body').fill('Bonjour, voici le lien du dossier : https://acme.fr/dossier');
  await chat.getByTestId('chat-send').click();
  await chat.getByTestId('chat-message').first().waitFor();
  await first.getByTestId('messages-badge').filter({ hasText: '1' }).waitFor();
  await first.getByTestId('nav-paths').click();
  const theirs = offer.getByTestId('chat');
  await theirs.getByTestId('chat-message').filter({ hasText: 'voici le lien' }).waitFor();
  assert.equal(await theirs.locator('a[href="https://acme.fr/dossier"]').count(), 1);
  await first.waitForFunction(() => !document.querySelector('[data-testid="messages-badge"]'));
  await theirs.getByTestId('chat-body').fill('Merci, à lundi !');
  await theirs.getByTestId('chat-send').click();
  await chat.getByTestId('chat-message').filter({ hasText: 'Merci, à lundi' }).waitFor();

  // Another client is refused the conversation and the steps of this project.
  const other = await signedIn(`autre.${stamp}@zeta.fr`, 'client', { company: `Zeta ${stamp}` });
  const peek = await other.request.get(
    `${BASE_URL}/api/chat_conversation?project=${projectId}&expert=${experts[0].id}`);
  assert.equal(peek.status(), 404);
  const write = await other.request.post(`${BASE_URL}/api/chat_post`, {
    form: { project: projectId, expert: experts[0].id, body: 'intrus' }, headers,
  });
  assert.equal(write.status(), 404);
  const steal = await other.request.post(`${BASE_URL}/api/step_cancel`, {
    form: { step: (await shared.db.query('SELECT id FROM selection_steps WHERE project_id = $1', [projectId])).rows[0].id },
    headers,
  });
  assert.equal(steal.status(), 404);

  // The process serving the expert's page stops; meanwhile the client chooses the
  // expert. Started again, it serves the reconnecting page the event it missed.
  await first.locator('[data-testid="path"][data-state="in_selection"]').filter({ hasText: title }).waitFor();
  await first.evaluate(() => { window.stillTheSamePage = true; });
  await second.stop();
  await card.getByTestId('select').click();
  await page.locator('[data-testid="proposal"][data-state="selected"]').filter({ hasText: experts[0].lastName }).waitFor();
  await second.start();
  await first.locator('[data-testid="path"][data-state="selected"]').filter({ hasText: title }).waitFor({ timeout: 20_000 });
  assert.equal(await first.evaluate(() => window.stillTheSamePage), true, 'the page was reloaded');
  await Promise.all([client.close(), admin.close(), other.close(), ...experts.map((e) => e.context.close())]);
}
