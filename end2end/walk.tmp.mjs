import { chromium } from 'playwright-core';
const BASE = process.env.BASE_URL;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, h] of [[1366, 900], [390, 844]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, locale: 'fr-FR' });
  const page = await ctx.newPage();
  for (const path of ['/', '/experts', '/inscription', '/connexion']) {
    await page.goto(BASE + path);
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
    await page.screenshot({ path: `/tmp/walk-${w}${path.replace(/\//g, '_')}.png`, fullPage: false });
  }
  await ctx.close();
}
await browser.close();
