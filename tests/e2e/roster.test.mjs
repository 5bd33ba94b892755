// The school roster (issue 17): the SIECLE list dropped beside a Pix Orga export shows the
// students who never joined, on the campaign page, the to-do list and the students view; it
// survives a reload, is replaced by a newer list, deleted, and a bad file is refused.
// Fixtures: tests/fixtures/roster/make-e2e.py (the 3e export's students, two left out of the
// list, one moved to 3C, BERNARD Jules twice in other classes, three who never joined, a 4A
// student outside the cohort, one who left the school).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, CohortePage, ROOT, expected, useBrowserAndServer } from './harness.mjs';

const shot = (app, name) => app.shotPath(name);

const EXPORT = 'collecte-3e-sco-2025.csv';
const ROSTER = 'roster/e2e-ElevesSansAdresses.zip';
const NEWER_ROSTER = 'roster/e2e-ElevesSansAdresses-novembre.xml';
const CAMPAIGN = expected('collecte-3e-sco-2025');
const TMP = join(ROOT, 'target/e2e-roster');

const env = useBrowserAndServer();
mkdirSync(TMP, { recursive: true });

const cohorteKeys = async (app) => (await app.storedEntries()).filter(([key]) => key.startsWith('cohorte.'));
async function showAllRows(app) {
  if (await app.testid('page-size').count()) await app.testid('page-size').selectOption('100');
}
const neverJoinedRows = async (app) => {
  await showAllRows(app);
  return (await app.participantRows()).filter((row) => row.roster === 'never-joined');
};

// The participants the list places for sure: all but the last two (not in the list) and
// BERNARD Jules (two homonyms in the list, none in his class: "À vérifier").
const placed = CAMPAIGN.students.slice(0, -2).filter((s) => !(s.last === 'BERNARD' && s.first === 'Jules'));
const certifiablePlaced = placed.filter((s) => s.certifiable).length;
// The cohort: 3A-3D of the list (the classes the export names), 4A left out.
const COHORT = placed.length + 2 /* BERNARD Jules ×2 */ + 3 /* never joined */;

test('roster and export dropped together: counts, never-joined rows, filter, reload', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.drop(ROSTER, EXPORT);
  const results = await app.testid('import-result').evaluateAll((items) => items.map((item) => ({ ...item.dataset, text: item.textContent })));
  assert.equal(results.length, 2);
  const roster = results.find((r) => r.kind === 'roster');
  assert.equal(roster.status, 'ok', roster.text);
  assert.equal(roster.file, 'e2e-ElevesSansAdresses.zip');
  assert.match(roster.text, /Liste des élèves \(SIECLE\) « e2e-ElevesSansAdresses\.zip » : 47 élèves dans 5 classes, exportée le 15\/09\/2025/);
  assert.match(roster.text, /1 entrée écartée : 1 sorti/);
  assert.equal(results.find((r) => r.kind === 'export').status, 'ok');

  await app.openCampaign(String(CAMPAIGN.campaign_id));
  assert.equal(await app.count('count-never-joined'), 3);
  assert.equal(await app.count('count-out-of-roster'), 2);
  assert.equal(await app.count('count-participants'), 44, 'the export\'s own counts are unchanged');
  const share = await app.testid('cohort-share').textContent();
  const percent = Math.round((100 * certifiablePlaced) / COHORT);
  // Issue 26: « cohorte » is the app's name; the set of pupils is « la promotion ».
  assert.match(share, new RegExp(`${percent} % de la promotion est certifiable : ${certifiablePlaced} élèves sur ${COHORT}\\.`), share);

  await showAllRows(app);
  const rows = await app.participantRows();
  const never = rows.filter((row) => row.roster === 'never-joined');
  assert.deepEqual(never.map((r) => `${r.last} ${r.first} ${r.class} ${r.sent}`).sort(),
    ['JAMAIS Alice 3A false', 'JAMAIS Bruno 3B false', 'NOUVEAU Chloé 3C false']);
  assert.deepEqual(rows.filter((r) => r.roster === 'out').map((r) => r.last).sort(), ['TRAORÉ', 'VINCENT']);
  assert.deepEqual(rows.filter((r) => r.roster === 'class-changed').map((r) => r.last), ['BEN SAÏD']);
  assert.equal(rows.length, 44 + 3);

  // The never-joined filter keeps them only; the class filter applies to them too.
  await app.testid('filter-certifiability').selectOption('never-joined');
  assert.equal((await app.participantRows()).length, 3);
  assert.ok((await app.participantRows()).every((r) => r.roster === 'never-joined'));
  assert.equal(await app.testid('participants-count').textContent(), '0 participants et 3 élèves qui n’ont jamais participé');
  // Like the statuses, it is in the address: a reload keeps it.
  assert.match(await app.page.evaluate(() => location.hash), /statut=never-joined/);
  await app.reload();
  assert.equal(await app.testid('filter-certifiability').inputValue(), 'never-joined');
  assert.equal((await app.participantRows()).length, 3);
  await app.testid('filter-certifiability').selectOption('certifiable');
  assert.equal((await neverJoinedRows(app)).length, 0, 'a status filter leaves them out');
  await app.testid('filter-clear').click();

  // "À vérifier": BERNARD Jules is one of two homonyms; picking the 3A one remembers it,
  // and the 3B one becomes a student who never joined.
  const item = app.page.locator('[data-testid="to-check-item"][data-last="BERNARD"]');
  await item.waitFor();
  // The roster's notes under the class must not push the last column out of 1280 px.
  const tableBox = app.page.locator('.table-scroll:has([data-testid="participants-table"])');
  const overflow = await tableBox.evaluate((box) => box.scrollWidth - box.clientWidth);
  assert.ok(overflow <= 0, `the participants table scrolls sideways by ${overflow} px`);
  await app.screenshot('roster-campaign-1280');
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.page.evaluate(() => window.scrollTo(0, 0));
  await app.screenshot('roster-campaign-390', { fullPage: false });
  await app.testid('to-check').screenshot({ path: shot(app, 'roster-to-check-390') });
  await app.page.locator('[data-roster="never-joined"]').first().scrollIntoViewIfNeeded();
  await app.screenshot('roster-never-joined-390', { fullPage: false });
  await app.page.setViewportSize({ width: 1280, height: 900 });
  await item.locator('[data-testid="to-check-pick"][data-class="3A"]').click();
  await app.page.waitForFunction(() => !document.querySelector('[data-testid="to-check"]'));
  assert.equal(await app.count('count-never-joined'), 4);

  // The cohort's classes: 4A added by hand brings its student who never joined.
  await app.testid('cohort-picker').locator('summary').click();
  const picked = async () => app.testid('cohort-class').evaluateAll((els) => els.filter((el) => el.checked).map((el) => el.dataset.class));
  assert.deepEqual(await picked(), ['3A', '3B', '3C', '3D'], 'by default, the classes the export names');
  await app.page.locator('[data-testid="cohort-class"][data-class="4A"]').check();
  await app.page.waitForFunction(() => document.querySelector('[data-testid="count-never-joined"]').textContent.startsWith('5'));
  assert.match(await app.testid('cohort-share').textContent(), new RegExp(`sur ${COHORT + 1}\\.`));

  // The to-do list has the never-joined students with the advice.
  await app.testid('tab-todo').click();
  const todoNever = app.testid('todo-never-joined');
  await todoNever.first().waitFor();
  const blocks = await todoNever.evaluateAll((els) => els.map((el) => [el.dataset.class, el.dataset.count]));
  assert.deepEqual(blocks, [['3A', '1'], ['3B', '2'], ['3C', '1'], ['4A', '1']]);
  assert.match(await todoNever.first().textContent(), /lui donner le code de la campagne/);
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.testid('export-todo').click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /3A;JAMAIS;Alice;Jamais participé;;;;lui donner le code de la campagne/);

  // Per class: the list's students and the never-joined among them.
  await app.testid('tab-classes').click();
  await app.testid('class-summary').waitFor();
  const classes = await app.testid('class-row').evaluateAll((els) => els.map((el) => [el.dataset.class, el.dataset.neverJoined]));
  assert.deepEqual(classes, [['3A', '1'], ['3B', '2'], ['3C', '1'], ['3D', '0'], ['4A', '1']]);

  // The students view lists every student of the list; those in no campaign are « Jamais
  // participé » (issue 26: told apart from « Profil non envoyé », they need the code).
  await app.goto('#/eleves');
  await app.testid('students-view').waitFor();
  if (await app.testid('students-page-size').count()) await app.testid('students-page-size').selectOption('500');
  const students = await app.testid('student-row').evaluateAll((els) => els.map((el) => ({ ...el.dataset })));
  const alice = students.find((s) => s.last === 'JAMAIS' && s.first === 'Alice');
  assert.equal(alice.certifiability, 'never-joined');
  assert.ok(students.some((s) => s.last === 'QUATRIÈME'), 'a 4A student of the list is there too');
  assert.ok(students.some((s) => s.last === 'VINCENT'), 'participants out of the list stay');

  // A reload keeps the roster, the choice made in "À vérifier" and the cohort's classes.
  await app.reload();
  await app.goto(`#/campagne/${CAMPAIGN.campaign_id}`);
  await app.testid('campaign-title').waitFor();
  assert.equal(await app.count('count-never-joined'), 5);
  assert.deepEqual(await picked(), ['3A', '3B', '3C', '3D', '4A']);
  assert.equal(await app.testid('to-check').count(), 0);
  assert.deepEqual(app.foreignRequests(), []);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('a newer roster replaces the first; deleting it brings the views back', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(ROSTER, EXPORT);
  await app.pick(NEWER_ROSTER);
  const [result] = await app.importResults();
  assert.equal(result.status, 'ok', result.text);
  assert.match(result.text, /47 élèves dans 5 classes, exportée le 20\/11\/2025/);

  const entry = app.testid('roster-entry');
  assert.equal(await entry.count(), 1, 'one roster at a time');
  assert.equal(await entry.getAttribute('data-students'), '47');
  assert.match(await entry.textContent(), /exportée le 20\/11\/2025/);
  assert.match(await entry.textContent(), /export Pix Orga le plus récent : /);
  await app.testid('storage-panel').screenshot({ path: shot(app, 'roster-storage-1280') });
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.testid('roster-entry').screenshot({ path: shot(app, 'roster-storage-390') });
  await app.page.setViewportSize({ width: 1280, height: 900 });

  await app.openCampaign(String(CAMPAIGN.campaign_id));
  assert.equal(await app.count('count-never-joined'), 3, 'JAMAIS Bruno left the newer list, AUBERT Lou arrived');

  // October's collection: AUBERT Lou, of the list, joined since September.
  await app.goto('#/');
  await app.pick('series/collecte-3e-sco-2025-octobre.csv');
  await app.openCampaign(String(CAMPAIGN.campaign_id));
  assert.equal(await app.count('count-never-joined'), 2);
  await app.testid('tab-history').click();
  const joined = app.testid('roster-joined-since');
  assert.equal(await joined.getAttribute('data-count'), '1');
  assert.match(await joined.textContent(), /1 élève de la liste a rejoint la campagne depuis la collecte précédente/);

  await app.goto('#/');
  app.acceptNextDialog();
  await app.testid('delete-roster').click();
  await app.testid('roster-none').waitFor();
  assert.match(await app.testid('storage-message').textContent(), /Liste des élèves supprimée/);
  await app.openCampaign(String(CAMPAIGN.campaign_id));
  assert.equal(await app.testid('count-never-joined').count(), 0);
  assert.equal(await app.testid('count-out-of-roster').count(), 0);
  assert.match(await app.testid('cohort-share').textContent(), /^\s*43 % des participants sont certifiables/);
  await showAllRows(app);
  assert.equal((await app.participantRows()).length, 44);
  assert.equal(await app.page.locator('[data-testid="filter-certifiability"] option[value="never-joined"]').count(), 0);
  await app.reload();
  await app.goto('#/');
  await app.testid('roster-none').waitFor();
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('a bad roster file is refused in French, naming the file, and stores nothing', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(ROSTER);
  const before = await cohorteKeys(app);
  const refusals = {
    'roster/pas-bee-eleves.xml': /« pas-bee-eleves\.xml » n'est pas un export SIECLE des élèves : son élément racine est <ENSEIGNANTS>/,
    'roster/e2e-deux-xml.zip': /« e2e-deux-xml\.zip » : l'archive zip contient plusieurs fichiers \.xml/,
    'roster/siecle-tronque.xml': /« siecle-tronque\.xml » est incomplet/,
  };
  for (const [bad, message] of Object.entries(refusals)) {
    await app.pick(bad);
    const [result] = await app.testid('import-result').evaluateAll((items) => items.map((item) => ({ ...item.dataset, text: item.textContent })));
    assert.equal(result.kind, 'roster', bad);
    assert.equal(result.status, 'error', bad);
    assert.equal(result.file, bad.split('/').pop());
    assert.match(result.text, message);
  }
  assert.deepEqual(await cohorteKeys(app), before, 'nothing stored, nothing lost');
  assert.equal(await app.testid('roster-entry').getAttribute('data-students'), '47', 'the stored roster stays');
  await app.context.close();
});

test('backup and restore carry the roster and the choices made in "À vérifier"', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(ROSTER, EXPORT);
  await app.openCampaign(String(CAMPAIGN.campaign_id));
  await app.page.locator('[data-testid="to-check-item"][data-last="BERNARD"] [data-testid="to-check-pick"][data-class="3B"]').click();
  await app.page.waitForFunction(() => !document.querySelector('[data-testid="to-check"]'));
  const neverBefore = (await neverJoinedRows(app)).map((r) => `${r.last} ${r.first} ${r.class}`).sort();
  assert.ok(neverBefore.includes('BERNARD Jules 3A'), neverBefore.join());

  await app.goto('#/');
  const backup = await app.downloadBackup();
  const parsed = JSON.parse(backup.text);
  assert.equal(parsed.roster.roster.students.length, 47);
  assert.ok(!backup.text.includes('000000001XX'), 'no INE in the backup');
  const path = join(TMP, backup.name);
  writeFileSync(path, backup.text);

  await app.eraseAll();
  await app.testid('roster-none').waitFor();
  const restored = await app.restoreBackup(path, 'replace');
  assert.equal(restored.status, 'ok', restored.text);
  assert.equal(await app.testid('roster-entry').getAttribute('data-students'), '47');
  await app.openCampaign(String(CAMPAIGN.campaign_id));
  assert.equal(await app.count('count-never-joined'), 4);
  assert.equal(await app.testid('to-check').count(), 0, 'the choice came back with the backup');
  assert.deepEqual((await neverJoinedRows(app)).map((r) => `${r.last} ${r.first} ${r.class}`).sort(), neverBefore);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
