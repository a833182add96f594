// Shared set-up for the end-to-end tests: Debian's Chromium through playwright-core,
// and a PostgreSQL client on the server's own database.
import { chromium } from 'playwright-core';
import pg from 'pg';
import { before, after, test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function connectDb() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

/** Waits until the WASM bundle has hydrated the page (the app marks <html>). */
export async function waitForHydration(page) {
  await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 30_000 });
}

/** The password of the accounts the journeys create. */
export const PASSWORD = 'une longue phrase de passe';

/** Fills the sign-in form and sends it (the answer is for the caller to check). */
export async function submitSignIn(page, email, password = PASSWORD) {
  await page.goto(`${BASE_URL}/connexion`);
  await waitForHydration(page);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Signs in and waits for the account page. */
export async function signIn(page, email, password = PASSWORD) {
  await submitSignIn(page, email, password);
  await page.waitForURL(`${BASE_URL}/compte`);
}

/** Signs an account up through the server functions and opens the link of its mail. */
export async function verifiedAccount(db, request, endpoint, form, email) {
  const headers = { origin: BASE_URL };
  const signUp = await request.post(`${BASE_URL}/api/${endpoint}`, { form, headers });
  if (signUp.status() !== 200) throw new Error(`${endpoint}: ${signUp.status()} ${await signUp.text()}`);
  const { rows } = await db.query(
    'SELECT body_text FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1', [email]);
  const token = rows[0].body_text.match(/jeton=([0-9a-f]+)/)[1];
  const verify = await request.post(`${BASE_URL}/api/auth_verify_email`, { form: { token }, headers });
  if (verify.status() !== 200) throw new Error(`auth_verify_email: ${verify.status()}`);
}

/** A real RGB PNG of `size`×`size` pixels. */
export function png(size) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) row.set([x * 4, y * 4, 160], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A tiny well-formed PDF (the server sniffs its signature). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A verified account made straight in the database, whose password is the admin's
 *  (`ADMIN_PASSWORD`): sign-ups are limited per address and hour, and hashing a password
 *  here would need a native module. For journeys that are not about signing up. */
export async function quickAccount(db, role, email, { first = 'Eulalie', last = 'Rapide', company = 'Société Rapide' } = {}) {
  const { rows: [account] } = await db.query(
    `INSERT INTO accounts (email, password_hash, role, display_name, email_verified_at)
     SELECT $1, password_hash, $2, $3, now() FROM accounts WHERE email = $4 RETURNING id`,
    [email, role, role === 'client' ? company : first, process.env.ADMIN_EMAIL]);
  if (!account) throw new Error('the admin account the password is copied from is missing');
  if (role === 'provider') {
    await db.query(`INSERT INTO providers (account_id, kind, first_name, last_name) VALUES ($1, 'consultant', $2, $3)`,
      [account.id, first, last]);
  } else if (role === 'client') {
    await db.query(`INSERT INTO clients (account_id, company_name, siret, contact_first_name, contact_last_name)
                    VALUES ($1, $2, '44306184100005', $3, $4)`, [account.id, company, first, last]);
  }
  return process.env.ADMIN_PASSWORD;
}

/** What is wrong with the open page's layout, as readable lines (none: fine). */
export async function layoutFaults(page) {
  return page.evaluate(() => {
    const faults = [];
    const width = window.innerWidth;
    const header = document.querySelector('[data-testid="site-header"]');
    const height = header ? header.getBoundingClientRect().height : 0;
    if (!header) faults.push('no header');
    if (height > 64) faults.push(`header ${Math.round(height)} px tall`);
    if (document.documentElement.scrollWidth > width) {
      faults.push(`scrolls sideways: ${document.documentElement.scrollWidth} px for ${width}`);
      // Name the widest culprits: elements sticking out and not inside a scrolling box.
      const inScroller = (el) => {
        for (let p = el.parentElement; p; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
        }
        return false;
      };
      const out = [...document.body.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && !inScroller(el))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} → ${Math.round(el.getBoundingClientRect().right)}`);
      faults.push(...out);
    }
    return faults;
  });
}

/** Reads a figure shown as "1 234" (narrow no-break spaces) as a number. */
export async function figure(page, id) {
  const text = await page.getByTestId(`stat-${id}`).textContent();
  return Number(text.replace(/\s|\u202f/g, ''));
}

/** Opens one browser and one database connection for the calling test file. */
export function useBrowserAndDb() {
  const shared = {};
  before(async () => {
    shared.browser = trackPages(await launchBrowser());
    shared.db = await connectDb();
  });
  after(async () => {
    await shared.db?.end();
    await shared.browser?.close();
  });
  return shared;
}

// Diagnostics: when a journey fails, say where each open page was, what it showed and
// what the browser logged, and keep a screenshot and the HTML in target/e2e-artifacts.
const tracked = [];

// A Rust panic in the WASM front end (console_error_panic_hook logs "panicked at", the
// trap that follows is a RuntimeError "unreachable") fails the journey even when the page
// still looks right: the app is dead from that point on.
const PANIC = /panicked at|RuntimeError|unreachable/;

function track(page) {
  const log = [];
  const panics = [];
  const keep = (line) => { log.push(line); if (log.length > 40) log.shift(); };
  page.on('console', (m) => {
    keep(`console.${m.type()}: ${m.text()}`);
    if (m.type() === 'error' && PANIC.test(m.text())) panics.push(m.text());
  });
  page.on('pageerror', (e) => {
    keep(`pageerror: ${e.message}`);
    if (PANIC.test(`${e.name}: ${e.message}`)) panics.push(e.message);
  });
  page.on('requestfailed', (r) => keep(`failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => { if (r.status() >= 400) keep(`${r.status()}: ${r.request().method()} ${r.url()}`); });
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) keep(`navigated: ${f.url()}`); });
  tracked.push({ page, log, panics });
}

// The journeys are those of French visitors: their browser asks for French
// (Accept-Language), whatever the machine's locale; a test may ask for another.
const FRENCH = { locale: 'fr-FR' };

function trackPages(browser) {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options = {}) => {
    const context = await newContext({ ...FRENCH, ...options });
    context.on('page', track);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options = {}) => {
    const page = await newPage({ ...FRENCH, ...options });
    if (!tracked.some((t) => t.page === page)) track(page);
    return page;
  };
  return browser;
}

const within = (promise, ms) =>
  Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve('(no answer)'), ms))]);

async function describePages(name) {
  const dir = path.resolve(process.cwd(), '..', 'target', 'e2e-artifacts');
  fs.mkdirSync(dir, { recursive: true });
  const slug = name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40);
  const parts = [];
  for (const [i, { page, log }] of tracked.entries()) {
    if (page.isClosed()) continue;
    const hydrated = await within(page.evaluate(() => document.documentElement.hasAttribute('data-hydrated')), 3000).catch(() => '?');
    const text = await within(page.evaluate(() => (document.querySelector('main') ?? document.body).innerText), 3000).catch(() => '?');
    await within(page.screenshot({ path: path.join(dir, `${slug}-${i}.png`), fullPage: true }), 5000).catch(() => {});
    const html = await within(page.content(), 3000).catch(() => '');
    if (typeof html === 'string') fs.writeFileSync(path.join(dir, `${slug}-${i}.html`), html);
    parts.push(`--- page ${i}: ${page.url()} (hydrated: ${hydrated})\n` +
      `shows: ${String(text).replace(/\s+/g, ' ').slice(0, 500)}\n` +
      log.slice(-15).map((l) => `  ${l}`).join('\n'));
  }
  return `\n${parts.join('\n')}\n(screenshots and HTML in ${dir})`;
}

/** A browser journey: like `test`, plus a description of every open page on failure. */
export function journey(name, fn) {
  test(name, async (t) => {
    tracked.length = 0;
    try {
      await fn(t);
      const panicked = tracked.flatMap(({ page, panics }) => panics.map((p) => `${page.url()}: ${p}`));
      if (panicked.length) throw new Error(`the front end panicked:\n${panicked.join('\n').slice(0, 2000)}`);
    } catch (err) {
      const where = await describePages(name).catch((e) => `\n(no diagnostics: ${e.message})`);
      if (err && typeof err.message === 'string') err.message += where;
      console.error(`diagnostics for "${name}":${where}`);
      throw err;
    }
  });
}
