// Sums twiggy's `top` (CSV on stdin) by crate, over the module's code and data. Left
// out: the names, and what wasm-bindgen reads then removes (its custom section and the
// `__wbindgen_describe*` functions): the shipped file keeps none of them.
// An item counts for the first crate its name mentions, so the serde code derived for
// our types counts for b2bizen, and `core::ptr::drop_in_place<T>` for T's crate.
import fs from 'node:fs';

const limit = Number(process.argv[2] ?? 10);

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const [header, ...rows] = parseCsv(fs.readFileSync(0, 'utf8'));
const nameAt = header.indexOf('Name');
const sizeAt = header.indexOf('ShallowSize');
const byCrate = new Map();
let total = 0;
for (const row of rows) {
  const name = row[nameAt] ?? '';
  const size = Number(row[sizeAt]);
  if (!Number.isFinite(size) || name.includes('function names') || name.startsWith('custom section')
      || name.includes('__wbindgen_describe')
      || name.startsWith('Σ') || name.startsWith('...')) continue;
  let owner;
  if (name.startsWith('data segment')) owner = `data ${name.slice(13)}`;
  else if (/^elem\[/.test(name)) owner = '(function tables)';
  else {
    const unwrapped = name.replace(/core(\[[0-9a-f]+\])?::ptr::drop_in_place</g, '');
    owner = unwrapped.match(/([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/)?.[1] ?? '(unnamed)';
  }
  byCrate.set(owner, (byCrate.get(owner) ?? 0) + size);
  total += size;
}
const top = [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, limit);
console.log(`code and data: ${(total / 1024).toFixed(0)} KB (before wasm-opt)`);
console.log('| rank | crate | KB | share |');
console.log('|---|---|---|---|');
top.forEach(([owner, size], i) =>
  console.log(`| ${i + 1} | ${owner} | ${(size / 1024).toFixed(0)} | ${(100 * size / total).toFixed(1)} % |`));
