// Every page in English shows no French interface text, and in French no English: a crawl
// of each role's pages (and the pages they link to) with the language cookie set.
// What users wrote (names, titles, messages) is data, not interface: pages mark it with
// translate="no", and text in another language carries its own lang attribute (the
// "FR | EN" switch); both are left out of the check.
import assert from 'node:assert/strict';
import { BASE_URL, PASSWORD, journey, signIn, useBrowserAndDb, waitForHydration } from './support.mjs';

const shared = useBrowserAndDb();

// Words that only one of the two languages uses in running text. Product terms that
// English keeps in French (département, URSSAF, SIRET) are not among them.
// Whole words only: a letter next to the match (any script, accents included) makes it
// part of another word ("signé" is not "sign").
const words = (list) => new RegExp(`(?<!\\p{L})(${list.join('|')})(?!\\p{L})`, 'iu');
const FRENCH_ONLY = words(['le', 'la', 'les', 'des', 'du', 'une', 'et', 'vous', 'votre', 'vos', 'pour',
  'avec', 'sur', 'aux', 'dans', 'mon', 'mes', 'cette', 'qui', 'être', 'été', 'déjà', 'aucun', 'aucune',
  'connexion', 'inscription', 'projet', 'compte', 'recherche', 'enregistré', 'retour', 'accueil']);
const FRENCH = { test: (t) => FRENCH_ONLY.test(t) || /[àâçèêëîïôùûœ]|é(?!partement)/iu.test(t) };
const ENGLISH = words(['the', 'and', 'your', 'you', 'of', 'to', 'with', 'sign', 'loading', 'save',
  'saved', 'submit', 'search', 'back', 'home', 'account', 'page not found', 'there', 'which', 'from', 'this']);

async function visibleTexts(page) {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const skipped = (el) => el.closest('[translate="no"]') ||
      [...document.querySelectorAll('[lang]')].some((l) => l !== document.documentElement && l.lang !== pageLang && l.contains(el));
    // The title may quote what a user wrote (a name): what the page shows as data is
    // taken out of it.
    let title = document.title;
    for (const el of document.querySelectorAll('[translate="no"]')) {
      const data = el.textContent.trim();
      if (data) title = title.split(data).join('');
    }
    const texts = [title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName) || skipped(el)) continue;
      if (node.textContent.trim()) texts.push(node.textContent.trim());
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      if (skipped(el)) continue;
      for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
        const v = el.getAttribute(a);
        if (v && v.trim()) texts.push(v.trim());
      }
    }
    return texts;
  });
}

async function newAccount(request, endpoint, form) {
  const headers = { origin: BASE_URL };
  assert.equal((await request.post(`${BASE_URL}/api/${endpoint}`, { form, headers })).status(), 200);
  const { rows } = await shared.db.query(
    'SELECT body_text FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1', [form.email]);
  const token = rows[0].body_text.match(/jeton=([0-9a-f]+)/)[1];
  assert.equal((await request.post(`${BASE_URL}/api/auth_verify_email`, { form: { token }, headers })).status(), 200);
}

async function publishedExpert(stamp) {
  const { rows } = await shared.db.query(
    `INSERT INTO experts (first_name, departement_code, status, published_at, years_experience, education,
         attestation_issued_on)
     VALUES ($1, '69', 'published', now(), 8, ARRAY['MBA'], current_date - 5) RETURNING id`, [`Zed${stamp}`]);
  const id = rows[0].id;
  await shared.db.query(`INSERT INTO expert_domains SELECT $1, id FROM domains WHERE slug = 'finance'`, [id]);
  await shared.db.query(`INSERT INTO expert_languages VALUES ($1, 'fr', 'Native'), ($1, 'en', 'C1')`, [id]);
  return id;
}

/** Visits each path, then the same-site pages they link to (once each), and returns
 *  every text in the wrong language with the page it was found on. */
async function crawl(page, paths, wrong) {
  const seen = new Set();
  const queue = [...paths];
  const found = [];
  while (queue.length) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    await page.goto(`${BASE_URL}${path}`);
    await waitForHydration(page);
    // Let resources resolve and the browser-only parts (badges, autosave) render.
    await page.waitForLoadState('networkidle');
    for (const text of await visibleTexts(page)) {
      if (wrong.test(text)) found.push(`${path}: ${text}`);
    }
    if (paths.includes(path)) {
      const links = await page.$$eval('a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')));
      for (const href of links) {
        const clean = href.split('#')[0];
        if (clean && !seen.has(clean) && !clean.startsWith('/api/') && !clean.startsWith('/fichiers/')) queue.push(clean);
      }
    }
  }
  return { found, seen: seen.size };
}

const PUBLIC = ['/', '/experts', '/inscription', '/connexion', '/mot-de-passe-oublie',
  '/reinitialiser-mot-de-passe?jeton=0', '/verifier-email?jeton=0', '/verifier',
  `/verifier?empreinte=${'0'.repeat(64)}`, '/page-qui-n-existe-pas'];
const PROVIDER = ['/compte', '/notifications', '/profil', '/projets', '/mes-propositions'];
const CLIENT = ['/compte', '/mes-projets', '/mes-projets/nouveau'];
const ADMIN = ['/admin/revues', '/admin/referentiel', '/admin/comptes', '/admin/projets', '/admin/mailbox'];

journey('every page speaks only English in English and only French in French', async () => {
  const stamp = Date.now() % 1_000_000;
  const expertId = await publishedExpert(stamp);
  const setup = await shared.browser.newContext();
  const provider = `langue.expert.${stamp}@exemple.fr`;
  const client = `langue.client.${stamp}@exemple.fr`;
  await newAccount(setup.request, 'auth_sign_up_provider',
    { kind: 'expert', first_name: 'Ada', last_name: 'Lovelace', email: provider, password: PASSWORD });
  await newAccount(setup.request, 'auth_sign_up_client',
    { company_name: 'Acme', siret: '73282932000074', contact_first_name: 'Bob', contact_last_name: 'Smith',
      email: client, password: PASSWORD });
  await setup.close();

  const report = [];
  for (const [lang, wrong] of [['en', FRENCH], ['fr', ENGLISH]]) {
    const roles = [
      [null, [...PUBLIC, `/experts/${expertId}`]],
      [[provider, PASSWORD], PROVIDER],
      [[client, PASSWORD], CLIENT],
      [[process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD], ADMIN],
    ];
    for (const [who, paths] of roles) {
      const context = await shared.browser.newContext();
      const page = await context.newPage();
      if (who) await signIn(page, ...who);
      await context.addCookies([{ name: 'lang', value: lang, url: BASE_URL }]);
      const { found, seen } = await crawl(page, paths, wrong);
      assert.ok(seen >= paths.length, `${lang}: crawled ${seen} pages`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      report.push(...found.map((f) => `[${lang}${who ? ` ${who[0]}` : ''}] ${f}`));
      await context.close();
    }
  }
  assert.deepEqual(report, [], `texts in the wrong language:\n${report.join('\n')}`);
});
