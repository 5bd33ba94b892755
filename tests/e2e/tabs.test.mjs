// The campaign page as tabs (issue 16): each tab by click and by the arrow keys, its own
// address that survives a reload, back returning to the previous tab; the class filter's
// checkboxes in natural order; the campaign list at 1280 px; the file:// notice.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, CohortePage, expected, FIXTURES, singleFileUrl, useBrowserAndServer } from './harness.mjs';

const env = useBrowserAndServer();
const NAME = 'collecte-3e-sco-2025';
const TABS = ['participants', 'todo', 'classes', 'analysis', 'history'];

const selectedTab = (app) => app.page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-testid');

test('every tab opens by click and by the arrow keys, has its own address and labels its panel', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(`${NAME}.csv`);
  await app.openCampaign(expected(NAME).campaign_id);
  assert.equal(await app.page.locator('[role="tablist"] [role="tab"]').count(), TABS.length);
  assert.equal(await selectedTab(app), 'tab-participants');
  // The header cards and the cohort bar stay above the tabs.
  assert.match(await app.testid('cohort-share').textContent(), /\d+ %/);

  const hashes = new Set();
  for (const key of TABS) {
    await app.testid(`tab-${key}`).click();
    assert.equal(await selectedTab(app), `tab-${key}`);
    const panel = app.page.locator('[role="tabpanel"]');
    assert.equal(await panel.count(), 1);
    assert.equal(await panel.getAttribute('aria-labelledby'), `tab-${key}`);
    assert.equal(await app.testid('cohort-share').count(), 1, `${key}: the bar stays`);
    hashes.add(new URL(app.page.url()).hash);
    await app.screenshot(`onglet-${key}-1280`, { fullPage: false });
  }
  assert.equal(hashes.size, TABS.length, [...hashes].join(' '));

  // The keyboard: only the selected tab is in the Tab order; arrows, Home and End move.
  await app.testid('tab-participants').click();
  await app.testid('tab-participants').focus();
  for (const key of TABS.slice(1)) {
    await app.page.keyboard.press('ArrowRight');
    assert.equal(await selectedTab(app), `tab-${key}`);
    assert.equal(await app.page.evaluate(() => document.activeElement?.dataset.testid), `tab-${key}`);
  }
  await app.page.keyboard.press('ArrowRight');
  assert.equal(await selectedTab(app), 'tab-participants', 'wraps around');
  await app.page.keyboard.press('ArrowLeft');
  assert.equal(await selectedTab(app), 'tab-history');
  await app.page.keyboard.press('Home');
  assert.equal(await selectedTab(app), 'tab-participants');
  await app.page.keyboard.press('End');
  assert.equal(await selectedTab(app), 'tab-history');
  assert.deepEqual(
    await app.page.locator('[role="tab"]').evaluateAll((tabs) => tabs.map((t) => t.tabIndex)),
    [-1, -1, -1, -1, 0],
  );
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('at 390 px every tab fits the screen: no sideways scroll of the page', async () => {
  const app = await CohortePage.open(env.browser, env.server.url, { width: 390, height: 844 });
  await app.pick(`${NAME}.csv`, 'series/collecte-3e-sco-2025-octobre.csv');
  await app.openCampaign(expected(NAME).campaign_id);
  for (const key of TABS) {
    await app.testid(`tab-${key}`).click();
    await app.page.locator(`[role="tabpanel"][data-testid="panel-${key}"]`).waitFor();
    await app.screenshot(`onglet-${key}-390`);
    const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${key}: the page scrolls sideways by ${overflow} px`);
  }
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('the tab and its filters survive a reload, and back returns to the previous tab', async () => {
  const want = expected(NAME);
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(`${NAME}.csv`);
  await app.openCampaign(want.campaign_id);
  await app.testid('tab-todo').click();
  await app.testid('filter-class').getByLabel('3B', { exact: true }).check();
  await app.page.waitForURL(/\/a-faire\?classe=3b/i);
  assert.deepEqual(await app.testid('todo-class').evaluateAll((blocks) => blocks.map((b) => b.dataset.class)), ['3B']);

  await app.reload();
  assert.equal(await selectedTab(app), 'tab-todo');
  assert.equal(await app.testid('filter-class').getByLabel('3B', { exact: true }).isChecked(), true);
  assert.deepEqual(await app.testid('todo-class').evaluateAll((blocks) => blocks.map((b) => b.dataset.class)), ['3B']);

  // The filter goes with the user to the participants tab…
  await app.testid('tab-participants').click();
  const rows = await app.participantRows();
  assert.equal(rows.length, want.students.filter((s) => s.class === '3B').length);
  assert.ok(rows.every((r) => r.class === '3B'));
  // …and back returns to "À faire", forward to "Participants".
  await app.page.goBack();
  await app.page.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]')?.dataset.testid === 'tab-todo');
  await app.page.goForward();
  await app.page.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]')?.dataset.testid === 'tab-participants');
  // A bookmark of a tab opens it directly.
  await app.goto(`#/campagne/${want.campaign_id}/classes`);
  assert.equal(await selectedTab(app), 'tab-classes');
  await app.testid('class-summary').waitFor();
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('the class checkboxes: natural order, search, "Toutes" and "Aucune", they filter the table', async () => {
  const want = expected(NAME);
  const app = await CohortePage.open(env.browser, env.server.url);
  // The same students in classes T1, T2 and T10, written in that file order: T10 comes third.
  const rename = { '3A': 'T10', '3B': 'T2', '3C': 'T1', '3D': 'T2' };
  const text = readFileSync(join(FIXTURES, `${NAME}.csv`), 'utf8').replace(/;"(3[A-D])";/g, (_, c) => `;"${rename[c]}";`);
  await app.testid('drop-zone').evaluate((zone, text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'terminales.csv', { type: 'text/csv' }));
    for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, text);
  await app.openCampaign(want.campaign_id);
  const filter = app.testid('filter-class');
  assert.deepEqual(await filter.locator('li').allTextContents(), ['T1', 'T2', 'T10']);
  assert.equal(await filter.locator('input[type="checkbox"]').count(), 3);

  const inClass = (labels) => want.students.filter((s) => labels.includes(rename[s.class])).length;
  await app.testid('page-size').selectOption('100');
  // The keyboard alone: Tab to a box, Space checks it.
  await filter.getByLabel('T10', { exact: true }).focus();
  await app.page.keyboard.press('Space');
  assert.equal((await app.participantRows()).length, inClass(['T10']));
  await filter.getByLabel('T1', { exact: true }).check();
  assert.equal((await app.participantRows()).length, inClass(['T1', 'T10']));
  // The search narrows the boxes (checked ones stay), "Toutes" checks what it shows.
  await app.testid('filter-class-search').fill('t2');
  assert.deepEqual(await filter.locator('li:not([hidden])').allTextContents(), ['T1', 'T2', 'T10']);
  await app.testid('filter-class-search').fill('t1');
  assert.deepEqual(await filter.locator('li:not([hidden])').allTextContents(), ['T1', 'T10']);
  await app.testid('filter-class-search').fill('');
  await app.testid('filter-class-all').click();
  assert.equal((await app.participantRows()).length, want.participants);
  assert.equal(await filter.locator('input:checked').count(), 3);
  await app.testid('filter-class-none').click();
  assert.equal(await filter.locator('input:checked').count(), 0);
  assert.equal((await app.participantRows()).length, want.participants, 'no box checked: everyone');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('the campaign list fits 1280 px without a sideways scroll', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick('collecte-3e-sco-2025.csv', 'collecte-4e-envoi-multiple.csv', 'evaluation-rentree-5e.csv', 'collecte-sup-groupes.csv');
  const table = app.page.locator('.campaigns .table-scroll');
  await app.screenshot('campagnes-1280', { fullPage: false });
  const overflow = await table.evaluate((box) => box.scrollWidth - box.clientWidth);
  assert.ok(overflow <= 0, `the campaign list scrolls sideways by ${overflow} px`);
  await app.context.close();
});

test('opened from file:// with nothing stored, the empty state says where the data live', async () => {
  const app = await CohortePage.open(env.browser, singleFileUrl());
  const notice = app.testid('file-origin-notice');
  assert.equal(await notice.count(), 1);
  assert.match(await notice.textContent(), /Vous aviez des données \? Ouvrez le fichier depuis son emplacement habituel, ou restaurez une sauvegarde\./);
  // With data, the storage panel keeps the advice.
  await app.testid('demo-button').click();
  await app.testid('campaign-row').first().waitFor();
  assert.equal(await notice.count(), 1);
  assert.match(await notice.textContent(), /sauvegarde avant de le déplacer/);
  assert.ok(await app.testid('storage-panel').locator('[data-testid="file-origin-notice"]').count());
  // Served over HTTP, no such notice.
  const served = await CohortePage.open(env.browser, env.server.url);
  assert.equal(await served.testid('file-origin-notice').count(), 0);
  await served.context.close();
  await app.context.close();
});

test('an assessment has its tabs too, and its filters survive a reload', async () => {
  const name = 'evaluation-rentree-5e';
  const want = expected(name);
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(`${name}.csv`);
  await app.openCampaign(want.campaign_id);
  assert.deepEqual(
    await app.page.locator('[role="tab"]').evaluateAll((tabs) => tabs.map((t) => t.dataset.testid)),
    ['tab-participants', 'tab-averages'],
  );
  await app.testid('filter-assessment-status').selectOption('shared');
  await app.page.waitForURL(/etat=shared/);
  await app.testid('tab-averages').click();
  await app.page.waitForURL(/\/moyennes\?etat=shared/);
  await app.reload();
  assert.equal(await selectedTab(app), 'tab-averages');
  assert.ok(await app.testid('mastery-average').count() > 0);
  await app.testid('tab-participants').click();
  assert.equal(await app.testid('filter-assessment-status').inputValue(), 'shared');
  assert.equal(await app.testid('assessment-row').count(), want.shared);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
