// Shared e2e plumbing: Debian's Chromium (over CDP) and Firefox ESR (over WebDriver BiDi), both
// driven by puppeteer-core so that one harness and one set of flows tests both; the app served
// from dist/ or opened from file://; a record of every request, console error and CSP
// violation; real downloads into a folder per browser context; the axe-core audit; and page
// objects for the UI contract (../shared/docs/ui-contract.md) so tests read as what a user does.
//
// The flows were written against Playwright's locator API. playwright-core cannot drive a stock
// Firefox, so `DriverPage` and `Locator` below give puppeteer the small part of that API the
// flows use (auto-waiting reads and actions, selectOption, setInputFiles, waitForURL, dialogs,
// downloads), and every flow runs unchanged in both browsers.
import { after, before, test as nodeTest } from 'node:test';
import puppeteer from 'puppeteer-core';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const SINGLE_FILE = join(ROOT, 'dist/cohorte.html');
export const SCREENSHOTS = join(ROOT, 'target/screenshots');
const DOWNLOADS = join(ROOT, 'target/e2e-downloads');
const A11Y_REPORTS = join(ROOT, 'target/a11y');

/** The browsers every flow runs in; `COHORTE_BROWSERS=firefox` narrows a run while debugging. */
export const BROWSERS = (process.env.COHORTE_BROWSERS ?? 'chromium,firefox').split(',').map((b) => b.trim()).filter(Boolean);

const TIMEOUT = 20_000;
const POLL_MS = 50;

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic', '--no-first-run',
];

export function expected(name) {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8'));
}

/** Serves dist/ on a free loopback port; returns { url, close }. */
export async function serveDist() {
  const server = await startServer(join(ROOT, 'dist'), 0);
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

export const singleFileUrl = () => pathToFileURL(SINGLE_FILE).href;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The file's size, or null when it is not (or no longer) there. */
function sizeOf(path) {
  try {
    return statSync(path).size;
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw error;
  }
}

/** Calls `probe` until it returns something truthy; throws `what` after `timeout` ms. */
async function poll(probe, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms: ${what}`);
    await sleep(POLL_MS);
  }
}

// ---- Browsers

/** Launches one of BROWSERS; returns a `DriverBrowser`. No browser is ever downloaded. */
export async function launch(name) {
  if (name === 'chromium') {
    const raw = await puppeteer.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
    });
    return new DriverBrowser(name, raw);
  }
  if (name === 'firefox') {
    const raw = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
      headless: true,
      // puppeteer's profile turns this off so that automation can reach any local file; users
      // have it on, and it is what ties a file:// page's localStorage to the file's path.
      extraPrefsFirefox: { 'security.fileuri.strict_origin_policy': true },
    });
    return new DriverBrowser(name, raw);
  }
  throw new Error(`unknown browser ${name} (chromium, firefox)`);
}

let contextSerial = 0;

class DriverBrowser {
  constructor(name, raw) { this.name = name; this.raw = raw; }

  /** A fresh profile-like context (own storage) whose downloads land in their own folder. */
  async newContext({ viewport = { width: 1280, height: 900 } } = {}) {
    const downloads = join(DOWNLOADS, this.name, `${process.pid}-${++contextSerial}`);
    rmSync(downloads, { recursive: true, force: true });
    mkdirSync(downloads, { recursive: true });
    const raw = await this.raw.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: downloads } });
    return new DriverContext(this, raw, downloads, viewport);
  }

  close() { return this.raw.close(); }
}

class DriverContext {
  constructor(browser, raw, downloads, viewport) {
    Object.assign(this, { browser, raw, downloads, viewport });
    this.takenDownloads = 0;
  }

  async newPage() {
    const raw = await this.raw.newPage();
    await raw.setViewport(this.viewport);
    const page = new DriverPage(raw, this);
    await page.init();
    return page;
  }

  close() { return this.raw.close(); }
}

// ---- Page and locators (the part of Playwright's API the flows use)

// Runs in the page: every element a chain of steps designates, in document order.
const RESOLVE = `(steps) => {
  const fold = (text) => text.replace(/\\s+/g, ' ').trim().toLowerCase();
  let nodes = [document];
  for (const step of steps) {
    if (step.css !== undefined) {
      const found = new Set();
      for (const node of nodes) for (const element of node.querySelectorAll(step.css)) found.add(element);
      nodes = [...found].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    } else if (step.hasText !== undefined) {
      nodes = nodes.filter((node) => fold(node.textContent).includes(fold(step.hasText)));
    } else if (step.label !== undefined) {
      // Playwright's getByLabel: the controls whose <label> (wrapping, or by for=) has the text.
      const matches = (text) => (step.exact ? fold(text) === fold(step.label) : fold(text).includes(fold(step.label)));
      const found = new Set();
      for (const node of nodes) {
        for (const label of node.querySelectorAll('label')) {
          const control = label.control;
          if (control && matches(label.textContent)) found.add(control);
        }
        for (const control of node.querySelectorAll('[aria-label]')) {
          if (matches(control.getAttribute('aria-label'))) found.add(control);
        }
      }
      nodes = [...found].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    } else if (step.nth !== undefined) {
      nodes = step.nth < 0 ? nodes.slice(step.nth).slice(0, 1) : nodes.slice(step.nth, step.nth + 1);
    }
  }
  return nodes;
}`;

// Runs in the page: Playwright's notion of visible (a box, and not visibility: hidden).
const VISIBLE = `(element) => {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
}`;

const literal = (value) => (value === undefined ? 'undefined' : JSON.stringify(value));

export class Locator {
  constructor(page, steps) { this.page = page; this.steps = steps; }

  locator(css, { hasText } = {}) {
    const steps = [...this.steps, { css }];
    if (hasText !== undefined) steps.push({ hasText });
    return new Locator(this.page, steps);
  }

  getByLabel(label, { exact = false } = {}) { return new Locator(this.page, [...this.steps, { label, exact }]); }

  first() { return this.nth(0); }
  last() { return this.nth(-1); }
  nth(index) { return new Locator(this.page, [...this.steps, { nth: index }]); }

  toString() { return this.steps.map((s) => s.css ?? (s.hasText !== undefined ? `:has-text(${s.hasText})` : s.label !== undefined ? `:label(${s.label})` : `:nth(${s.nth})`)).join(' >> '); }

  // Page functions are sent as source text: the page's CSP forbids eval and new Function in
  // the page itself, and the drivers' own evaluation is not bound by it.
  #run(fnSource, arg) {
    return this.page.raw.evaluate(`(${fnSource})((${RESOLVE})(${literal(this.steps)}), ${literal(arg)})`);
  }

  async #wait(state = 'visible', timeout = TIMEOUT) {
    const probe = {
      attached: '(els) => els.length > 0',
      visible: `(els) => els.length > 0 && (${VISIBLE})(els[0])`,
      detached: '(els) => els.length === 0',
      hidden: `(els) => els.length === 0 || !(${VISIBLE})(els[0])`,
    }[state];
    await poll(() => this.#run(probe), `${this} to be ${state}`, timeout);
  }

  async #handle(state = 'visible') {
    await this.#wait(state);
    const handle = await this.page.raw.evaluateHandle(`(${RESOLVE})(${literal(this.steps)})[0]`);
    const element = handle.asElement();
    if (!element) throw new Error(`${this} is not an element`);
    return element;
  }

  waitFor({ state = 'visible', timeout } = {}) { return this.#wait(state, timeout); }
  count() { return this.#run('(els) => els.length'); }
  evaluateAll(fn, arg) { return this.#run(`(els, arg) => (${fn})(els, arg)`, arg); }
  async evaluate(fn, arg) { await this.#wait('attached'); return this.#run(`(els, arg) => (${fn})(els[0], arg)`, arg); }
  async textContent() { await this.#wait('attached'); return this.#run('(els) => els[0].textContent'); }
  async getAttribute(name) { await this.#wait('attached'); return this.#run('(els, name) => els[0].getAttribute(name)', name); }
  async inputValue() { await this.#wait('attached'); return this.#run('(els) => els[0].value'); }
  allTextContents() { return this.#run('(els) => els.map((el) => el.textContent)'); }
  isVisible() { return this.#run(`(els) => els.length > 0 && (${VISIBLE})(els[0])`); }
  async focus() { await this.#wait('attached'); await this.#run('(els) => els[0].focus()'); }
  async scrollIntoViewIfNeeded() { await this.#wait('attached'); await this.#run("(els) => els[0].scrollIntoView({ block: 'nearest' })"); }

  async click() {
    const element = await this.#handle('visible');
    try { await element.click(); } finally { await element.dispose(); }
  }

  /** Sets the value and fires `input` (and `change` for dates and the like), as Playwright does. */
  async fill(text) {
    await this.#wait('visible');
    await this.#run(`(els, text) => {
      const input = els[0];
      input.focus();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      if (!['text', 'search', 'email', 'url', 'tel', 'password', 'textarea'].includes(input.type)) {
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }`, text);
  }

  /** Selects the options whose value or label is given (none for `[]`), then input and change. */
  async selectOption(values) {
    const wanted = Array.isArray(values) ? values : [values];
    await poll(() => this.#run(`(els, wanted) => els[0] && wanted.every((w) => [...els[0].options].some((o) => o.value === w || o.label === w))`, wanted),
      `${this} to offer ${wanted.join(', ')}`);
    await this.#run(`(els, wanted) => {
      const select = els[0];
      for (const option of select.options) option.selected = wanted.includes(option.value) || wanted.includes(option.label);
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }`, wanted);
  }

  check() { return this.#setChecked(true); }
  uncheck() { return this.#setChecked(false); }
  async isChecked() { await this.#wait('attached'); return this.#run('(els) => els[0].checked'); }

  /** A real click when the box is not as wanted, as Playwright's check() and uncheck(). */
  async #setChecked(wanted) {
    const element = await this.#handle('visible');
    try {
      if ((await element.evaluate((el) => el.checked)) !== wanted) await element.click();
      if ((await element.evaluate((el) => el.checked)) !== wanted) throw new Error(`${this} did not become ${wanted ? 'checked' : 'unchecked'}`);
    } finally { await element.dispose(); }
  }

  /** Focuses the element, then presses `combo` (e.g. 'ArrowRight', 'Shift+Tab'). */
  async press(combo) {
    await this.focus();
    await this.page.keyboard.press(combo);
  }

  async setInputFiles(paths) {
    const element = await this.#handle('attached');
    try { await element.uploadFile(...(Array.isArray(paths) ? paths : [paths])); } finally { await element.dispose(); }
  }

  async screenshot({ path }) {
    const element = await this.#handle('visible');
    mkdirSync(dirname(path), { recursive: true });
    try { await element.screenshot({ path }); } finally { await element.dispose(); }
  }
}

/** Print media for Firefox, where BiDi has no media emulation: the page's own @media rules are
 *  rewritten in place (print → all, screen → speech, a type nothing renders), then put back. */
const EMULATE_PRINT = `(on) => {
  const saved = (window.__cohortePrintMedia ??= new Map());
  const lists = [];
  const walk = (rules) => {
    for (const rule of rules) {
      if (rule.media) lists.push(rule.media);
      if (rule.cssRules) walk(rule.cssRules);
    }
  };
  for (const sheet of document.styleSheets) { lists.push(sheet.media); walk(sheet.cssRules); }
  for (const media of lists) {
    if (on) {
      if (!/\\b(print|screen)\\b/.test(media.mediaText)) continue;
      saved.set(media, media.mediaText);
      media.mediaText = media.mediaText.replace(/\\bprint\\b/g, 'all').replace(/\\bscreen\\b/g, 'speech');
    } else if (saved.has(media)) {
      media.mediaText = saved.get(media);
    }
  }
  if (!on) saved.clear();
}`;

export class DriverPage {
  constructor(raw, context) {
    this.raw = raw;
    this.context = context;
    this.browserName = context.browser.name;
    this.dialogListeners = [];
    this.keyboard = { press: (combo) => this.#press(combo) };
  }

  async init() {
    // Playwright dismisses a dialog nobody listens for; puppeteer would leave the page blocked.
    this.raw.on('dialog', (dialog) => {
      const listeners = this.dialogListeners;
      this.dialogListeners = listeners.filter((l) => !l.once);
      if (listeners.length === 0) dialog.dismiss();
      for (const { fn } of listeners) fn(dialog);
    });
    // A CSP refusal is a console error in Chromium but not always one the driver sees in
    // Firefox: report every violation through the console, in both, so tests see them.
    await this.raw.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
      });
    });
  }

  on(event, fn) { if (event === 'dialog') this.dialogListeners.push({ fn }); else this.raw.on(event, fn); return this; }
  once(event, fn) { if (event === 'dialog') this.dialogListeners.push({ fn, once: true }); else this.raw.once(event, fn); return this; }

  locator(css, options) { return new Locator(this, []).locator(css, options); }
  evaluate(fn, arg) { return this.raw.evaluate(fn, arg); }
  url() { return this.raw.url(); }
  title() { return this.raw.title(); }
  goto(url) { return this.raw.goto(url); }
  reload() { return this.raw.reload(); }
  goBack() { return this.raw.goBack(); }
  goForward() { return this.raw.goForward(); }
  setViewportSize({ width, height }) { return this.raw.setViewport({ width, height }); }

  /** Playwright's argument order (fn, arg, options); polled from here, not with puppeteer's
   *  waitForFunction, which builds its predicate with new Function inside the page (CSP). */
  waitForFunction(fn, arg, { timeout } = {}) {
    return poll(() => this.raw.evaluate(fn, arg), `function ${String(fn).slice(0, 80)}`, timeout);
  }

  waitForURL(pattern, { timeout } = {}) {
    const matches = (href) => (pattern instanceof RegExp ? pattern.test(href) : pattern(new URL(href)));
    return poll(async () => matches(await this.raw.evaluate(() => location.href)), `URL to match ${pattern}`, timeout);
  }

  async screenshot({ path, fullPage = false }) {
    mkdirSync(dirname(path), { recursive: true });
    await this.raw.screenshot({ path, fullPage });
  }

  async emulateMedia({ media }) {
    if (this.browserName === 'chromium') await this.raw.emulateMediaType(media === 'screen' ? null : media);
    else await this.raw.evaluate(`(${EMULATE_PRINT})(${media === 'print'})`);
  }

  async pdf(options) { return Buffer.from(await this.raw.pdf(options)); }

  /** `Shift+Tab` and the like: modifiers held down around the last key. */
  async #press(combo) {
    const keys = combo.split('+');
    // Playwright's name for the space bar; puppeteer's BiDi keyboard (Firefox) knows only ' '.
    const key = keys.pop().replace(/^Space$/, ' ');
    for (const modifier of keys) await this.raw.keyboard.down(modifier);
    await this.raw.keyboard.press(key);
    for (const modifier of keys.reverse()) await this.raw.keyboard.up(modifier);
  }

  /** Only 'download': resolves once a new file is complete in the context's download folder. */
  waitForEvent(event, { timeout = TIMEOUT } = {}) {
    if (event !== 'download') throw new Error(`waitForEvent(${event}) is not supported`);
    const folder = this.context.downloads;
    const before = new Set(readdirSync(folder));
    const partial = (name) => /\.(part|crdownload)$/.test(name) || name.startsWith('.com.google.Chrome.');
    return poll(async () => {
      const names = readdirSync(folder).filter((name) => !before.has(name) && !name.startsWith('taken-'));
      const done = names.find((name) => !partial(name) && !names.some((other) => partial(other) && other.startsWith(name)));
      if (!done) return undefined;
      // Firefox may first write the file under a random name, then rename it: a file that
      // vanishes between two looks was not the download yet.
      const path = join(folder, done);
      const size = sizeOf(path);
      await sleep(100);
      if (size === null || sizeOf(path) !== size || readdirSync(folder).some((n) => partial(n) && n.startsWith(done))) return undefined;
      // Moved aside, so the next download of the same name is not renamed "name(1)".
      const taken = join(folder, `taken-${++this.context.takenDownloads}`);
      mkdirSync(taken);
      renameSync(path, join(taken, done));
      return { suggestedFilename: () => done, path: async () => join(taken, done) };
    }, `a download in ${folder}`, timeout);
  }
}

// ---- Cohorte's page object

/** A browser tab on Cohorte that records every request, console error and CSP violation. */
export class CohortePage {
  static async open(browser, url, { width = 1280, height = 900, context } = {}) {
    const ctx = context ?? (await browser.newContext({ viewport: { width, height } }));
    const page = await ctx.newPage();
    const cohorte = new CohortePage(page, ctx, url);
    await cohorte.goto();
    return cohorte;
  }

  constructor(page, context, url) {
    this.page = page;
    this.context = context;
    this.url = url;
    this.browserName = context.browser.name;
    this.requests = [];
    this.errors = [];
    page.on('request', (request) => this.requests.push(request.url()));
    page.on('console', (message) => { if (message.type() === 'error') this.errors.push(message.text()); });
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }

  async goto(hash = '') {
    await this.page.goto(this.url + hash);
    await this.page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
  }

  async reload() {
    await this.page.reload();
    await this.page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
  }

  testid(id) { return this.page.locator(`[data-testid="${id}"]`); }

  /** Picks files with the real <input type="file">, as a keyboard user would. */
  async pick(...names) {
    const before = await this.testid('import-result').count();
    await this.testid('file-input').setInputFiles(names.map((name) => join(FIXTURES, name)));
    await this.page.waitForFunction((n) => document.querySelectorAll('[data-testid="import-result"]').length >= n, names.length, { timeout: 20_000 });
    return before;
  }

  /** Drops files on the drop zone through a real DataTransfer, as a mouse user would. */
  async drop(...names) {
    const files = names.map((name) => ({ name: name.split('/').pop(), bytes: [...readFileSync(join(FIXTURES, name))] }));
    await this.testid('drop-zone').evaluate((zone, files) => {
      const transfer = new DataTransfer();
      for (const { name, bytes } of files) transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      }
    }, files);
    await this.page.waitForFunction((n) => document.querySelectorAll('[data-testid="import-result"]').length >= n, files.length, { timeout: 20_000 });
  }

  async importResults() {
    return this.testid('import-result').evaluateAll((items) => items.map((item) => ({
      file: item.dataset.file, status: item.dataset.status, text: item.textContent,
    })));
  }

  async openCampaign(id) {
    await this.page.locator(`[data-testid="campaign-row"][data-campaign-id="${id}"] a`).click();
    await this.testid('campaign-title').waitFor();
  }

  async campaignRows() {
    return this.testid('campaign-row').evaluateAll((rows) => rows.map((row) => ({
      id: row.dataset.campaignId, kind: row.dataset.kind, text: row.textContent,
    })));
  }

  async count(id) {
    const text = await this.testid(id).textContent();
    return Number(text.match(/\d+/)[0]);
  }

  async counts() {
    return {
      participants: await this.count('count-participants'),
      received: await this.count('count-received'),
      certifiable: await this.count('count-certifiable'),
      notCertifiable: await this.count('count-not-certifiable'),
      notSent: await this.count('count-not-sent'),
    };
  }

  async participantRows() {
    return this.testid('participant-row').evaluateAll((rows) => rows.map((row) => ({ ...row.dataset })));
  }

  /** Where a picture named `name` goes: target/screenshots/<browser>/<name>.png. */
  shotPath(name) { return join(SCREENSHOTS, this.browserName, `${name}.png`); }

  /** Full page by default; `{ fullPage: false }` keeps what a user sees first (long lists). */
  async screenshot(name, { fullPage = true } = {}) {
    await this.page.screenshot({ path: this.shotPath(name), fullPage });
  }

  // ---- Analysis tab (analysis.test.mjs)

  async openAnalysis() {
    await this.testid('tab-analysis').click();
    await this.testid('competence-coverage').waitFor();
  }

  /** One { competence, share } per bar of the coverage chart, in the order drawn. */
  async coverageBars() {
    return this.testid('coverage-bar').evaluateAll((bars) => bars.map((bar) => ({
      competence: bar.dataset.competence, share: Number(bar.dataset.share),
    })));
  }

  /** Prints the page on A4 as the browser itself does (print media); returns the PDF bytes. */
  async printPdf() {
    return this.page.pdf({ format: 'A4', printBackground: true, margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } });
  }

  // ---- Storage panel (storage.test.mjs)

  /** Every localStorage key and value, sorted by key. */
  async storedEntries() {
    return this.page.evaluate(() => Object.keys(localStorage).sort().map((key) => [key, localStorage.getItem(key)]));
  }

  /** What each campaign page shows: title, counters and every participant row. */
  async campaignViews() {
    const ids = (await this.campaignRows()).map((c) => c.id).sort();
    const views = {};
    for (const id of ids) {
      await this.goto(`#/campagne/${id}`);
      await this.testid('campaign-title').waitFor();
      if (await this.testid('page-size').count()) await this.testid('page-size').selectOption('100');
      views[id] = {
        title: await this.testid('campaign-title').textContent(),
        counts: await this.page.locator('[data-testid^="count-"]').evaluateAll((els) => els.map((el) => [el.dataset.testid, el.textContent])),
        rows: await this.participantRows(),
      };
    }
    await this.goto('#/');
    return views;
  }

  /** Clicks `testid` (a download button); returns the downloaded file's name and bytes. */
  async download(testid) {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.testid(testid).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  }

  /** Clicks "download a backup"; returns the file's name and text. */
  async downloadBackup() {
    const { name, bytes } = await this.download('backup-download');
    return { name, text: bytes.toString('utf8') };
  }

  /** Accepts the browser's confirmation dialog for the next action. */
  acceptNextDialog() {
    this.page.once('dialog', (dialog) => dialog.accept());
  }

  async eraseAll() {
    this.acceptNextDialog();
    await this.testid('erase-all').click();
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="campaign-row"]'));
  }

  /** Restores a backup file (path on disk); returns { status, text } of the panel's message. */
  async restoreBackup(path, mode = 'merge') {
    await this.testid(`restore-mode-${mode}`).check();
    // The panel clears its previous message as soon as a file is picked.
    await this.testid('backup-restore').setInputFiles(path);
    const message = this.testid('storage-message');
    await message.waitFor();
    return { status: await message.getAttribute('data-status'), text: await message.textContent() };
  }

  /** Every request that was not for the app itself. */
  foreignRequests() {
    return this.requests.filter((url) => !(url.startsWith(this.url) || url.startsWith('data:') || url.startsWith('blob:')));
  }
}

// ---- Accessibility audit

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core's WCAG 2.1 A and AA rules on what the page shows now; returns the violations as
 * { id, impact, help, targets } and writes them to target/a11y/<browser>/<label>.json.
 * axe is injected through the driver: the page's CSP refuses any script of its own.
 */
export async function audit(app, label) {
  const page = app.page ?? app;
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.raw.evaluate(AXE_SOURCE);
  const violations = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    .then((result) => result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary })),
    }))), WCAG_21_AA);
  const report = join(A11Y_REPORTS, page.browserName, `${label}.json`);
  mkdirSync(dirname(report), { recursive: true });
  writeFileSync(report, `${JSON.stringify(violations, null, 2)}\n`);
  return violations;
}

/** One line per violation and target, for an assertion message. */
export const describeViolations = (violations) => violations
  .flatMap((v) => v.targets.map((t) => `${v.id} (${v.impact}) ${t.target}: ${t.summary.replace(/\s+/g, ' ')}`)).join('\n');

// ---- PDF

/** Page count of a PDF, also when the page objects sit in compressed object streams (Firefox). */
export function pdfPageCount(pdf) {
  const text = pdf.toString('latin1');
  const chunks = [text];
  const stream = /stream\r?\n/g;
  let match;
  while ((match = stream.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try { chunks.push(inflateSync(pdf.subarray(start, end)).toString('latin1')); } catch { /* not Flate: images, fonts */ }
    stream.lastIndex = end + 'endstream'.length;
  }
  return chunks.reduce((n, chunk) => n + (chunk.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length, 0);
}

// ---- Tests: one browser of each kind and one server per test file

const env = { browser: undefined, browserName: undefined, server: undefined };
const launched = new Map();

/** The test file's shared state: `env.browser` is the browser of the test running now. */
export function useBrowserAndServer() {
  before(async () => { env.server = await serveDist(); });
  after(async () => {
    for (const browser of launched.values()) await (await browser).close();
    launched.clear();
    await env.server?.close();
  });
  return env;
}

function browserFor(name) {
  if (!launched.has(name)) launched.set(name, launch(name));
  return launched.get(name);
}

/** `node:test`'s test, run once in each of `browsers`, the browser's name first in its title. */
export function testIn(browsers, name, fn) {
  for (const browser of browsers.filter((b) => BROWSERS.includes(b))) {
    nodeTest(`[${browser}] ${name}`, async (t) => {
      env.browserName = browser;
      env.browser = await browserFor(browser);
      return fn(t);
    });
  }
}

/** Every flow runs in every browser: import `test` from here rather than from node:test. */
export const test = (name, fn) => testIn(BROWSERS, name, fn);

