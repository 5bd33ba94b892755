// Two collections of one campaign: the timeline lists both, the comparison sorts the students
// into the categories tests/fixtures/series/README.md describes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, CohortePage, FIXTURES, expected, useBrowserAndServer } from './harness.mjs';

const env = useBrowserAndServer();

test('September then October: who became certifiable, who still is not, who is gone', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick('collecte-3e-sco-2025.csv');
  await app.pick('series/collecte-3e-sco-2025-octobre.csv');
  await app.openCampaign(348127);

  // The page shows the latest collection; the history has its own tab.
  assert.equal(await app.count('count-participants'), 44);
  await app.testid('tab-history').click();
  const snapshots = await app.testid('snapshot-row').evaluateAll((rows) => rows.map((r) => r.textContent));
  assert.equal(snapshots.length, 2);
  assert.match(snapshots[0], /collecte-3e-sco-2025\.csv/, 'oldest first');
  assert.match(snapshots[1], /octobre/);

  const counts = Object.fromEntries(await app.testid('diff-count').evaluateAll((cards) =>
    cards.map((card) => [card.dataset.category, Number(card.textContent.match(/\d+/)[0])])));
  assert.equal(counts['became-certifiable'], 2);
  assert.equal(counts['no-longer-certifiable'], 1);
  assert.equal(counts['still-not-certifiable'], 17);
  assert.equal(counts['newly-sent'], 2);
  assert.equal(counts.gone, 1);
  // Everyone of either collection is in exactly one category: October's 44 and the one gone.
  const { 'newly-sent': _, ...categories } = counts;
  assert.equal(Object.keys(categories).length, 7);
  assert.equal(Object.values(categories).reduce((a, b) => a + b, 0), 44 + counts.gone);
  // Each card opens its list.
  const listed = async (category) => {
    await app.page.locator(`[data-testid="diff-count"][data-category="${category}"]`).first().click();
    return app.page.locator(`table[data-category="${category}"] [data-testid="diff-row"]`)
      .evaluateAll((rows) => rows.map((r) => `${r.dataset.last} ${r.dataset.first}`).sort());
  };
  assert.deepEqual(await listed('became-certifiable'), ['BEN SAÏD Noé', 'CHEVALIER Anaïs']);
  assert.deepEqual(await listed('no-longer-certifiable'), ['BERTRAND Adam']);
  assert.deepEqual(await listed('gone'), ['VINCENT Sarah']);
  assert.deepEqual(await listed('newly-sent'), ['CHEVALIER Anaïs', 'LEGRAND Jean-Baptiste']);
  await app.testid('compare-from').scrollIntoViewIfNeeded();
  await app.screenshot('historique-1280');

  // Swapping the two imports reverses the comparison.
  const ids = await app.testid('snapshot-row').evaluateAll((rows) => rows.map((r) => r.dataset.snapshotId));
  await app.testid('compare-from').selectOption(ids[1]);
  await app.testid('compare-to').selectOption(ids[0]);
  const reversed = await app.page.locator('[data-testid="diff-count"][data-category="became-certifiable"]').textContent();
  // BERTRAND Adam (certifiable in September only) and VINCENT Sarah (absent from October).
  assert.match(reversed, /^2\D/);
  // The student detail joins both imports: September's profile and October's, on a chart and in a table.
  await app.testid('tab-participants').click();
  await app.testid('filter-search').fill('Noé');
  const row = app.page.locator('[data-testid="participant-row"][data-first="Noé"]');
  await row.waitFor();
  await row.locator('[id^="detail-open-"]').click();
  await app.testid('student-detail').waitFor();
  assert.equal(await app.testid('history-chart').count(), 1);
  const sendings = await app.testid('sending-row').evaluateAll((rows) => rows.map((r) => Number(r.dataset.score)));
  assert.deepEqual(sendings, [117, 110], 'newest first, one row per sending');
  await app.testid('history-chart').screenshot({ path: app.shotPath('historique-eleve-graphique') });
  await app.testid('detail-close').click();

  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.screenshot('historique-390');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('the students view lists the union of two campaigns with each one’s latest status, and exports it', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick('collecte-3e-sco-2025.csv', 'collecte-4e-envoi-multiple.csv');
  await app.testid('nav-students').click();
  await app.testid('students-view').waitFor();
  const rows = await app.testid('student-row').evaluateAll((rows) => rows.map((r) => ({ ...r.dataset })));
  const want = [...expected('collecte-3e-sco-2025').students, ...expected('collecte-4e-envoi-multiple').students];
  assert.equal(rows.length, want.length);
  for (const student of want) {
    const row = rows.find((r) => r.last === student.last && r.first === student.first && r.class === student.class);
    assert.ok(row, `${student.last} ${student.first} listed`);
    const status = !student.sent ? 'not-communicated' : student.certifiable ? 'certifiable' : 'not-certifiable';
    assert.equal(row.certifiability, status, `${student.last} ${student.first}`);
  }
  await app.screenshot('eleves-1280', { fullPage: false });

  // Sorting by class puts the 3e before the 4e, and says so to assistive technologies.
  const classHeader = app.testid('students-view').locator('thead th', { hasText: 'Classe' });
  await classHeader.locator('button').click();
  assert.equal(await classHeader.getAttribute('aria-sort'), 'ascending');
  const classes = await app.testid('student-row').evaluateAll((rows) => rows.map((r) => r.dataset.class));
  assert.ok(classes[0].startsWith('3') && classes.at(-1).startsWith('4'), classes.join(','));

  await app.testid('students-certifiability').selectOption('not-communicated');
  const notCommunicated = await app.testid('student-row').count();
  assert.equal(notCommunicated, want.filter((s) => !s.sent).length);

  const [download] = await Promise.all([app.page.waitForEvent('download'), app.testid('export-students').click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'BOM for Excel');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines.length, notCommunicated + 1, 'the export follows the filters');
  assert.match(lines[0], /^Nom;Prénom;Classe;Certificabilité/); // trim() took the BOM
  // Issue 26: one name per situation — joined, never sent is « Profil non envoyé ».
  assert.ok(lines.slice(1).every((line) => line.includes(';Profil non envoyé;')));

  // A later collection updates the latest status, one line per student.
  await app.testid('nav-students').evaluate((link) => { location.hash = '#/'; });
  await app.pick('series/collecte-3e-sco-2025-octobre.csv');
  await app.testid('nav-students').click();
  await app.testid('students-certifiability').selectOption('all');
  assert.equal(await app.testid('student-row').count(), want.length + 1, 'AUBERT Lou joined');
  const noe = app.page.locator('[data-testid="student-row"][data-last="BEN SAÏD"][data-first="Noé"]');
  assert.equal(await noe.getAttribute('data-certifiability'), 'certifiable');
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.screenshot('eleves-390', { fullPage: false });
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('one export with multiple sendings: progress since a date, without a second import', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick('collecte-4e-envoi-multiple.csv');
  await app.openCampaign(349554);
  await app.testid('tab-history').click();
  await app.testid('compare-since').fill('2025-09-20');

  // What the file itself says: students whose first profile was sent after 20 September.
  const lines = readFileSync(join(FIXTURES, 'collecte-4e-envoi-multiple.csv'), 'utf8').trim().split('\n').slice(1);
  const firstSent = new Map();
  for (const line of lines) {
    const cells = line.split(';').map((cell) => cell.replace(/^"|"$/g, ''));
    if (cells[7] !== 'Oui') continue;
    const [day, month, year] = cells[8].split(' ')[0].split('/');
    const date = `${year}-${month}-${day}`;
    const key = `${cells[4]} ${cells[5]}`;
    if (!firstSent.has(key) || date < firstSent.get(key)) firstSent.set(key, date);
  }
  const newlySent = [...firstSent.values()].filter((date) => date > '2025-09-20').length;
  assert.ok(newlySent > 0);
  const card = app.page.locator('[data-testid="diff-count"][data-category="newly-sent"]').last();
  assert.equal(Number((await card.textContent()).match(/\d+/)[0]), newlySent);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
