// After Trunk, before terser and the single file: two size trims of Trunk's output that the
// 250 KB gzip budget needs (scripts/build).
//
// - The stylesheets (tokens, app, print) become one file: one gzip stream instead of three,
//   ≈0.4 KB less. The sources stay apart in style/.
// - The JS classes of server_fn's browser streams (`IntoUnderlying*`) leave the glue: their
//   wasm exports are removed by wasm-opt in scripts/build, and an app without a server never
//   creates one.
// - The names that tie the wasm to its glue become short. wasm-bindgen names each import
//   after the JS function plus a 16-digit hash (`__wbg_removeItem_6db621e167d16a1c`, 160 of
//   them) and each closure shim after its Rust types (up to 250 characters); both files
//   carry them, and hashes do not compress: 5.4 KB gzip (measured). The hashed names are unique, so
//   renaming them in the glue's text is exact.
//
// Usage: node scripts/post-build.mjs <trunk dist dir>
import { readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { shortenWasmNames } from './wasm-names.mjs';
import { join } from 'node:path';

const [distDir] = process.argv.slice(2);
if (!distDir) {
  console.error('usage: node scripts/post-build.mjs <trunk dist dir>');
  process.exit(2);
}

const indexPath = join(distDir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const sheets = [];
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  if (!/\brel="?stylesheet"?/.test(tag)) return tag;
  const href = tag.match(/\bhref="?\/?([^"\s>]+)"?/)[1];
  sheets.push(href);
  // The first stylesheet's place, without Trunk's integrity hash of the old file.
  return sheets.length === 1 ? '<link href=/cohorte.css rel=stylesheet>' : '';
});
if (sheets.length === 0) throw new Error(`no stylesheet linked from ${indexPath}`);
const css = sheets.map((href) => readFileSync(join(distDir, href), 'utf8')).join('\n');
writeFileSync(join(distDir, 'cohorte.css'), css);
for (const href of sheets) unlinkSync(join(distDir, href));
writeFileSync(indexPath, html);

const gluePath = join(distDir, 'cohorte.js');
const glue = readFileSync(gluePath, 'utf8');
const trimmed = glue.replace(
  /export class (IntoUnderlying\w+)\s*\{[\s\S]*?\n\}\n(?:if \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n)?/g,
  '',
);
const wasmPath = join(distDir, 'cohorte_bg.wasm');
const wasm = readFileSync(wasmPath);
const shortened = shortenWasmNames(wasm, trimmed);
writeFileSync(gluePath, shortened.glue);
writeFileSync(wasmPath, shortened.wasm);
console.log(`${distDir}: ${sheets.join(' + ')} → cohorte.css; ${(glue.length - trimmed.length)} bytes of unused glue removed; ${shortened.renamed} wasm names shortened (wasm ${wasm.length - shortened.wasm.length} bytes less)`);
