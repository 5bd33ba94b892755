// Exports as Pix's newest code writes them (issue #25): English headers with the newest date
// wording, HTML-escaped names, rows in no order, `-1` stages, competences known only by their
// place, participations re-opened after a sending; and a file in a language Cohorte does not
// read, refused without touching what was stored.
import assert from 'node:assert/strict';
import { test, CohortePage, expected, useBrowserAndServer, audit, describeViolations } from './harness.mjs';

const env = useBrowserAndServer();

const storedValues = (app) => app.page.evaluate(() => Object.keys(localStorage).sort().map((key) => `${key}=${localStorage.getItem(key)}`));

test('an English profiles collection and an English assessment: the campaign pages count what the French files count', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.drop('collecte-anglais-2026.csv', 'evaluation-anglais-2026.csv');
  const results = await app.importResults();
  assert.deepEqual(results.map((r) => [r.file, r.status]), [['collecte-anglais-2026.csv', 'ok'], ['evaluation-anglais-2026.csv', 'ok']], JSON.stringify(results));
  // The assessment's state date comes from `Shared on (Europe/Paris)`: never « état au — ».
  for (const result of results) assert.doesNotMatch(result.text, /état au —/, result.text);
  // The `-1` stage changes what is shown: the import line says so.
  assert.match(results[1].text, /palier « -1 »/, results[1].text);
  await app.screenshot('exports-anglais-import-1280');

  // The English collecte is the 3e campaign written in English, rows shuffled.
  const profiles = expected('collecte-anglais-2026');
  await app.openCampaign(String(profiles.campaign_id));
  assert.deepEqual(await app.counts(), {
    participants: profiles.participants,
    received: profiles.profiles_received,
    certifiable: profiles.certifiable,
    notCertifiable: profiles.not_certifiable,
    notSent: profiles.not_sent,
  });
  await app.testid('page-size').selectOption('100');
  const rows = await app.participantRows();
  assert.equal(rows.length, profiles.participants);
  assert.equal(rows.filter((row) => row.sent === 'true').length, profiles.profiles_received);
  const want = profiles.students.find((s) => s.sent && s.certifiable);
  const shown = rows.find((row) => row.last === want.last && row.first === want.first);
  assert.ok(shown, `${want.last} ${want.first} shown`);
  assert.equal(shown.certifiable, 'true');
  assert.equal(shown.score, String(want.score));
  assert.equal(shown.competences, String(want.certifiable_competences));
  await app.screenshot('exports-collecte-anglaise-1280');
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.screenshot('exports-collecte-anglaise-390');
  await app.page.setViewportSize({ width: 1280, height: 900 });

  // The English assessment: 24 participants, 17 results received (latest participation each).
  const assessment = expected('evaluation-anglais-2026');
  await app.testid('back-to-campaigns').click();
  await app.openCampaign(String(assessment.campaign_id));
  assert.equal(await app.count('count-participants'), assessment.participants);
  assert.equal(await app.count('count-received'), assessment.shared);
  const page = await app.page.locator('main').textContent();
  // Since January 2026 assessment results are shared automatically: no « en attente d'envoi ».
  assert.doesNotMatch(page, /attente d.envoi/i);
  assert.ok(page.includes("Recherche d'information & veille"), 'the badge name is decoded, not « d&#39; »');
  assert.ok(!page.includes('&#39;') && !page.includes('&amp;'), 'no HTML entity shown');
  await app.screenshot('exports-evaluation-anglaise-1280');
  const violations = await audit(app, 'exports-evaluation-anglaise');
  assert.deepEqual(violations, [], describeViolations(violations));
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('competences known by their place and re-opened participations: said in the import line, marked in the table', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.drop('collecte-competences-inconnues.csv');
  let [result] = await app.importResults();
  assert.equal(result.status, 'ok', result.text);
  assert.match(result.text, /16 compétences/, result.text);
  assert.match(result.text, /place dans le fichier/, result.text);

  await app.drop('collecte-envoi-en-cours.csv');
  [result] = await app.importResults();
  assert.equal(result.status, 'ok', result.text);
  const want = expected('collecte-envoi-en-cours');
  await app.openCampaign(String(want.campaign_id));
  // Received, not « not sent »: the latest sent profile counts.
  assert.deepEqual(await app.counts(), {
    participants: want.participants,
    received: want.profiles_received,
    certifiable: want.certifiable,
    notCertifiable: want.not_certifiable,
    notSent: want.not_sent,
  });
  await app.testid('page-size').selectOption('100');
  const rows = await app.participantRows();
  assert.equal(rows.length, want.participants);
  const reopened = want.students.filter((s) => s.new_sending_under_way).map((s) => `${s.last} ${s.first}`).sort();
  assert.equal(reopened.length, 4);
  const marked = rows.filter((row) => row.newSending === 'true');
  assert.deepEqual(marked.map((row) => `${row.last} ${row.first}`).sort(), reopened);
  assert.ok(marked.every((row) => row.sent === 'true'), 'marked students are received');
  const markedRow = app.page.locator('[data-testid="participant-row"][data-new-sending="true"]').first();
  assert.match(await markedRow.textContent(), /nouvel envoi en cours/);
  await app.screenshot('exports-envoi-en-cours-1280');

  await markedRow.locator('[data-testid="open-detail"]').click();
  await app.testid('detail-new-sending').waitFor();
  assert.match(await app.testid('detail-new-sending').textContent(), /Nouvel envoi en cours/);
  await app.screenshot('exports-envoi-en-cours-detail-1280', { fullPage: false });
  const violations = await audit(app, 'exports-envoi-en-cours-detail');
  assert.deepEqual(violations, [], describeViolations(violations));
  await app.context.close();
});

test('a Pix export in a language Cohorte does not read: said plainly, nothing stored, nothing lost', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick('collecte-anglais-2026.csv');
  const before = await storedValues(app);

  await app.drop('invalid/export-neerlandais.csv');
  const [result] = await app.importResults();
  assert.equal(result.status, 'error');
  assert.ok(result.text.includes('export-neerlandais.csv'), result.text);
  assert.match(result.text, /langue/, result.text);
  assert.doesNotMatch(result.text, /tableur/, result.text);
  await app.screenshot('exports-langue-inconnue-1280');
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.screenshot('exports-langue-inconnue-390');

  assert.deepEqual(await storedValues(app), before, 'stored data byte-identical');
  await app.reload();
  assert.deepEqual((await app.campaignRows()).map((c) => c.id), [String(expected('collecte-anglais-2026').campaign_id)]);
  await app.openCampaign(String(expected('collecte-anglais-2026').campaign_id));
  assert.equal(await app.count('count-participants'), expected('collecte-anglais-2026').participants);
  await app.context.close();
});
