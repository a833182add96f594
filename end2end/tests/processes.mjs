// Real parts a journey starts for itself: an SMTP server that keeps what it receives,
// and a second process of the application on the same database, which the journey may
// stop and start again (the suite's own server, started by scripts/test, never stops).
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** An SMTP server on a free local port; `received` fills with parsed messages. */
export async function startSmtpSink() {
  const received = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Waits until `accept` holds for the received messages; returns them. */
    async until(accept, what, timeout = 20_000) {
      const end = Date.now() + timeout;
      while (Date.now() < end) {
        if (accept(received)) return received;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the SMTP server did not receive ${what}; it has: ${received.map((m) => `${m.to} «${m.mail.subject}»`).join(', ')}`);
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A TCP port nobody listens on now. */
export async function freePort() {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Another process of the application on the suite's database, at `port`. `stop()` ends
 * it as an operator would (SIGTERM, the graceful shutdown), `start()` brings it back on
 * the same address.
 */
export function appProcess(port, extraEnv = {}) {
  const url = `http://127.0.0.1:${port}`;
  let child = null;
  let log = '';
  const env = {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL,
    SITE_ADDR: `127.0.0.1:${port}`,
    LEPTOS_SITE_ROOT: process.env.E2E_SITE_ROOT ?? path.join(ROOT, 'target', 'site'),
    B2BIZEN_DATA_DIR: process.env.E2E_DATA_DIR ?? path.join(ROOT, 'target', 'e2e-data'),
    RUST_LOG: 'warn,b2bizen=info',
    ...extraEnv,
  };
  const binary = process.env.SERVER_BIN ?? path.join(ROOT, 'target', 'debug', 'b2bizen');
  return {
    url,
    log: () => log,
    async start() {
      child = spawn(binary, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (d) => { log += d; });
      child.stderr.on('data', (d) => { log += d; });
      const end = Date.now() + 60_000;
      while (Date.now() < end) {
        if (child.exitCode !== null) throw new Error(`the second server exited: ${log}`);
        try {
          if ((await fetch(`${url}/healthz`)).ok) return;
        } catch { /* not listening yet */ }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`the second server did not become ready: ${log}`);
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
