// Shared set-up for the end-to-end tests: Debian's Chromium through playwright-core,
// and a PostgreSQL client on the server's own database.
import { chromium } from 'playwright-core';
import pg from 'pg';
import { before, after } from 'node:test';

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

/** Reads a figure shown as "1 234" (narrow no-break spaces) as a number. */
export async function figure(page, id) {
  const text = await page.getByTestId(`stat-${id}`).textContent();
  return Number(text.replace(/\s|\u202f/g, ''));
}

/** Opens one browser and one database connection for the calling test file. */
export function useBrowserAndDb() {
  const shared = {};
  before(async () => {
    shared.browser = await launchBrowser();
    shared.db = await connectDb();
  });
  after(async () => {
    await shared.db?.end();
    await shared.browser?.close();
  });
  return shared;
}
