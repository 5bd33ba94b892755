// The seed scenario, in a real browser: drop an export, open the campaign, read who is
// certifiable, reload, still there — served over HTTP and as the single file from file://.
import assert from 'node:assert/strict';
import { test, CohortePage, expected, singleFileUrl, useBrowserAndServer } from './harness.mjs';

const FIXTURE = 'collecte-3e-sco-2025';
const want = expected(FIXTURE);

const env = useBrowserAndServer();

/** Checks the campaign page against the fixture's expected JSON, every student of it. */
async function assertCampaignMatchesExpected(app) {
  assert.equal(await app.testid('campaign-title').textContent(), want.campaign_name);
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
  for (const student of want.students) {
    const row = rows.find((r) => r.last === student.last && r.first === student.first);
    assert.ok(row, `${student.last} ${student.first} is listed`);
    assert.equal(row.class, student.class);
    assert.equal(row.sent, String(student.sent), `${student.last}: sent`);
    if (student.sent) {
      assert.equal(row.certifiable, String(student.certifiable), `${student.last}: certifiable`);
      assert.equal(Number(row.score), student.score, `${student.last}: score`);
      assert.equal(Number(row.competences), student.certifiable_competences, `${student.last}: competences`);
    } else {
      assert.equal(row.certifiable, undefined, `${student.last}: no certifiability without a profile`);
    }
  }
}

async function seedScenario(url, label) {
  const app = await CohortePage.open(env.browser, url);
  await app.drop(`${FIXTURE}.csv`);
  const [result] = await app.importResults();
  assert.equal(result.status, 'ok', result.text);
  assert.equal(result.file, `${FIXTURE}.csv`);

  const campaigns = await app.campaignRows();
  assert.equal(campaigns.length, 1);
  assert.equal(campaigns[0].id, String(want.campaign_id));
  assert.equal(campaigns[0].kind, 'profiles-collection');
  for (const text of [want.campaign_name, want.code, want.organisation, String(want.participants)]) {
    assert.ok(campaigns[0].text.includes(text), `campaign row shows ${text}`);
  }
  await app.screenshot(`${label}-campagnes-1280`);

  await app.openCampaign(want.campaign_id);
  await assertCampaignMatchesExpected(app);
  await app.screenshot(`${label}-campagne-1280`);

  await app.reload();
  await assertCampaignMatchesExpected(app);

  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.testid('page-size').selectOption('10');
  await app.screenshot(`${label}-campagne-390`);
  await app.testid('back-to-campaigns').click();
  await app.screenshot(`${label}-campagnes-390`);

  assert.deepEqual(app.foreignRequests(), [], 'no request left for anything but the app itself');
  assert.deepEqual(app.errors, [], 'no error in the console');
  await app.context.close();
}

test('served app: drop an export, read who is certifiable, reload, nothing leaves the machine', async () => {
  await seedScenario(env.server.url, 'http');
});

test('single file from file://: the same flow works with no server', async () => {
  await seedScenario(singleFileUrl(), 'fichier');
});

test('the example button imports the built-in export', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.testid('demo-button').click();
  await app.testid('import-result').waitFor();
  const [result] = await app.importResults();
  assert.equal(result.status, 'ok', result.text);
  await app.openCampaign(want.campaign_id);
  assert.equal(await app.count('count-certifiable'), want.certifiable);
  await app.context.close();
});

test('the same export dropped twice is recognised and stored once', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(`${FIXTURE}.csv`);
  await app.pick(`${FIXTURE}.csv`);
  const results = await app.importResults();
  assert.equal(results.at(-1).status, 'duplicate', results.at(-1).text);
  assert.match(results.at(-1).text, /Déjà importé le/);
  assert.equal((await app.campaignRows()).length, 1);
  await app.context.close();
});

test('the CSP refuses any outside resource, and the checks above would see it (request log, console)', async () => {
  for (const url of [env.server.url, singleFileUrl()]) {
    const app = await CohortePage.open(env.browser, url);
    // What a stray <img> in the markup would do; 127.0.0.1:9 (discard) so nothing leaves the machine.
    await app.page.evaluate(() => { const image = new Image(); image.src = 'http://127.0.0.1:9/pixel.png'; document.body.append(image); });
    const deadline = Date.now() + 5_000;
    while (!app.errors.some((e) => /CSP violation: img-src/.test(e)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(app.errors.some((e) => /CSP violation: img-src blocked http:\/\/127\.0\.0\.1:9\/pixel\.png/.test(e)), `${url}: refused and reported: ${app.errors.join(' | ')}`);
    if (app.browserName === 'chromium') {
      // Chromium reports the attempt before refusing it; Firefox refuses before any request exists.
      assert.deepEqual(app.foreignRequests(), ['http://127.0.0.1:9/pixel.png'], `${url}: the request log sees it`);
    } else {
      assert.deepEqual(app.foreignRequests(), [], `${url}: refused before any request`);
    }
    await app.context.close();
  }
});
