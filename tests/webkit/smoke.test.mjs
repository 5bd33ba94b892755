// WebKit smoke run (Safari's engine): WebKitGTK's MiniBrowser, driven by Debian's
// WebKitWebDriver under xvfb-run (MiniBrowser needs a display even headless), over plain W3C
// WebDriver HTTP requests: puppeteer-core, which the e2e tier uses, does not drive WebKit. The
// served build and the single file from file:// each take an export through the real file
// input, open the campaign, switch tabs and survive a reload. The full flows stay in
// tests/e2e/ (Chromium and Firefox ESR); this guards the third engine on every change.
//
// `node --test tests/webkit/` after ./scripts/build; ./scripts/test runs it after the e2e tier.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FIXTURES, SCREENSHOTS, expected, serveDist, singleFileUrl } from '../e2e/harness.mjs';

const DRIVER = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const FIXTURE = 'collecte-3e-sco-2025';
const TIMEOUT = 20_000;
// The W3C WebDriver key of an element reference.
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free loopback port for the driver. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Calls `probe` until it returns something truthy; throws `what` after `timeout` ms. */
async function poll(probe, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`WebKit: timed out after ${timeout} ms: ${what}`);
    await sleep(100);
  }
}

class WebDriver {
  constructor(base) { this.base = base; }

  async request(method, path, body) {
    const response = await fetch(this.base + path, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error} ${json.value?.message}`);
    return json.value;
  }

  async newSession() {
    const value = await this.request('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        },
      },
    });
    this.session = `/session/${value.sessionId}`;
  }

  session_(method, path, body) { return this.request(method, this.session + path, body); }
  go(url) { return this.session_('POST', '/url', { url }); }
  refresh() { return this.session_('POST', '/refresh', {}); }
  url() { return this.session_('GET', '/url'); }
  script(source, ...args) { return this.session_('POST', '/execute/sync', { script: source, args }); }
  quit() { return this.session_('DELETE', ''); }

  /** The first element matching `css`, once there. */
  find(css) {
    return poll(async () => {
      const found = await this.session_('POST', '/elements', { using: 'css selector', value: css });
      return found[0]?.[ELEMENT];
    }, css);
  }

  click(element) { return this.session_('POST', `/element/${element}/click`, {}); }
  attribute(element, name) { return this.session_('GET', `/element/${element}/attribute/${name}`); }
  text(element) { return this.session_('GET', `/element/${element}/text`); }
  /** Element Send Keys on an <input type="file"> picks that file. */
  pickFile(element, path) { return this.session_('POST', `/element/${element}/value`, { text: path }); }

  async screenshot(name) {
    const dir = join(SCREENSHOTS, 'webkit');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.png`), Buffer.from(await this.session_('GET', '/screenshot'), 'base64'));
  }
}

let driverProcess;
let driver;
let served;

before(async () => {
  const port = await freePort();
  // Its own process group, so that xvfb-run, Xvfb and the driver all stop together.
  driverProcess = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', DRIVER, `--port=${port}`], { detached: true, stdio: 'ignore' });
  driver = new WebDriver(`http://127.0.0.1:${port}`);
  await poll(async () => (await driver.request('GET', '/status')).ready, 'WebKitWebDriver ready');
  await driver.newSession();
  // The e2e tier's desktop width, so the screenshots compare.
  await driver.session_('POST', '/window/rect', { width: 1280, height: 900 });
  served = await serveDist();
});

after(async () => {
  await driver?.quit().catch(() => {});
  await served?.close();
  if (driverProcess?.pid) {
    try {
      process.kill(-driverProcess.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
});

const ready = (webkit) => webkit.find('html[data-ready="true"]');

/** What the app reports about itself: its error banners, and whether storage holds the import. */
const health = (webkit) => webkit.script(`return {
  errors: [...document.querySelectorAll('[data-testid="app-error"]')].map((banner) => banner.textContent),
  stored: Object.keys(localStorage).filter((key) => key.startsWith('cohorte.')).length,
};`);

/** Imports the fixture through the file input, opens its campaign, switches tabs, reloads. */
async function importAndBrowse(webkit, origin, shot) {
  const want = expected(FIXTURE);
  await webkit.go(origin);
  await ready(webkit);
  await webkit.pickFile(await webkit.find('[data-testid="file-input"]'), join(FIXTURES, `${FIXTURE}.csv`));
  const result = await webkit.find('[data-testid="import-result"]');
  assert.equal(await webkit.attribute(result, 'data-status'), 'ok', await webkit.text(result));
  assert.equal(await webkit.attribute(result, 'data-file'), `${FIXTURE}.csv`);

  const row = await webkit.find(`[data-testid="campaign-row"][data-campaign-id="${want.campaign_id}"]`);
  assert.match(await webkit.text(row), new RegExp(want.campaign_name));
  await webkit.click(await webkit.find(`[data-testid="campaign-row"][data-campaign-id="${want.campaign_id}"] a`));
  const title = await webkit.find('[data-testid="campaign-title"]');
  assert.match(await webkit.text(title), new RegExp(want.campaign_name));
  const count = async (id) => Number((await webkit.text(await webkit.find(`[data-testid="${id}"]`))).match(/\d+/)[0]);
  assert.equal(await count('count-participants'), want.participants);
  assert.equal(await count('count-certifiable'), want.certifiable);
  assert.equal(await webkit.attribute(await webkit.find('[data-testid="tab-participants"]'), 'aria-selected'), 'true');
  await webkit.find('[data-testid="participant-row"]');
  await webkit.screenshot(`${shot}-participants`);

  await webkit.click(await webkit.find('[data-testid="tab-todo"]'));
  await webkit.find('[data-testid="panel-todo"]');
  assert.equal(await webkit.attribute(await webkit.find('[data-testid="tab-todo"]'), 'aria-selected'), 'true');
  assert.match(await webkit.url(), new RegExp(`#/campagne/${want.campaign_id}/a-faire$`));

  await webkit.refresh();
  await ready(webkit);
  await webkit.find('[data-testid="panel-todo"]');
  assert.equal(await webkit.attribute(await webkit.find('[data-testid="tab-todo"]'), 'aria-selected'), 'true', 'the tab survives a reload');
  assert.match(await webkit.text(await webkit.find('[data-testid="campaign-title"]')), new RegExp(want.campaign_name));
  await webkit.screenshot(`${shot}-a-faire-apres-rechargement`);

  const { errors, stored } = await health(webkit);
  assert.deepEqual(errors, [], 'no error banner');
  assert.ok(stored >= 2, `the import is in localStorage (${stored} cohorte.* keys)`);
}

test('[webkit] served build: import an export, open the campaign, switch tabs, reload', async () => {
  await importAndBrowse(driver, served.url, 'servi');
});

test('[webkit] single file from file://: starts, imports, keeps the tab across a reload', async () => {
  await importAndBrowse(driver, singleFileUrl(), 'fichier-unique');
  assert.match(await driver.url(), /^file:\/\//);
});
