// Importing many files at once, and refusing bad ones without losing anything stored before.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, CohortePage, FIXTURES, expected, useBrowserAndServer } from './harness.mjs';

const env = useBrowserAndServer();

const validFixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.csv')).sort();
const invalidFixtures = readdirSync(join(FIXTURES, 'invalid')).sort();

const storedKeys = (app) => app.page.evaluate(() => Object.keys(localStorage).sort());
const storedValues = (app) => app.page.evaluate(() => Object.keys(localStorage).sort().map((key) => localStorage.getItem(key)));

test('every fixture dropped at once: one line per file, one row per campaign, with the right counts', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.drop(...validFixtures);
  const results = await app.importResults();
  assert.deepEqual(results.map((r) => r.file), validFixtures);
  for (const result of results) assert.equal(result.status, 'ok', `${result.file}: ${result.text}`);

  const campaigns = await app.campaignRows();
  // Several fixtures are the same campaign (an export, its spreadsheet re-save, its English
  // version): one row, as many imports.
  const campaignIds = new Set(validFixtures.map((name) => expected(name.replace(/\.csv$/, '')).campaign_id));
  assert.equal(campaigns.length, campaignIds.size);
  const imports348127 = validFixtures.filter((name) => expected(name.replace(/\.csv$/, '')).campaign_id === 348127).length;
  assert.ok(imports348127 >= 2);
  assert.match(campaigns.find((c) => c.id === '348127').text, new RegExp(`${imports348127} imports`));
  for (const name of validFixtures) {
    const want = expected(name.replace(/\.csv$/, ''));
    const row = campaigns.find((c) => c.id === String(want.campaign_id));
    assert.ok(row, `${name}: campaign ${want.campaign_id} listed`);
    assert.equal(row.kind, want.kind);
    assert.ok(row.text.includes(want.campaign_name), `${name}: name shown`);
    if (want.campaign_id !== 348127) {
      assert.ok(row.text.includes(String(want.participants)), `${name}: participants shown`);
    }
  }
  await app.screenshot('import-toutes-campagnes-1280');
  // Why: hidden screen-reader texts inside a wide table once escaped its scroll box and made
  // the whole page scroll sideways at 1280 px.
  assert.ok(await app.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    'no sideways scroll at 1280 px');

  // The list search narrows by name or code, ignoring accents and case.
  await app.testid('campaign-search').fill('evaluation');
  const evaluations = await app.campaignRows();
  assert.ok(evaluations.length >= 2 && evaluations.every((c) => /valuation/i.test(c.text)), JSON.stringify(evaluations));
  await app.context.close();
});

test('refused files: a French message naming each file, nothing stored, nothing lost', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick('collecte-3e-sco-2025.csv');
  const keysBefore = await storedKeys(app);
  const valuesBefore = await storedValues(app);

  await app.drop(...invalidFixtures.map((name) => `invalid/${name}`));
  const results = await app.importResults();
  assert.equal(results.length, invalidFixtures.length);
  for (const result of results) {
    assert.equal(result.status, 'error', `${result.file} must be refused`);
    assert.ok(result.text.includes(result.file), `the message names ${result.file}: ${result.text}`);
    assert.match(result.text, /[éèàç«]|fichier/i, `the message is French: ${result.text}`);
  }
  await app.screenshot('import-refus-1280');

  assert.deepEqual(await storedKeys(app), keysBefore, 'no key added or removed');
  assert.deepEqual(await storedValues(app), valuesBefore, 'stored data byte-identical');
  await app.reload();
  const campaigns = await app.campaignRows();
  assert.deepEqual(campaigns.map((c) => c.id), ['348127']);
  await app.context.close();
});
