#!/usr/bin/env node
// The front end's weight against its committed budget (scripts/front-budget.json).
//
//   scripts/front-budget.mjs PKG_DIR DOWNLOADS_JSON [--update]
//
// PKG_DIR is the pkg/ of a release build (wasm-opt, split, precompressed); DOWNLOADS_JSON
// lists, for each public page, the front-end files a browser fetched to hydrate it
// (written by end2end/tests/downloads.test.mjs). For each page it prints the brotli bytes
// of those files (what travels), and it prints the largest .wasm file raw (what the
// browser compiles). A figure over its budget fails; a figure well under it fails too,
// until the budget is lowered (`--update` writes the figures reached).
import fs from 'node:fs';
import path from 'node:path';

const [pkgDir, downloadsFile, flag] = process.argv.slice(2);
if (!pkgDir || !downloadsFile) {
  console.error('usage: front-budget.mjs PKG_DIR DOWNLOADS_JSON [--update]');
  process.exit(2);
}
const budgetFile = path.join(path.dirname(new URL(import.meta.url).pathname), 'front-budget.json');
const budget = JSON.parse(fs.readFileSync(budgetFile, 'utf8'));
const downloads = JSON.parse(fs.readFileSync(downloadsFile, 'utf8'));

// cargo-leptos names files `stem.<22 characters of hash>.ext`.
const HASHED = /^(.+)\.[A-Za-z0-9_-]{22}(\.(?:wasm|js))$/;
const built = new Map();
for (const file of fs.readdirSync(pkgDir)) {
  const m = file.match(HASHED);
  if (m) built.set(m[1] + m[2], file);
}

function brotliBytes(stem) {
  const file = built.get(stem);
  if (!file) throw new Error(`${stem}: fetched by a page but absent from ${pkgDir}`);
  const br = path.join(pkgDir, `${file}.br`);
  if (!fs.existsSync(br)) throw new Error(`${br} missing: build with --precompress`);
  return fs.statSync(br).size;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const failures = [];
// Two builds of the same sources differ by a few hundred brotli bytes: the main files
// embed the content-hashed names of the chunks, and those change from build to build
// (measured: 354 431 and 354 701 bytes for one commit). Heavier than the budget by more
// than this share fails…
const NOISE = 0.005;
// …and lighter by more than this share, the budget must follow the figure down.
const SLACK = 0.02;
const reached = { pages: {}, largest_chunk_raw: 0 };

function check(what, value, limit, goal) {
  const verdict = value > limit * (1 + NOISE) ? 'OVER BUDGET' : value < limit * (1 - SLACK) ? 'lower the budget' : 'ok';
  const goalNote = value <= goal ? 'goal met' : `goal ${kb(goal)}`;
  console.log(`${what.padEnd(34)} ${kb(value).padStart(10)}   budget ${kb(limit).padStart(10)}   ${goalNote.padEnd(16)} ${verdict}`);
  if (verdict !== 'ok') failures.push(`${what}: ${value} bytes, budget ${limit} (${verdict})`);
}

console.log('front-end weight (release build)');
for (const [page, limit] of Object.entries(budget.pages)) {
  const files = downloads[page];
  if (!files) throw new Error(`no downloads recorded for the page "${page}"`);
  const total = files.reduce((sum, stem) => sum + brotliBytes(stem), 0);
  reached.pages[page] = total;
  check(`${page}: initial JS + WASM, brotli`, total, limit.initial_brotli, budget.goal.initial_brotli);
}
let largest = ['', 0];
for (const file of built.values()) {
  if (!file.endsWith('.wasm')) continue;
  const size = fs.statSync(path.join(pkgDir, file)).size;
  if (size > largest[1]) largest = [file, size];
}
reached.largest_chunk_raw = largest[1];
check('largest .wasm, raw', largest[1], budget.largest_chunk_raw, budget.goal.largest_chunk_raw);
console.log(`  (${largest[0]}; ${[...built.keys()].filter((f) => f.endsWith('.wasm')).length} .wasm files)`);

if (flag === '--update') {
  for (const [page, total] of Object.entries(reached.pages)) budget.pages[page].initial_brotli = total;
  budget.largest_chunk_raw = reached.largest_chunk_raw;
  fs.writeFileSync(budgetFile, `${JSON.stringify(budget, null, 2)}\n`);
  console.log(`budget written to ${budgetFile}`);
} else if (failures.length) {
  console.error(`\nfront-end budget: ${failures.join('; ')}`);
  console.error('a page grew: make it lighter, or raise its budget in scripts/front-budget.json with the reason in the commit;');
  console.error('a page got lighter: run scripts/front-budget.mjs PKG_DIR DOWNLOADS_JSON --update and commit the new budget.');
  process.exit(1);
}
