// The analysis tab (issue 7): coverage shares checked against the fixture's expected JSON,
// sorting, the other charts' hooks, screenshots at 1280 and 390 px, and the printed report on
// one A4 page for the 44-student campaign.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, CohortePage, FIXTURES, SCREENSHOTS, expected, pdfPageCount, useBrowserAndServer } from './harness.mjs';

const env = useBrowserAndServer();

const INDICES = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '5.1', '5.2'];
const NAME = 'collecte-3e-sco-2025';

/** Share of received profiles at level ≥ 1, per competence, from the expected JSON. */
function expectedShares(name) {
  const sent = expected(name).students.filter((s) => s.sent);
  return Object.fromEntries(INDICES.map((index, i) => [index, sent.filter((s) => s.levels[i] >= 1).length / sent.length]));
}

async function openAnalysisOf(app, name) {
  await app.pick(`${name}.csv`);
  await app.openCampaign(expected(name).campaign_id);
  await app.openAnalysis();
}

test('coverage bars carry the share of received profiles at level ≥ 1, and sort', async () => {
  for (const name of [NAME, 'collecte-4e-envoi-multiple']) {
    const app = await CohortePage.open(env.browser, env.server.url);
    await openAnalysisOf(app, name);
    const bars = await app.coverageBars();
    assert.deepEqual(bars.map((b) => b.competence), INDICES, `${name}: framework order`);
    const shares = expectedShares(name);
    for (const bar of bars) {
      assert.ok(bar.share >= 0 && bar.share <= 1);
      assert.ok(Math.abs(bar.share - shares[bar.competence]) < 1e-9, `${name} ${bar.competence}: ${bar.share} ≠ ${shares[bar.competence]}`);
    }
    await app.testid('coverage-order').selectOption('part-croissante');
    const sorted = (await app.coverageBars()).map((b) => b.share);
    assert.deepEqual(sorted, [...sorted].sort((a, b) => a - b), `${name}: least covered first`);
    assert.equal(sorted.length, 16);
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  }
});

test('distributions, classes and matrix agree with the expected JSON', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await openAnalysisOf(app, NAME);
  const data = expected(NAME);
  const sent = data.students.filter((s) => s.sent);
  // Count histogram: 17 bars, those from 5 up add up to the certifiable students.
  const counts = await app.page.locator('[data-testid="count-histogram"] .bar text:last-of-type').allTextContents();
  assert.deepEqual(counts, Array.from({ length: 17 }, (_, i) => String(i)));
  const titles = await app.page.locator('[data-testid="count-histogram"] .bar title').allTextContents();
  const perCount = titles.map((t) => Number(t.match(/: (\d+) profil/)[1]));
  assert.equal(perCount.slice(5).reduce((a, b) => a + b, 0), data.certifiable);
  assert.equal(perCount.reduce((a, b) => a + b, 0), data.profiles_received);
  // Score histogram covers every received profile.
  const scoreTitles = await app.page.locator('[data-testid="score-histogram"] .bar title').allTextContents();
  assert.equal(scoreTitles.map((t) => Number(t.match(/: (\d+) profil/)[1])).reduce((a, b) => a + b, 0), sent.length);
  // Per class: certifiable share of participants, and the matrix's rows.
  const classes = [...new Set(data.students.map((s) => s.class))].sort();
  const classShares = await app.testid('class-bar').evaluateAll((bars) => bars.map((b) => Number(b.dataset.share)));
  assert.deepEqual(classShares, classes.map((c) => {
    const all = data.students.filter((s) => s.class === c);
    return all.filter((s) => s.sent && s.certifiable).length / all.length;
  }));
  const rows = await app.testid('matrix-row').evaluateAll((rows) => rows.map((r) => r.dataset.class));
  assert.deepEqual(rows, classes);
  const firstCell = Number(await app.page.locator('[data-testid="matrix-row"] td').first().getAttribute('data-share'));
  const sentA = sent.filter((s) => s.class === classes[0]);
  assert.equal(firstCell, sentA.filter((s) => s.levels[0] >= 1).length / sentA.length);
  // Quick wins: the first one is the competence most often at 0 among non-certifiable.
  const zeros = INDICES.map((_, i) => sent.filter((s) => !s.certifiable && s.levels[i] === 0).length);
  const firstWin = await app.page.locator('[data-testid="quick-wins"] li').first().getAttribute('data-competence');
  assert.equal(zeros[INDICES.indexOf(firstWin)], Math.max(...zeros));
  // Accessible: every chart is an image with a label, every tooltip is an SVG <title>.
  const unlabelled = await app.page.locator('svg.chart:not([aria-label])').count();
  assert.equal(unlabelled, 0);
  assert.equal(await app.page.locator('[data-testid="competence-coverage"] .bar title').count(), 16);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('screenshots at 1280 and 390 px, nothing wider than the screen', async () => {
  for (const width of [1280, 390]) {
    const app = await CohortePage.open(env.browser, env.server.url, { width, height: 900 });
    await openAnalysisOf(app, NAME);
    const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${width} px: page scrolls sideways by ${overflow} px`);
    await app.screenshot(`analysis-${width}`);
    await app.context.close();
  }
});

test('the printed report of the 44-student campaign is one A4 page', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await openAnalysisOf(app, NAME);
  const pdf = await app.printPdf();
  mkdirSync(join(SCREENSHOTS, app.browserName), { recursive: true });
  writeFileSync(join(SCREENSHOTS, app.browserName, 'analysis-report.pdf'), pdf);
  const pages = pdfPageCount(pdf);
  assert.equal(pages, 1, `the report has ${pages} pages`);
  await app.context.close();
});

test('the tabs leave the action-list print alone: it still shows the list and only the list', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(`${NAME}.csv`);
  await app.openCampaign(expected(NAME).campaign_id);
  await app.testid('tab-todo').click();
  await app.testid('todo').waitFor();
  await app.page.evaluate(() => document.body.classList.add('print-todo'));
  await app.page.emulateMedia({ media: 'print' });
  assert.equal(await app.testid('todo').isVisible(), true);
  assert.ok(await app.testid('todo-class').first().isVisible());
  assert.equal(await app.testid('participants-table').isVisible(), false);
  assert.equal(await app.testid('tab-analysis').isVisible(), false);
  await app.context.close();
});

test('the class × competence matrix stays readable with one class per student (44 classes) at 390 px', async () => {
  const app = await CohortePage.open(env.browser, env.server.url, { width: 390, height: 900 });
  // Every student in their own class: the 44-student file, its class cell rewritten per line.
  let line = 0;
  const text = readFileSync(join(FIXTURES, `${NAME}.csv`), 'utf8').replace(/;"3[A-D]";/g, () => `;"3e${++line}";`);
  await app.testid('drop-zone').evaluate((zone, text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'classes.csv', { type: 'text/csv' }));
    for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, text);
  await app.openCampaign(expected(NAME).campaign_id);
  await app.openAnalysis();
  const rows = await app.testid('matrix-row').evaluateAll((rows) => rows.map((r) => r.dataset.class));
  assert.equal(rows.length, 44);
  assert.deepEqual(rows.slice(0, 3), ['3e1', '3e2', '3e3'], 'natural order');
  assert.equal(rows[9], '3e10');
  // The matrix scrolls inside its box; the page itself never scrolls sideways.
  const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow} px`);
  await app.testid('class-matrix').scrollIntoViewIfNeeded();
  await app.page.locator('.analysis__matrix').screenshot({ path: app.shotPath('analysis-matrix-44-classes-390') });
  await app.context.close();
});
