// The accessibility audit (issue 16, point 10): axe-core's WCAG 2.1 A and AA rules on every page
// and tab a user meets — home empty and filled, the storage panel, each tab of a profiles
// collection and of an assessment, the students view and the student detail — with zero
// violations. Each page is its own subtest, so one failing page does not hide the others;
// the violations found are also written to target/a11y/<browser>/<page>.json.
// On the app of 2 December 2026 this fails on purpose: footer text at 4.43:1, white figures on
// the darker heat-map cells (3.47:1) and on two domain headers of the student detail, and the
// assessment table's scroll box out of keyboard reach. The UI rewrite (issue 16) fixes them.
import assert from 'node:assert/strict';
import { audit, CohortePage, describeViolations, expected, test, useBrowserAndServer } from './harness.mjs';

const env = useBrowserAndServer();

const PROFILES = 'collecte-3e-sco-2025';
const ASSESSMENT = 'evaluation-rentree-5e';

async function assertNoViolation(t, app, label) {
  await t.test(label, async () => {
    const violations = await audit(app, label);
    assert.equal(violations.length, 0, `${label}: ${violations.length} WCAG 2.1 A/AA violation(s)\n${describeViolations(violations)}`);
  });
}

/** Audits the campaign page as opened, then each of its tabs (role="tab"), one by one. */
async function auditCampaignTabs(t, app, label) {
  await assertNoViolation(t, app, label);
  const tabs = await app.page.locator('[role="tab"]').evaluateAll((tabs) => tabs.map((tab) => ({
    id: tab.id, testid: tab.dataset.testid, name: tab.textContent.trim(), selected: tab.getAttribute('aria-selected') === 'true',
  })));
  for (const [index, tab] of tabs.entries()) {
    if (tab.selected) continue;
    const selector = tab.testid ? `[data-testid="${tab.testid}"]` : tab.id ? `#${tab.id}` : undefined;
    const locator = selector ? app.page.locator(selector) : app.page.locator('[role="tab"]', { hasText: tab.name });
    await locator.click();
    await app.page.waitForFunction((i) => document.querySelectorAll('[role="tab"]')[i]?.getAttribute('aria-selected') === 'true', index);
    await assertNoViolation(t, app, `${label} — onglet ${tab.name}`);
  }
}

test('WCAG 2.1 A and AA (axe-core): no violation on any page or tab', async (t) => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await assertNoViolation(t, app, 'accueil vide');

  await app.pick(`${PROFILES}.csv`, `${ASSESSMENT}.csv`, 'collecte-4e-envoi-multiple.csv');
  await assertNoViolation(t, app, 'accueil avec campagnes');

  await app.testid('storage-panel').scrollIntoViewIfNeeded();
  await assertNoViolation(t, app, 'stockage');

  await app.openCampaign(expected(PROFILES).campaign_id);
  await auditCampaignTabs(t, app, 'collecte de profils');

  await app.goto('#/');
  await app.openCampaign(expected(ASSESSMENT).campaign_id);
  await auditCampaignTabs(t, app, 'évaluation');

  await app.goto('#/');
  await app.testid('nav-students').click();
  await app.testid('students-view').waitFor();
  await assertNoViolation(t, app, 'élèves');

  await app.goto('#/');
  await app.openCampaign(expected('collecte-4e-envoi-multiple').campaign_id);
  await app.page.locator('[data-testid="participant-row"] [id^="detail-open-"]').first().click();
  await app.testid('student-detail').waitFor();
  await assertNoViolation(t, app, 'fiche élève');

  assert.deepEqual(app.errors, [], 'no console error');
  await app.context.close();
});
