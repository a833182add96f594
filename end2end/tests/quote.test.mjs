// From the quote to the signed contract, the client and the expert they chose each in
// their own browser context, side by side: the expert sends version 1 from the page
// without JavaScript; the client's open page shows it without reload and asks for a
// revision; the expert's open page shows the request, the expert types version 2 with
// the totals following the typing; the client accepts it (version 1 still readable),
// which draws the intermediation contract; both sign it with the codes the real SMTP
// server received, a wrong code refused and the fifth locking it; the downloaded final
// PDF's SHA-256 is the evidence's; the verification page accepts it and rejects it with
// one byte changed; strangers are refused the quote, the contract and the evidence; the
// client declares the mission contract signed and both timelines show it live.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  BASE_URL, journey, layoutFaults, useBrowserAndDb, waitForHydration,
} from './support.mjs';
import { people } from './people.mjs';
import { appProcess, freePort, startSmtpSink } from './processes.mjs';

const shared = useBrowserAndDb();
const { signedIn, expert, publishedProject } = people(shared);

journey('from the quote to the contract signed by both, then the mission declared', async () => {
  // Mails leave through a second process of the application, the one with an SMTP server.
  const smtp = await startSmtpSink();
  const mailer = appProcess(await freePort(), { SMTP_URL: smtp.url });
  try {
    await mailer.start();
    await fromQuoteToContract(smtp);
  } catch (err) {
    err.message += `\n--- mailing server log ---\n${mailer.log().slice(-4000)}`;
    throw err;
  } finally {
    await mailer.stop();
    await smtp.close();
  }
});

async function fromQuoteToContract(smtp) {
  const stamp = Date.now();
  const title = `Trésorerie ${stamp}`;
  const company = `Devisco ${stamp}`;
  const client = await signedIn(`devis.${stamp}@acme.fr`, 'client', { first: 'Claire', last: 'Cliente', company });
  const projectId = await publishedProject(client.request, title);
  const chosen = await expert(`q${stamp}`, 0);
  // The pipeline up to the choice is the selection journey's: here the path starts chosen.
  await shared.db.query(
    `INSERT INTO proposals (project_id, expert_id, state) VALUES ($1, $2, 'selected')`, [projectId, chosen.id]);

  const page = await client.newPage();
  await page.goto(`${BASE_URL}/mes-projets/${projectId}`);
  await waitForHydration(page);
  const card = page.locator('[data-testid="proposal"]').filter({ hasText: chosen.lastName });
  await card.locator('[data-testid="quote"][data-state="none"]').waitFor();

  // Version 1 from the page without JavaScript: a plain form, posted and redirected.
  const cookies = await chosen.context.cookies();
  const plain = await shared.browser.newContext({ javaScriptEnabled: false });
  await plain.addCookies(cookies);
  const noJs = await plain.newPage();
  await noJs.goto(`${BASE_URL}/mes-propositions`);
  const editor = noJs.locator('[data-testid="path"]').filter({ hasText: title }).getByTestId('quote-editor');
  assert.ok(await editor.getByTestId('quote-line').count() >= 3, 'blank lines to fill without JavaScript');
  const line = (i) => editor.getByTestId('quote-line').nth(i);
  await line(0).getByTestId('quote-description').fill('Audit des prévisions');
  await line(0).getByTestId('quote-quantity').fill('3');
  await line(0).getByTestId('quote-price').fill('650');
  await line(1).getByTestId('quote-description').fill('Restitution');
  await line(1).getByTestId('quote-quantity').fill('1');
  await line(1).getByTestId('quote-price').fill('400');
  const start = new Date(Date.now() + 20 * 86400_000).toISOString().slice(0, 10);
  await editor.getByTestId('quote-start').fill(start);
  await editor.getByTestId('quote-duration').fill('10');
  assert.match(await editor.getByTestId('quote-fee').textContent(), /commission de la plateforme/);
  await editor.getByTestId('quote-send').click();
  await noJs.waitForURL(/mes-propositions/);
  await noJs.locator('[data-testid="quote"][data-state="sent"]').waitFor();

  // The client's open page shows it, without reload, and asks for a revision.
  await page.evaluate(() => { window.stillTheSamePage = true; });
  const sent = card.locator('[data-testid="quote"][data-state="sent"]');
  await sent.waitFor({ timeout: 15_000 });
  assert.match(await card.getByTestId('quote-ttc').first().textContent(), /2\s?820,00/);
  await card.getByText('Demander une révision').first().click();
  await card.getByTestId('quote-revision-comment').fill('Deux jours d\u2019audit suffiront.');
  await card.getByTestId('quote-ask-revision').click();
  await card.locator('[data-testid="quote"][data-state="revision_requested"]').waitFor();

  // The expert's open page shows the request; version 2, totals following the typing.
  const mine = await chosen.context.newPage();
  await mine.goto(`${BASE_URL}/mes-propositions`);
  await waitForHydration(mine);
  const path = mine.locator('[data-testid="path"]').filter({ hasText: title });
  await path.getByTestId('quote-revision').filter({ hasText: 'Deux jours' }).waitFor();
  const revision = path.getByTestId('quote-editor');
  await revision.locator('summary').click();
  await revision.getByTestId('quote-line').first().getByTestId('quote-quantity').fill('2');
  await revision.getByTestId('quote-preview').filter({ hasText: '2\u202f040,00' }).waitFor();
  // The platform's commission on it, as it follows the typing: 3 % of 1 700 € HT.
  await revision.getByTestId('quote-fee').filter({ hasText: '51,00' }).waitFor();
  await revision.getByTestId('quote-send').click();
  await path.locator('[data-testid="quote"][data-state="sent"]').waitFor();

  // The client accepts version 2; version 1 stays readable, superseded.
  await card.locator('[data-testid="quote-version"][data-version="2"]').waitFor({ timeout: 15_000 });
  await card.getByTestId('quote-accept-form').locator('summary').click();
  await card.getByTestId('accept-legal_form').fill('SAS');
  await card.getByTestId('accept-address').fill('5 place Bellecour, 69002 Lyon');
  await card.getByTestId('accept-signatory').fill('Claire Cliente');
  await card.getByTestId('accept-signatory_role').fill('Présidente');
  await card.getByTestId('quote-accept').click();
  await card.locator('[data-testid="quote"][data-state="accepted"]').waitFor();
  await path.locator('[data-testid="quote"][data-state="accepted"]').waitFor({ timeout: 15_000 });
  await card.getByTestId('quote-earlier').locator('summary').click();
  await card.locator('[data-testid="quote-version"][data-version="1"][data-state="superseded"]').waitFor();
  assert.equal(await page.evaluate(() => window.stillTheSamePage), true, 'the page was reloaded');
  // Both logs tell it.
  await path.getByTestId('timeline').locator('[data-event="quote_accepted"]').waitFor({ state: 'attached' });

  // The accepted version as a PDF, for the parties only.
  const href = await card.locator('[data-testid="quote-version"][data-version="2"] [data-testid="quote-pdf"]').getAttribute('href');
  const pdf = await client.request.get(`${BASE_URL}${href}`);
  assert.equal(pdf.status(), 200);
  // Every run of blanks as one space: line breaks fall where the layout put them.
  const words = (t) => t.replace(/\s+/g, ' ');
  const text = words(execFileSync('pdftotext', ['-', '-'], { input: await pdf.body() }).toString());
  for (const expected of [company, 'Audit des prévisions', '2\u202f040,00\u00a0€', 'Accepté']) {
    assert.ok(text.includes(words(expected)), `${expected} not in the PDF:\n${text}`);
  }
  const stranger = await signedIn(`autre.${stamp}@globex.fr`, 'client', { company: `Globex ${stamp}` });
  const strangerExpert = await expert(`x${stamp}`, 9);
  assert.equal((await stranger.request.get(`${BASE_URL}${href}`)).status(), 404);
  assert.equal((await strangerExpert.context.request.get(`${BASE_URL}${href}`)).status(), 404);

  // The contract, drawn on acceptance, on both open pages.
  const contract = card.getByTestId('contract');
  const theirs = path.getByTestId('contract');
  await contract.waitFor();
  assert.equal(await contract.getAttribute('data-state'), 'awaiting_signatures');
  await theirs.waitFor({ timeout: 15_000 });
  const contractHref = await contract.getByTestId('contract-pdf').getAttribute('href');
  for (const who of [stranger, strangerExpert.context]) {
    assert.equal((await who.request.get(`${BASE_URL}${contractHref}`)).status(), 404, 'a stranger reads the contract');
  }

  /** Clicks a form's button and waits for its server function's answer. */
  async function submit(panel, testid, endpoint) {
    const answered = panel.page().waitForResponse((r) => r.url().includes(`/api/${endpoint}`));
    await panel.getByTestId(testid).click();
    return (await answered).status();
  }

  /** One side signs: opens the document, consents, reads the code on the SMTP server. */
  async function signAs(panel, context, email, { wrongFirst = false } = {}) {
    const opened = await context.request.get(`${BASE_URL}${contractHref}`);
    assert.equal(opened.status(), 200);
    await panel.getByTestId('contract-consent').check({ timeout: 15_000 });
    const before = smtp.received.length;
    assert.equal(await submit(panel, 'contract-request-code', 'contract_request_code'), 200);
    const mails = await smtp.until((r) => r.slice(before).some((m) => m.to.includes(email)), `the code for ${email}`);
    const mail = mails.slice(before).find((m) => m.to.includes(email)).mail;
    const code = mail.text.match(/(\d{6})\.\s/)[1];
    if (wrongFirst) {
      const wrong = code === '000000' ? '111111' : '000000';
      for (const left of [4, 3, 2, 1]) {
        await panel.getByTestId('contract-code').fill(wrong);
        assert.equal(await submit(panel, 'contract-sign', 'contract_sign'), 422);
        await panel.getByText(`Il vous reste ${left} essai`).waitFor();
      }
      // The fifth locks the code: even the right one no longer works; a new code does.
      await panel.getByTestId('contract-code').fill(wrong);
      assert.equal(await submit(panel, 'contract-sign', 'contract_sign'), 422);
      await panel.getByText('Trop d\'essais').waitFor();
      await panel.getByTestId('contract-code').fill(code);
      assert.equal(await submit(panel, 'contract-sign', 'contract_sign'), 422);
      return signAs(panel, context, email);
    }
    await panel.getByTestId('contract-code').fill(code);
    assert.equal(await submit(panel, 'contract-sign', 'contract_sign'), 200);
  }
  await signAs(theirs, chosen.context, chosen.email, { wrongFirst: true });
  await theirs.getByTestId('contract-signatures').locator('li[data-party="expert"]').waitFor();
  await signAs(contract, client, `devis.${stamp}@acme.fr`);
  await contract.getByTestId('contract-signed').waitFor();
  await theirs.getByTestId('contract-signed').waitFor({ timeout: 15_000 });

  // The final PDF: its fingerprint is the evidence's, its text the parties' and totals.
  const final = await client.request.get(`${BASE_URL}${contractHref}`);
  const finalBytes = await final.body();
  const finalText = words(execFileSync('pdftotext', ['-', '-'], { input: finalBytes }).toString());
  const signedHash = (await contract.getByText(/SHA-256/).textContent()).match(/[0-9a-f]{64}/)[0];
  assert.ok(finalText.includes(signedHash), 'the evidence page quotes the signed document');
  for (const expected of [company, chosen.lastName, 'Claire Cliente', '2\u202f040,00\u00a0€', '3 %', '3,92 € HT']) {
    assert.ok(finalText.includes(words(expected)), `${expected} not in the contract:\n${finalText}`);
  }
  const isFinal = (m) => m.mail.subject === `Contrat signé : ${title}` && m.to.includes(chosen.email);
  const finalMail = (await smtp.until((r) => r.some(isFinal), 'the signed contract')).find(isFinal);
  const attached = finalMail.mail.attachments[0];
  assert.equal(createHash('sha256').update(attached.content).digest('hex'), createHash('sha256').update(finalBytes).digest('hex'));

  // The verification page, without being signed in: the PDF as is, then one byte changed.
  const visitor = await shared.browser.newContext();
  const check = await visitor.newPage();
  async function verify(bytes) {
    await check.goto(`${BASE_URL}/verifier`);
    await check.getByTestId('verify-file').setInputFiles({ name: 'contrat.pdf', mimeType: 'application/pdf', buffer: bytes });
    await check.getByTestId('verify-submit').click();
    return check.getByTestId('verify-result').getAttribute('data-found');
  }
  assert.equal(await verify(finalBytes), 'signed');
  assert.match(await check.getByTestId('verify-signers').textContent(), /Claire Cliente/);
  const altered = Buffer.from(finalBytes);
  altered[Math.floor(altered.length / 2)] ^= 1;
  assert.equal(await verify(altered), 'unknown');

  // The client declares the mission contract signed; both open pages show it.
  await contract.getByTestId('mission-signed-on').fill(new Date().toISOString().slice(0, 10));
  await contract.getByTestId('mission-copy').setInputFiles({ name: 'mission.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await contract.getByTestId('mission-declare').click();
  await page.locator('[data-testid="mission"][data-state="signed"]').waitFor();
  await path.locator('[data-testid="mission"][data-state="signed"]').waitFor({ timeout: 15_000 });
  await path.getByTestId('timeline').locator('[data-event="mission_signed"]').waitFor({ state: 'attached' });

  // Billing: the advance was invoiced at the signature (3 % of 1 700 € = 51,00 € HT), the
  // final invoice when the mission contract was declared; the Factur-X PDF was mailed.
  const billing = await chosen.context.newPage();
  await billing.goto(`${BASE_URL}/facturation`);
  await waitForHydration(billing);
  const advance = billing.locator('[data-testid="invoice"][data-kind="advance"]');
  await advance.waitFor();
  await billing.locator('[data-testid="invoice"][data-kind="final"]').waitFor();
  assert.match(await advance.textContent(), /61,20\s€/);
  const advanceHref = await advance.getByTestId('invoice-pdf').getAttribute('href');
  const advancePdf = await (await chosen.context.request.get(`${BASE_URL}${advanceHref}`)).body();
  const advanceText = words(execFileSync('pdftotext', ['-', '-'], { input: advancePdf }).toString());
  for (const expected of ["Facture d'acompte", chosen.lastName, '51,00\u00a0€', 'TVA 20\u00a0%', '40 €']) {
    assert.ok(advanceText.includes(words(expected)), `${expected} not in the invoice:\n${advanceText}`);
  }
  const isInvoice = (m) => m.to.includes(chosen.email) && m.mail.attachments.some((a) => a.filename.startsWith('FA-'));
  await smtp.until((r) => r.some(isInvoice), 'the advance invoice');

  // The expert deposits the invoice sent to the client; due 30 days after the service.
  const today = new Date().toISOString().slice(0, 10);
  const due = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const deposit = billing.getByTestId('deposit');
  await deposit.locator('summary').click();
  await deposit.getByTestId('deposit-number').fill(`F-${stamp}`);
  await deposit.getByTestId('deposit-issued').fill(today);
  await deposit.getByTestId('deposit-service').fill(today);
  await deposit.getByTestId('deposit-ht').fill('1 700');
  await deposit.getByTestId('deposit-ttc').fill('2 040');
  await deposit.getByTestId('deposit-file').setInputFiles({ name: 'facture.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await deposit.getByTestId('deposit-submit').click();
  const deposited = billing.locator('[data-testid="mission-invoice"]');
  await deposited.waitFor();
  assert.equal(await deposited.getByTestId('mission-invoice-due').getAttribute('data-due'), due);
  assert.equal(await deposited.getAttribute('data-state'), 'unpaid');
  // Once past due, the expert sees the penalties the law gives (the due date moved back
  // ten days in the database stands for the clock moving on).
  await shared.db.query(`UPDATE mission_invoices SET due_on = current_date - 10, issued_on = current_date - 40,
                           service_on = current_date - 40 WHERE number = $1`, [`F-${stamp}`]);
  await billing.reload();
  const penalty = billing.getByTestId('penalty');
  await penalty.waitFor();
  assert.match(await penalty.textContent(), /\d+ jours.*12,15\s%.*40,00\s€/);

  // The client sees it without reloading, and confirms the payment.
  const received = page.getByTestId('client-missions').locator('[data-testid="mission-invoice"]');
  await received.waitFor({ timeout: 15_000 });
  await received.getByTestId('confirm-paid-on').fill(today);
  await received.getByTestId('confirm-paid').click();
  await page.locator('[data-testid="mission-invoice"][data-state="paid"]').waitFor({ timeout: 15_000 });
  // An admin imports the bank statement with the expert's transfer: the advance is paid.
  const reference = (await advance.getByTestId('payment-reference').textContent()).trim();
  const admin = await signedIn(`compta.${stamp}@b2bizen.fr`, 'admin');
  const desk = await admin.newPage();
  await desk.goto(`${BASE_URL}/admin/facturation`);
  await waitForHydration(desk);
  const camt = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>E2E-${stamp}</MsgId><CreDtTm>${today}T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>${stamp}</Id><Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">61.20</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${today}</Dt></BookgDt>
<NtryDtls><TxDtls><RmtInf><Strd><CdtrRefInf><Ref>${reference}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>`;
  await desk.getByTestId('statement-file').setInputFiles({ name: 'releve.xml', mimeType: 'application/xml', buffer: Buffer.from(camt) });
  await desk.getByTestId('statement-submit').click();
  await desk.getByTestId('import-report').waitFor();
  await billing.reload();
  await billing.locator('[data-testid="mission-invoice"][data-state="paid"]').waitFor();
  await billing.locator('[data-testid="invoice"][data-kind="advance"] [data-state="paid"]').waitFor();
  await billing.setViewportSize({ width: 390, height: 844 });
  assert.deepEqual(await layoutFaults(billing), [], billing.url());

  // On a phone, the quote, the contract and the mission fit the width on both sides.
  for (const p of [page, mine]) {
    await p.setViewportSize({ width: 390, height: 844 });
    assert.deepEqual(await layoutFaults(p), [], p.url());
  }
  await Promise.all([client.close(), plain.close(), stranger.close(), visitor.close(), admin.close(),
    chosen.context.close(), strangerExpert.context.close()]);
}
