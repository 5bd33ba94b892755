// Turns Trunk's output (HTML + JS glue + wasm + CSS files) into one self-contained HTML file
// that works from file:// (a USB stick): Chromium refuses to fetch() a .wasm from file://,
// so the wasm travels as base64 and boots through wasm-bindgen's async init with the bytes
// (initSync is refused on the main thread for large modules). The Content-Security-Policy
// then allows exactly the inlined script and style, by hash, and no connection at all.
//
// Usage: node scripts/single-file.mjs <trunk dist dir> <output html>
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';

const [distDir, output] = process.argv.slice(2);
if (!distDir || !output) {
  console.error('usage: node scripts/single-file.mjs <trunk dist dir> <output html>');
  process.exit(2);
}

const files = readdirSync(distDir);
const pick = (predicate, what) => {
  const found = files.filter(predicate);
  if (found.length !== 1) throw new Error(`expected one ${what} in ${distDir}, found: ${found.join(', ') || 'none'}`);
  return join(distDir, found[0]);
};
const wasmPath = pick((f) => f.endsWith('_bg.wasm'), 'wasm module');
const gluePath = pick((f) => f.endsWith('.js') && !f.includes('snippets'), 'JS glue');
let html = readFileSync(join(distDir, 'index.html'), 'utf8');

// Trunk's minified HTML leaves attribute values unquoted when it can: read both forms.
const attributes = (tag) => Object.fromEntries(
  [...tag.matchAll(/([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].slice(1).map((m) => [m[1], m[2] ?? m[3] ?? m[4] ?? '']),
);
// Stylesheets are inlined in the order index.html lists them; preloads and Trunk's loader
// point at files that will not exist next to the single file.
const styles = [];
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  const { rel, href } = attributes(tag);
  if (rel === 'stylesheet') {
    styles.push(readFileSync(join(distDir, href.replace(/^\//, '')), 'utf8'));
    return '';
  }
  return rel === 'modulepreload' || rel === 'preload' ? '' : tag;
});
html = html.replace(/<script type="?module"?[^>]*>[\s\S]*?<\/script>/g, '');

const glue = readFileSync(gluePath, 'utf8');
if (!/async function __wbg_init\b/.test(glue)) throw new Error('wasm-bindgen glue without __wbg_init: the boot code below needs updating');
const wasmBase64 = readFileSync(wasmPath).toString('base64');
// The benchmark's page (`./scripts/build bench`, cargo feature `bench`) times the real import
// functions from the page; the shipped build has none of them.
const benchNames = ['benchmarkImport', 'benchmarkImportOnly', 'benchmarkRoster', 'benchmarkSessions'];
const exported = benchNames.filter((name) => new RegExp(`export function ${name}\\b`).test(glue));
if (exported.length !== 0 && exported.length !== benchNames.length) throw new Error(`glue exports only ${exported.join(', ')} of ${benchNames.join(', ')}`);
const benchExports = exported.length ? `globalThis.cohorteBench = { ${benchNames.join(', ')} };\n` : '';
const script = `${glue}
// Uint8Array.fromBase64 (Chromium 140+, Firefox 133+) decodes natively; the fallback fills
// the array in a plain loop, cheaper than Uint8Array.from with a callback per byte.
const wasmBase64 = "${wasmBase64}";
let wasmBytes;
if (typeof Uint8Array.fromBase64 === 'function') {
  wasmBytes = Uint8Array.fromBase64(wasmBase64);
} else {
  const binary = atob(wasmBase64);
  wasmBytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) wasmBytes[i] = binary.charCodeAt(i);
}
await __wbg_init({ module_or_path: wasmBytes });
${benchExports}`;
const style = styles.join('\n');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
if (!html.includes('COHORTE_SCRIPT_HASHES') || !html.includes('COHORTE_STYLE_HASHES')) {
  throw new Error('index.html lost its Content-Security-Policy placeholders');
}
html = html
  .replace('COHORTE_SCRIPT_HASHES', sha256(script))
  .replace('COHORTE_STYLE_HASHES', sha256(style))
  .replace('</head>', () => `<style>${style}</style>\n</head>`)
  .replace('</body>', () => `<script type="module">${script}</script>\n</body>`);

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, html);
console.log(`${output}: ${(Buffer.byteLength(html) / 1024).toFixed(0)} Kio`);
