// LOCAL ONLY (not committed): axe-core audit through the playwright harness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CohortePage, expected, useBrowserAndServer } from './harness.mjs';
const AXE = readFileSync('/work/wt/firefox/node_modules/axe-core/axe.min.js', 'utf8');
const env = useBrowserAndServer();
async function audit(app, label, out) {
  if (!(await app.page.evaluate(() => typeof window.axe === 'object'))) await app.page.evaluate(AXE);
  const v = await app.page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)) }))));
  if (v.length) out.push({ label, v });
}
test('axe', async () => {
  const out = [];
  const app = await CohortePage.open(env.browser, env.server.url);
  await audit(app, 'home empty', out);
  await app.pick('collecte-3e-sco-2025.csv', 'evaluation-rentree-5e.csv', 'collecte-4e-envoi-multiple.csv');
  await audit(app, 'home filled', out);
  for (const [id, tabs] of [[expected('collecte-3e-sco-2025').campaign_id, ['participants', 'todo', 'classes', 'analysis', 'history']], [expected('evaluation-rentree-5e').campaign_id, ['participants', 'averages']]]) {
    await app.goto('#/');
    await app.openCampaign(id);
    for (const tab of tabs) { await app.testid(`tab-${tab}`).click(); await app.page.waitForTimeout(200); await audit(app, `${id} ${tab}`, out); }
  }
  await app.goto('#/eleves'); await app.testid('students-view').waitFor(); await audit(app, 'students', out);
  await app.goto('#/');
  await app.openCampaign(expected('collecte-4e-envoi-multiple').campaign_id);
  await app.page.locator('[data-testid="participant-row"] [id^="detail-open-"]').first().click();
  await app.testid('student-detail').waitFor();
  await audit(app, 'detail', out);
  console.log(JSON.stringify(out, null, 1));
  assert.deepEqual(out, []);
});
