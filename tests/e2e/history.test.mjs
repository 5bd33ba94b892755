// Two collections of one campaign: the timeline lists both, the comparison sorts the students
// into the categories tests/fixtures/series/README.md describes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, CohortePage } from './harness.mjs';

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serveDist();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('September then October: who became certifiable, who still is not, who is gone', async () => {
  const app = await CohortePage.open(browser, server.url);
  await app.pick('collecte-3e-sco-2025.csv');
  await app.pick('series/collecte-3e-sco-2025-octobre.csv');
  await app.openCampaign(348127);

  // The page shows the latest collection.
  assert.equal(await app.count('count-participants'), 44);
  const snapshots = await app.testid('snapshot-row').evaluateAll((rows) => rows.map((r) => r.textContent));
  assert.equal(snapshots.length, 2);
  assert.match(snapshots[0], /collecte-3e-sco-2025\.csv/, 'oldest first');
  assert.match(snapshots[1], /octobre/);

  const counts = Object.fromEntries(await app.testid('diff-count').evaluateAll((cards) =>
    cards.map((card) => [card.dataset.category, Number(card.textContent.match(/\d+/)[0])])));
  assert.deepEqual(counts, {
    'became-certifiable': 2,
    'no-longer-certifiable': 1,
    'still-not-certifiable': 17,
    'newly-sent': 2,
    gone: 1,
  });
  const listed = (category) => app.page.locator(`table[data-category="${category}"] [data-testid="diff-row"]`)
    .evaluateAll((rows) => rows.map((r) => `${r.dataset.last} ${r.dataset.first}`).sort());
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
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.screenshot('historique-390');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
