// The file:// storage trap (issue 15). Firefox ties a local page's localStorage to the file's
// exact path: the same cohorte.html copied elsewhere, or saved again as "cohorte(1).html",
// opens empty, and putting it back shows the data again. The empty state must then say why
// (hook `file-origin-notice`). Chromium shares one storage between all local files: there a
// copy shows the same data, which this file checks too so the difference stays known.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CohortePage, ROOT, SINGLE_FILE, testIn, useBrowserAndServer } from './harness.mjs';

const env = useBrowserAndServer();

const FIXTURE = 'collecte-3e-sco-2025';
const ADVICE = /Vous aviez des données\s?\?\s+Ouvrez le fichier depuis son emplacement habituel, ou restaurez une sauvegarde\./;

/** The release file placed as a user would: on the desktop, downloaded there again
 *  ("cohorte(1).html"), and copied to a USB stick. */
function placeTheFile(browser) {
  const base = join(ROOT, 'target/e2e-file-origin', browser);
  rmSync(base, { recursive: true, force: true });
  const places = { usual: join(base, 'bureau', 'cohorte.html'), renamed: join(base, 'bureau', 'cohorte(1).html'), moved: join(base, 'cle-usb', 'cohorte.html') };
  for (const path of Object.values(places)) {
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(SINGLE_FILE, path);
  }
  return Object.fromEntries(Object.entries(places).map(([place, path]) => [place, pathToFileURL(path).href]));
}

const cohorteKeys = (app) => app.page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('cohorte.')));

testIn(['firefox'], 'file://: the data belong to the file at its path; a copy elsewhere opens empty and says what to do', async () => {
  const places = placeTheFile('firefox');
  const context = await env.browser.newContext();
  const original = await CohortePage.open(env.browser, places.usual, { context });
  await original.pick(`${FIXTURE}.csv`);
  assert.equal((await original.campaignRows()).length, 1);
  await original.reload();
  assert.equal((await original.campaignRows()).length, 1, 'kept across a reload at the same path');

  for (const [label, url] of [['renommé', places.renamed], ['déplacé', places.moved]]) {
    const copy = await CohortePage.open(env.browser, url, { context });
    assert.equal((await copy.campaignRows()).length, 0, `${label}: opens with no campaign`);
    assert.deepEqual(await cohorteKeys(copy), [], `${label}: this path has a storage of its own, empty`);
    await copy.screenshot(`fichier-copie-${label}-1280`);
    // Needs the UI branch (issue 15, point 3): the empty state's advice on file://.
    const notice = copy.testid('file-origin-notice');
    await notice.waitFor({ timeout: 5_000 });
    assert.match((await notice.textContent()).replace(/\s+/g, ' '), ADVICE, `${label}: the empty state explains`);
    assert.deepEqual(copy.errors, [], `${label}: no console error`);
    await copy.page.raw.close();
  }

  // Back at its usual place, the file finds everything again.
  await original.reload();
  assert.equal((await original.campaignRows()).length, 1, 'the original path still has the data');
  assert.deepEqual(original.foreignRequests(), [], 'no network request');
  await context.close();
});

testIn(['chromium'], 'file://: Chromium shares one storage between local files, so a copy elsewhere shows the same data', async () => {
  const places = placeTheFile('chromium');
  const context = await env.browser.newContext();
  const original = await CohortePage.open(env.browser, places.usual, { context });
  await original.pick(`${FIXTURE}.csv`);
  const ids = (await original.campaignRows()).map((c) => c.id);
  assert.equal(ids.length, 1);
  for (const url of [places.renamed, places.moved]) {
    const copy = await CohortePage.open(env.browser, url, { context });
    assert.deepEqual((await copy.campaignRows()).map((c) => c.id), ids, url);
    assert.deepEqual(copy.errors, []);
  }
  await context.close();
});
