// Shared e2e plumbing: Debian's Chromium through playwright-core, the app served from dist/
// or opened from file://, a record of every request, and page objects for the UI contract
// (../shared/docs/ui-contract.md) so tests read as what a user does.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const SINGLE_FILE = join(ROOT, 'dist/cohorte.html');
export const SCREENSHOTS = join(ROOT, 'target/screenshots');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic', '--no-first-run',
];

export function expected(name) {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8'));
}

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Serves dist/ on a free loopback port; returns { url, close }. */
export async function serveDist() {
  const server = await startServer(join(ROOT, 'dist'), 0);
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

export const singleFileUrl = () => pathToFileURL(SINGLE_FILE).href;

/** A browser tab on Cohorte that records every request and every console error. */
export class CohortePage {
  static async open(browser, url, { width = 1280, height = 900, context } = {}) {
    const ctx = context ?? (await browser.newContext({ viewport: { width, height }, acceptDownloads: true }));
    const page = await ctx.newPage();
    const cohorte = new CohortePage(page, ctx, url);
    await cohorte.goto();
    return cohorte;
  }

  constructor(page, context, url) {
    this.page = page;
    this.context = context;
    this.url = url;
    this.requests = [];
    this.errors = [];
    page.on('request', (request) => this.requests.push(request.url()));
    page.on('console', (message) => { if (message.type() === 'error') this.errors.push(message.text()); });
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }

  async goto(hash = '') {
    await this.page.goto(this.url + hash);
    await this.page.waitForSelector('html[data-ready="true"]', { timeout: 20_000 });
  }

  async reload() {
    await this.page.reload();
    await this.page.waitForSelector('html[data-ready="true"]', { timeout: 20_000 });
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

  /** Full page by default; `{ fullPage: false }` keeps what a user sees first (long lists). */
  async screenshot(name, { fullPage = true } = {}) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
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

  /** Prints the page as Chromium would on A4 (print media); returns the PDF bytes. */
  async printPdf() {
    await this.page.emulateMedia({ media: 'print' });
    const pdf = await this.page.pdf({ format: 'A4', printBackground: true, margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } });
    await this.page.emulateMedia({ media: 'screen' });
    return pdf;
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

  /** Clicks "download a backup"; returns the file's name and text. */
  async downloadBackup() {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.testid('backup-download').click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
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

/**
 * One Chromium and one server on dist/ for a test file: call at the top level, read
 * `env.browser` and `env.server.url` inside the tests.
 */
export function useBrowserAndServer() {
  const env = { browser: undefined, server: undefined };
  before(async () => {
    env.browser = await launch();
    env.server = await serveDist();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
