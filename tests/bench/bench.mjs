// Cohorte's benchmark: measured side by side in one run, on this machine, and printed as a table
// with PASS/FAIL against the budgets; every figure also goes to target/bench.json.
// Not part of the test run (only its --smoke form is): `./scripts/bench`.
//
//   import       the app's real import (wasm, in Chromium) vs PapaParse's bare parse of the same
//                text in the same page vs the same Rust import compiled natively
//   interaction  filter / sort / page change → updated table, 20,000-participant campaign
//   capacity     participant rows stored before the localStorage quota refuses an import
//   size         wasm + js + css of the release build, raw and gzip; the wasm alone; the
//                single-file HTML; beside it, the bench page's wasm (feature `bench`)
//   cold start   navigation → html[data-ready="true"] for the single file over file://
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, ROOT, SINGLE_FILE } from '../e2e/harness.mjs';

const smoke = process.argv.includes('--smoke');
// `--only=import,roster,sessions,interaction,size,cold,capacity` runs some sections, to iterate on one budget;
// its figures go to target/bench-partial.json (--smoke: bench-smoke.json), so that
// target/bench.json stays a full run.
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;
const runs = (section) => !only || only.has(section);
const SIZES = smoke ? [2_000] : [5_000, 20_000, 50_000];
const INTERACTION_ROWS = smoke ? 2_000 : 20_000;
const ROSTER_ROWS = 2_000;
// PapaParse's timing varies much from run to run on a busy machine: eleven runs steady the median.
const RUNS = smoke ? 3 : 11;
const BENCH_DIR = join(ROOT, 'target/bench');
// The import and roster timings call the benchmark* functions, which only the bench page has
// (`./scripts/build bench`, cargo feature `bench`); the interaction and the cold start run on
// the shipped single file.
const BENCH_PAGE = 'target/bench/cohorte-bench.html';
mkdirSync(BENCH_DIR, { recursive: true });

const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1), runs: sorted.length };
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;

function generate(kind, rows) {
  const path = join(BENCH_DIR, `${kind}-${rows}.${kind === 'roster' ? 'zip' : 'csv'}`);
  if (!existsSync(path)) {
    // Where cargo put the example: a shared CARGO_TARGET_DIR, else the project's own target/.
    const targetDir = process.env.CARGO_TARGET_DIR ? resolve(ROOT, process.env.CARGO_TARGET_DIR) : join(ROOT, 'target');
    const bytes = execFileSync(join(targetDir, 'release/examples/generate'), [kind, String(rows), '2025'], { maxBuffer: 1 << 30 });
    writeFileSync(path, bytes);
  }
  return path;
}

const results = { date: new Date().toISOString(), machine: `${(await import('node:os')).cpus().length} cœurs`, smoke, import: [], interaction: {}, capacity: {}, size: {}, cold_start: {} };

// Native reference (cargo bench writes its own JSON).
const nativeJson = join(BENCH_DIR, 'native.json');
if (!smoke && runs('import')) {
  execFileSync('cargo', ['bench', '--quiet', '--bench', 'import'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, COHORTE_BENCH_JSON: nativeJson } });
}
const native = existsSync(nativeJson) && !smoke ? JSON.parse(readFileSync(nativeJson, 'utf8')) : [];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const server = await startServer(ROOT, 0);
const base = `http://127.0.0.1:${server.address().port}/`;
try {
  // 1. Import throughput. CSP is bypassed in this page only, to load PapaParse and fetch the files.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${base}${BENCH_PAGE}`);
  await page.waitForSelector('html[data-ready="true"]');
  await page.addScriptTag({ path: join(ROOT, 'node_modules/papaparse/papaparse.min.js') });
  for (const rows of runs('import') ? SIZES : []) {
    const file = `target/bench/${generate('profiles', rows).split('/').pop()}`;
    const figure = await page.evaluate(async ({ url, runs, rows }) => {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      const time = (work) => { const t0 = performance.now(); work(); return performance.now() - t0; };
      const wasm = [];
      const papa = [];
      const importOnly = [];
      const imported = globalThis.cohorteBench.benchmarkImport(bytes);
      if (imported !== rows) throw new Error(`imported ${imported} rows, expected ${rows}`);
      const importedOnly = globalThis.cohorteBench.benchmarkImportOnly(bytes);
      if (importedOnly !== rows) throw new Error(`imported ${importedOnly} rows alone, expected ${rows}`);
      const parsed = Papa.parse(text, { delimiter: ';' }).data.length;
      for (let i = 0; i < runs; i++) {
        wasm.push(time(() => globalThis.cohorteBench.benchmarkImport(bytes)));
        papa.push(time(() => Papa.parse(text, { delimiter: ';' })));
        importOnly.push(time(() => globalThis.cohorteBench.benchmarkImportOnly(bytes)));
      }
      return { bytes: bytes.length, wasm, papa, importOnly, parsed };
    }, { url: base + file, runs: RUNS, rows });
    const megabytes = figure.bytes / 1e6;
    const wasm = stats(figure.wasm);
    const papa = stats(figure.papa);
    const importOnly = stats(figure.importOnly);
    const nativeFigure = native.find((n) => n.kind === 'profiles' && n.rows === rows);
    results.import.push({
      rows, megabytes,
      wasm_ms: wasm, papaparse_ms: papa,
      wasm_mb_s: megabytes / (wasm.median / 1e3),
      papaparse_mb_s: megabytes / (papa.median / 1e3),
      // The import without the campaign page's lines: shown, the budget is on the full work.
      import_only_ms: importOnly,
      import_only_mb_s: megabytes / (importOnly.median / 1e3),
      native_mb_s: nativeFigure?.mb_per_s ?? null,
    });
  }
  // The school roster: a SIECLE zip of 2,000 students read, keyed and joined to a
  // 2,000-participant export, as the campaign page does when a roster is stored.
  if (runs('roster')) {
    const exportFile = `target/bench/${generate('profiles', ROSTER_ROWS).split('/').pop()}`;
    const zipFile = `target/bench/${generate('roster', ROSTER_ROWS).split('/').pop()}`;
    const samples = await page.evaluate(async ({ exportUrl, zipUrl, runs }) => {
      const exportBytes = new Uint8Array(await (await fetch(exportUrl)).arrayBuffer());
      const zip = new Uint8Array(await (await fetch(zipUrl)).arrayBuffer());
      globalThis.cohorteBench.benchmarkRoster(zip, exportBytes);
      const out = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        globalThis.cohorteBench.benchmarkRoster(zip, exportBytes);
        out.push(performance.now() - t0);
      }
      return out;
    }, { exportUrl: base + exportFile, zipUrl: base + zipFile, runs: RUNS });
    results.roster = { rows: ROSTER_ROWS, ...stats(samples) };
  }
  // Certification sessions: the proposal for a lycée of 1,500 students, 12 rooms and 40
  // slots, within one frame.
  if (runs('sessions')) {
    const samples = await page.evaluate(({ runs }) => {
      const placed = globalThis.cohorteBench.benchmarkSessions(1500, 12, 40);
      if (placed !== 1500) throw new Error(`placed ${placed} students, expected 1500`);
      const out = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        globalThis.cohorteBench.benchmarkSessions(1500, 12, 40);
        out.push(performance.now() - t0);
      }
      return out;
    }, { runs: RUNS });
    results.sessions = { students: 1500, rooms: 12, slots: 40, ...stats(samples) };
  }
  await context.close();

  // 2. Interaction on a large campaign, through the UI, CSP on.
  if (runs('interaction')) results.interaction = await measureInteraction(browser, base, generate('profiles', INTERACTION_ROWS));

  // 4. Size.
  if (runs('size')) {
    const trunkDist = join(ROOT, 'target/trunk-dist');
    const shipped = readdirSync(trunkDist).filter((f) => /\.(wasm|js|css)$/.test(f));
    let raw = 0;
    let gzip = 0;
    for (const f of shipped) {
      const bytes = readFileSync(join(trunkDist, f));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    const single = readFileSync(SINGLE_FILE);
    const wasmOf = (dir) => {
      const bytes = readFileSync(join(ROOT, dir, readdirSync(join(ROOT, dir)).find((f) => f.endsWith('_bg.wasm'))));
      return { kb: bytes.length / 1024, gzip_kb: gzipSync(bytes, { level: 9 }).length / 1024 };
    };
    results.size = {
      files: shipped, raw_kb: raw / 1024, gzip_kb: gzip / 1024,
      wasm: wasmOf('target/trunk-dist'),
      // Not shipped: what the benchmark functions and the synthetic files would add.
      bench_page_wasm: wasmOf('target/trunk-dist-bench'),
      single_file_kb: single.length / 1024, single_file_gzip_kb: gzipSync(single, { level: 9 }).length / 1024,
    };
  }

  // 5. Cold start of the single file from file://, fresh profile each time (nothing cached).
  const starts = [];
  for (let i = 0; i < (runs('cold') ? RUNS : 0); i++) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(pathToFileURL(SINGLE_FILE).href);
    await p.waitForSelector('html[data-ready="true"]');
    starts.push(await p.evaluate(() => performance.getEntriesByName('cohorte-ready')[0]?.startTime ?? performance.now()));
    await ctx.close();
  }
  if (starts.length) results.cold_start = stats(starts);
} finally {
  await browser.close();
  server.close();
}

// 3. Capacity: the store's own browser test fills localStorage until the quota refuses an
// import and prints the rows it reached (tests/web_store_capacity.rs).
results.capacity = { rows: null };
if (!smoke && runs('capacity')) {
  // No --quiet: cargo forwards it to wasm-bindgen-test-runner 0.2.130, which refuses it.
  const output = execFileSync('cargo', ['test', '--target', 'wasm32-unknown-unknown', '--test', 'web_store_capacity', '--', '--nocapture'], {
    env: { ...process.env, CARGO_PROFILE_DEV_DEBUG: '0', WASM_BINDGEN_TEST_WEBDRIVER_JSON: join(ROOT, 'tests/webdriver.json') },
    encoding: 'utf8',
  });
  const match = output.match(/capacité : (\d+) lignes/);
  results.capacity = { rows: match ? Number(match[1]) : null, line: match ? output.split('\n').find((l) => l.includes('capacité')) : output.slice(-500) };
}

async function measureInteraction(browser, base, csvPath) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await ctx.newPage();
  await p.goto(`${base}dist/cohorte.html`);
  await p.waitForSelector('html[data-ready="true"]');
  await p.locator('[data-testid="file-input"]').setInputFiles(csvPath);
  const status = await p.locator('[data-testid="import-result"]').getAttribute('data-status', { timeout: 60_000 });
  if (status !== 'ok') {
    const text = await p.locator('[data-testid="import-result"]').textContent();
    await ctx.close();
    return { error: text };
  }
  await p.locator('[data-testid="campaign-row"] a').first().click();
  await p.waitForSelector('[data-testid="participant-row"]');
  // Each action: time from the event to the frame after the table changed.
  const act = (action) => p.evaluate(async (action) => {
    const table = document.querySelector('[data-testid="participant-row"]').closest('tbody');
    const changed = new Promise((resolve) => new MutationObserver((_, obs) => { obs.disconnect(); resolve(); }).observe(table, { childList: true, subtree: true, characterData: true, attributes: true }));
    const t0 = performance.now();
    if (action.select) {
      const select = document.querySelector(`[data-testid="${action.select}"]`);
      select.value = action.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (action.search !== undefined) {
      const input = document.querySelector('[data-testid="filter-search"]');
      input.value = action.search;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    } else {
      document.querySelector(action.click).click();
    }
    await changed;
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    return performance.now() - t0;
  }, action);
  const actions = {
    filter_status: [{ select: 'filter-certifiability', value: 'not-certifiable' }, { select: 'filter-certifiability', value: 'all' }],
    search: [{ search: 'ma' }, { search: '' }],
    sort_score: [{ click: 'th:nth-child(5) button.sort' }, { click: 'th:nth-child(5) button.sort' }],
    page_next: [{ click: '[data-testid="page-next"]' }, { click: '[data-testid="page-prev"]' }],
    page_size: [{ select: 'page-size', value: '100' }, { select: 'page-size', value: '50' }],
  };
  const figures = {};
  for (const [name, pair] of Object.entries(actions)) {
    const samples = [];
    for (let i = 0; i < RUNS; i++) for (const action of pair) samples.push(await act(action));
    figures[name] = stats(samples);
  }
  await ctx.close();
  return { participants_rows: INTERACTION_ROWS, ...figures };
}

// Budgets and the table. A section that did not run (--only) has no budget line.
const largest = results.import.at(-1);
const worstInteraction = Math.max(...Object.values(results.interaction).filter((v) => v && v.median !== undefined).map((v) => v.median));
const budget = (value, limit, unit, atLeast) => ({ value, budget: limit, unit, pass: value === null ? null : atLeast ? value >= limit : value <= limit });
results.budgets = {};
if (largest) {
  results.budgets.import_vs_papaparse = budget(largest.wasm_mb_s / largest.papaparse_mb_s, 4, '× PapaParse', true);
  results.budgets.wasm_vs_native = budget(largest.native_mb_s ? largest.wasm_mb_s / largest.native_mb_s : null, 0.5, '× natif', true);
}
if (runs('interaction')) results.budgets.interaction = budget(Number.isFinite(worstInteraction) ? worstInteraction : null, 50, 'ms (pire médiane)', false);
if (runs('capacity') && !smoke) results.budgets.capacity = budget(results.capacity.rows, 150000, 'lignes', true);
// The shipped size has no budget (users open Cohorte from disk or a school server, where
// 50 KB are not felt): it is printed, to keep it lean by design.
if (runs('roster')) results.budgets.roster = budget(results.roster.median, 200, 'ms (liste SIECLE + jointure)', false);
if (runs('sessions')) results.budgets.sessions = budget(results.sessions.median, 16, 'ms (sessions : 1 500 élèves, 12 salles, 40 créneaux)', false);
if (runs('cold')) results.budgets.cold_start = budget(results.cold_start.median, 300, 'ms', false);
// The short and partial runs keep out of target/bench.json, the last full run's figures.
const output = only ? 'target/bench-partial.json' : smoke ? 'target/bench-smoke.json' : 'target/bench.json';
writeFileSync(join(ROOT, output), JSON.stringify(results, null, 2));

console.log(`\nCohorte — banc d'essai ${smoke ? '(version courte) ' : ''}du ${results.date.slice(0, 10)}, ${results.machine}`);
if (largest) {
  console.log('\nimport (médiane de ' + RUNS + ' essais)');
  console.log('lignes     Mo   wasm Mo/s   PapaParse Mo/s   natif Mo/s   wasm/PapaParse   wasm/natif   import seul Mo/s   import seul/PapaParse');
  for (const r of results.import) {
    console.log(`${String(r.rows).padStart(6)} ${r.megabytes.toFixed(1).padStart(6)} ${r.wasm_mb_s.toFixed(0).padStart(11)} ${r.papaparse_mb_s.toFixed(0).padStart(16)} ${(r.native_mb_s?.toFixed(0) ?? '—').padStart(12)} ${(r.wasm_mb_s / r.papaparse_mb_s).toFixed(2).padStart(16)} ${(r.native_mb_s ? (r.wasm_mb_s / r.native_mb_s).toFixed(2) : '—').padStart(12)} ${r.import_only_mb_s.toFixed(0).padStart(18)} ${(r.import_only_mb_s / r.papaparse_mb_s).toFixed(2).padStart(23)}`);
  }
}
if (runs('interaction')) {
  console.log(`\ninteraction (${INTERACTION_ROWS} participants)`);
  for (const [name, v] of Object.entries(results.interaction)) {
    if (v && v.median !== undefined) console.log(`  ${name.padEnd(14)} médiane ${fmt(v.median)} (min ${fmt(v.min)}, max ${fmt(v.max)})`);
    else if (name === 'error') console.log(`  erreur : ${v}`);
  }
}
if (runs('size')) {
  const { wasm, bench_page_wasm: benchWasm } = results.size;
  console.log(`\ntaille livrée : ${results.size.raw_kb.toFixed(0)} Ko brut, ${results.size.gzip_kb.toFixed(0)} Ko gzip (${results.size.files.join(', ')}); fichier unique ${results.size.single_file_kb.toFixed(0)} Ko (${results.size.single_file_gzip_kb.toFixed(0)} Ko gzip)`);
  console.log(`wasm livré : ${wasm.kb.toFixed(0)} Ko (${wasm.gzip_kb.toFixed(0)} Ko gzip) ; wasm de la page du banc (feature bench, non livré) : ${benchWasm.kb.toFixed(0)} Ko (${benchWasm.gzip_kb.toFixed(0)} Ko gzip)`);
}
if (runs('cold')) console.log(`démarrage à froid (file://) : médiane ${fmt(results.cold_start.median)} (min ${fmt(results.cold_start.min)}, max ${fmt(results.cold_start.max)})`);
if (runs('roster')) console.log(`liste des élèves (zip SIECLE de ${results.roster.rows} élèves + jointure à ${results.roster.rows} participants) : médiane ${fmt(results.roster.median)} (min ${fmt(results.roster.min)}, max ${fmt(results.roster.max)})`);
if (runs('sessions')) console.log(`sessions de certification (${results.sessions.students} élèves, ${results.sessions.rooms} salles, ${results.sessions.slots} créneaux) : médiane ${fmt(results.sessions.median)} (min ${fmt(results.sessions.min)}, max ${fmt(results.sessions.max)})`);
if (runs('capacity') && !smoke) console.log(`capacité : ${results.capacity.rows ?? '—'} lignes de participants stockées`);
console.log('\nbudgets');
for (const [name, b] of Object.entries(results.budgets)) {
  const value = b.value === null ? '—' : b.value.toFixed(2);
  // No figure (the short run has no native reference): neither PASS nor FAIL.
  const verdict = b.pass === null ? '—' : b.pass ? 'PASS' : 'FAIL';
  console.log(`  ${verdict.padEnd(5)} ${name.padEnd(20)} ${value} ${b.unit} (budget ${b.budget})`);
}
console.log(`\n→ ${output}`);
