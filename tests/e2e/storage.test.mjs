// The storage panel, as a head of school uses it: import, back up, erase everything, restore
// and find the same views; a wrong backup file is refused and changes nothing.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, CohortePage, ROOT, singleFileUrl, useBrowserAndServer } from './harness.mjs';

const FIXTURES = ['collecte-3e-sco-2025.csv', 'evaluation-rentree-5e.csv', 'collecte-2020-ancien-format.csv'];
const TMP = join(ROOT, 'target/e2e-storage');

const env = useBrowserAndServer();
mkdirSync(TMP, { recursive: true });

const cohorteKeys = (entries) => entries.filter(([key]) => key.startsWith('cohorte.'));

test('backup, erase everything, restore: the same campaigns, counts and students', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(...FIXTURES);
  for (const result of await app.importResults()) assert.equal(result.status, 'ok', result.text);
  const campaignsBefore = await app.campaignRows();
  assert.equal(campaignsBefore.length, 3);
  const viewsBefore = await app.campaignViews();
  const storedBefore = cohorteKeys(await app.storedEntries());
  assert.equal(storedBefore.length, 4, 'an index and three snapshots');

  const usage = await app.testid('storage-usage').textContent();
  assert.match(usage, /Utilisé : \d+ Ko sur environ 10,0 Mo/, usage);
  assert.equal(await app.testid('storage-snapshot').count(), 3);
  await app.testid('storage-panel').scrollIntoViewIfNeeded();
  await app.screenshot('storage-1280');
  await app.testid('storage-panel').screenshot({ path: app.shotPath('storage-panel-1280') });
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.screenshot('storage-390');
  await app.testid('storage-panel').screenshot({ path: app.shotPath('storage-panel-390') });
  await app.page.setViewportSize({ width: 1280, height: 900 });

  const backup = await app.downloadBackup();
  assert.match(backup.name, /^cohorte-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
  const parsed = JSON.parse(backup.text);
  assert.equal(parsed.format, 'cohorte-sauvegarde');
  assert.equal(parsed.version, 3);
  assert.deepEqual(parsed.snapshots.map((s) => s.file_name).sort(), [...FIXTURES].sort());
  const backupPath = join(TMP, backup.name);
  writeFileSync(backupPath, backup.text);

  await app.eraseAll();
  assert.deepEqual(cohorteKeys(await app.storedEntries()), [], 'nothing of Cohorte left');
  assert.equal(await app.testid('storage-snapshot').count(), 0);
  await app.reload();
  assert.equal((await app.campaignRows()).length, 0, 'still empty after a reload');

  const restored = await app.restoreBackup(backupPath, 'replace');
  assert.equal(restored.status, 'ok', restored.text);
  assert.match(restored.text, /3 imports restaurés/);
  assert.deepEqual((await app.campaignRows()).map((c) => c.id).sort(), campaignsBefore.map((c) => c.id).sort());
  assert.deepEqual(await app.campaignViews(), viewsBefore, 'the views are identical');

  // Restoring the same file again in merge mode adds nothing.
  const merged = await app.restoreBackup(backupPath, 'merge');
  assert.equal(merged.status, 'ok', merged.text);
  assert.match(merged.text, /Aucun nouvel import.*3 déjà présent/);

  // Replacing what is stored asks first, once the file is known to be a good backup;
  // cancelling changes nothing.
  const stored = await app.storedEntries();
  let question = '';
  app.page.once('dialog', (dialog) => { question = dialog.message(); dialog.dismiss(); });
  const cancelled = await app.restoreBackup(backupPath, 'replace');
  // Issue 26 point 13: plurals written out, not « import(s) ».
  assert.match(question, /Remplacer les 3 imports conservés .* par les 3 imports de la sauvegarde/);
  assert.match(cancelled.text, /Restauration annulée : rien n’a été modifié/);
  assert.deepEqual(await app.storedEntries(), stored, 'cancelled: storage unchanged');
  await app.reload();
  assert.deepEqual(await app.campaignViews(), viewsBefore, 'identical after a reload too');
  assert.deepEqual(app.errors, [], 'no console error');
  assert.deepEqual(app.foreignRequests(), [], 'no network request');
  await app.context.close();
});

test('a wrong backup file is refused with a French message, and nothing changes', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick('collecte-3e-sco-2025.csv', 'evaluation-rentree-5e.csv');
  const backup = await app.downloadBackup();
  const wrong = {
    'autre-application.json': JSON.stringify({ app: 'autre', items: [1, 2, 3] }),
    'sauvegarde-tronquee.json': backup.text.slice(0, Math.floor(backup.text.length / 2)),
    // Still JSON, but a snapshot whose pix cannot be negative.
    'sauvegarde-abimee.json': backup.text.replace('"total_pix":', '"total_pix":-'),
    'pas-du-json.json': 'Nom;Prénom\nDUPONT;Léa\n',
  };
  const before = await app.storedEntries();
  for (const [name, text] of Object.entries(wrong)) {
    const path = join(TMP, name);
    writeFileSync(path, text);
    for (const mode of ['replace', 'merge']) {
      const result = await app.restoreBackup(path, mode);
      assert.equal(result.status, 'error', `${name} (${mode}) must be refused: ${result.text}`);
      assert.match(result.text, /Rien n’a été modifié/, result.text);
      assert.ok(result.text.startsWith(`Fichier « ${name} » refusé.`), `${name} (${mode}): the message names the file: ${result.text}`);
      assert.deepEqual(await app.storedEntries(), before, `${name} (${mode}): storage unchanged`);
    }
  }
  await app.screenshot('storage-refus-1280');
  assert.equal((await app.campaignRows()).length, 2);
  await app.context.close();
});

test('deleting one snapshot and one campaign asks first, then frees the space', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick('collecte-3e-sco-2025.csv', 'collecte-reenregistre-tableur-cp1252.csv', 'evaluation-rentree-5e.csv');
  const campaign = (await app.campaignRows()).find((c) => c.kind === 'profiles-collection').id;
  const group = app.page.locator(`[data-testid="storage-campaign"][data-campaign-id="${campaign}"]`);
  assert.equal(await group.locator('[data-testid="storage-snapshot"]').count(), 2);

  app.page.once('dialog', (dialog) => dialog.dismiss());
  await group.locator('[data-testid="delete-snapshot"]').first().click();
  assert.equal(await app.testid('storage-snapshot').count(), 3, 'cancelled: nothing deleted');

  app.acceptNextDialog();
  await group.locator('[data-testid="delete-snapshot"]').first().click();
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="storage-snapshot"]').length === 2);
  app.acceptNextDialog();
  await group.locator('[data-testid="delete-campaign"]').click();
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="storage-snapshot"]').length === 1);
  assert.deepEqual((await app.campaignRows()).map((c) => c.kind), ['assessment']);
  await app.reload();
  assert.equal(await app.testid('storage-snapshot').count(), 1, 'the deletions were stored');
  await app.context.close();
});

test('a damaged entry is reported, set aside, and can be deleted; the rest still works', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick('collecte-3e-sco-2025.csv', 'evaluation-rentree-5e.csv');
  await app.page.evaluate(() => localStorage.setItem('cohorte.v2.snapshot.1', '{"écrit": "à la main"}'));
  await app.reload();
  await app.testid('app-error').first().waitFor();
  assert.equal((await app.campaignRows()).length, 1);
  assert.equal(await app.testid('damaged-entry').count(), 1);
  await app.testid('delete-damaged').click();
  await app.page.waitForFunction(() => !document.querySelector('[data-testid="damaged-entry"]'));
  await app.reload();
  assert.equal(await app.testid('app-error').count(), 0);
  await app.context.close();
});

test('from file://, the backup downloads without any network', async () => {
  const app = await CohortePage.open(env.browser, singleFileUrl());
  await app.pick('collecte-3e-sco-2025.csv');
  const backup = await app.downloadBackup();
  assert.equal(JSON.parse(backup.text).snapshots.length, 1);
  assert.deepEqual(app.foreignRequests(), []);
  await app.context.close();
});
