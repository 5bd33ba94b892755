// The screens staff live in: the campaign list (search, type, archive, sort, pages), a
// profiles collection (filters, sorts, page sizes, URL, class summary, action list, CSV
// exports, print, student detail) and an assessment campaign. Expected values come from the
// fixtures' JSON, never from the app itself.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, CohortePage, FIXTURES, expected, pdfPageCount, useBrowserAndServer } from './harness.mjs';

const env = useBrowserAndServer();

const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const classKey = (label) => fold(label).replace(/[^a-z0-9]/g, '').replace(/^(\d+)(eme|e)(?=.)/, '$1');

/** Drops in-memory files (name, text) on the drop zone. */
async function dropTexts(app, files) {
  await app.testid('drop-zone').evaluate((zone, files) => {
    const transfer = new DataTransfer();
    for (const { name, text } of files) transfer.items.add(new File([text], name, { type: 'text/csv' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, files);
  await app.page.waitForFunction((n) => document.querySelectorAll('[data-testid="import-result"]').length >= n, files.length);
}

/** RFC 4180 reader for `;` files, enough to check what a spreadsheet would read. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') { row.push(cell); cell = ''; }
    else if (ch === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

async function download(app, testid) {
  const [file] = await Promise.all([app.page.waitForEvent('download'), app.testid(testid).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

async function openFixture(app, name) {
  await app.pick(`${name}.csv`);
  await app.openCampaign(expected(name).campaign_id);
}

const rowsData = (app) => app.participantRows();

/** Checks exactly these classes in the class filter (labels as shown), through its checkboxes. */
async function setClasses(app, labels) {
  const filter = app.testid('filter-class');
  await filter.locator('[data-testid="filter-class-none"]').click();
  for (const label of labels) await filter.getByLabel(label, { exact: true }).check();
}

/** Opens a tab of the campaign page by its hook suffix (`todo`, `classes`, …). */
async function openTab(app, key) {
  await app.testid(`tab-${key}`).click();
  await app.page.locator(`[role="tabpanel"][data-testid="panel-${key}"]`).waitFor();
}

test('campaign list: 25 per page, search by name or code, type, archive kept after reload, sort by every column', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  const fixtures = ['collecte-3e-sco-2025', 'collecte-sup-groupes', 'evaluation-rentree-5e', 'evaluation-exam', 'collecte-noms-speciaux'];
  await app.pick(...fixtures.map((n) => `${n}.csv`));
  const base = readFileSync(join(FIXTURES, 'collecte-noms-speciaux.csv'), 'utf8');
  const extra = Array.from({ length: 22 }, (_, i) => ({
    name: `copie-${i}.csv`,
    text: base.replaceAll('348199', String(900100 + i)).replaceAll('PXSPEC001', `PXCOPY${String(i).padStart(3, '0')}`)
      .replaceAll('\'=Campagne ""spéciale""; test', `Copie ${i}`),
  }));
  await dropTexts(app, extra);
  const total = fixtures.length + extra.length;
  assert.match(await app.testid('campaigns-count').textContent(), new RegExp(`^${total} campagnes`));
  assert.equal((await app.campaignRows()).length, 25);
  await app.testid('campaigns-page-next').click();
  assert.equal((await app.campaignRows()).length, total - 25);
  await app.testid('campaigns-page-prev').click();

  await app.testid('campaign-search').fill('pxcopy007');
  assert.deepEqual((await app.campaignRows()).map((r) => r.id), ['900107']);
  await app.testid('campaign-search').fill('EVALUATION rentree');
  assert.deepEqual((await app.campaignRows()).map((r) => r.id), [String(expected('evaluation-rentree-5e').campaign_id)]);
  await app.testid('campaign-search').fill('');

  await app.testid('campaign-kind').selectOption('assessment');
  const assessments = await app.campaignRows();
  assert.equal(assessments.length, 2);
  assert.ok(assessments.every((r) => r.kind === 'assessment'));
  await app.testid('campaign-kind').selectOption('all');

  // Sorting: numeric columns open largest first, a second click reverses.
  await app.testid('campaign-sort-participants').click();
  const th = app.page.locator('th:has([data-testid="campaign-sort-participants"])');
  assert.equal(await th.getAttribute('aria-sort'), 'descending');
  let counts = await app.testid('campaign-row').evaluateAll((rows) => rows.map((r) => Number(r.dataset.participants)));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
  await app.testid('campaign-sort-participants').click();
  assert.equal(await th.getAttribute('aria-sort'), 'ascending');
  counts = await app.testid('campaign-row').evaluateAll((rows) => rows.map((r) => Number(r.dataset.participants)));
  assert.deepEqual(counts, [...counts].sort((a, b) => a - b));
  await app.testid('campaign-sort-name').click();
  const names = await app.testid('campaign-row').evaluateAll((rows) => rows.map((r) => r.dataset.name));
  const byFold = (a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0);
  assert.deepEqual(names, [...names].sort(byFold));
  for (const column of ['code', 'kind', 'organisation', 'received', 'certifiable', 'latest', 'snapshots']) {
    await app.testid(`campaign-sort-${column}`).click();
    const sorted = app.page.locator(`th:has([data-testid="campaign-sort-${column}"])`);
    assert.match(await sorted.getAttribute('aria-sort'), /ascending|descending/, column);
    assert.equal(await app.page.locator('th[aria-sort="ascending"], th[aria-sort="descending"]').count(), 1, column);
  }
  await app.screenshot('vues-campagnes-1280');

  // Archive: hidden from the active list, shown under "archivées", kept after a reload.
  const exam = String(expected('evaluation-exam').campaign_id);
  await app.testid('campaign-search').fill(expected('evaluation-exam').campaign_name);
  await app.page.locator(`[data-testid="campaign-row"][data-campaign-id="${exam}"] [data-testid="campaign-archive"]`).click();
  assert.equal((await app.campaignRows()).length, 0);
  await app.testid('campaign-search').fill('');
  assert.match(await app.testid('campaigns-count').textContent(), new RegExp(`^${total - 1} campagnes`));
  await app.reload();
  assert.match(await app.testid('campaigns-count').textContent(), new RegExp(`^${total - 1} campagnes`));
  await app.testid('campaign-archived').selectOption('archived');
  const archived = await app.campaignRows();
  assert.deepEqual(archived.map((r) => r.id), [exam]);
  await app.page.locator(`[data-testid="campaign-row"][data-campaign-id="${exam}"] [data-testid="campaign-archive"]`).click();
  assert.equal((await app.campaignRows()).length, 0);
  await app.testid('campaign-archived').selectOption('active');
  assert.match(await app.testid('campaigns-count').textContent(), new RegExp(`^${total} campagnes`));

  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.screenshot('vues-campagnes-390');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('profiles collection: every filter, every sort, page sizes and pages, kept in the URL', async () => {
  const name = 'collecte-3e-sco-2025';
  const want = expected(name);
  const app = await CohortePage.open(env.browser, env.server.url);
  await openFixture(app, name);
  assert.match(await app.page.title(), new RegExp(want.campaign_name));
  assert.match(await app.testid('participants-count').textContent(), new RegExp(`^${want.participants} participants`));
  assert.equal((await rowsData(app)).length, Math.min(want.participants, 50));

  // Classes: multi-select.
  await setClasses(app, ['3A', '3C']);
  let rows = await rowsData(app);
  const inClasses = want.students.filter((s) => ['3A', '3C'].includes(s.class));
  assert.equal(rows.length, inClasses.length);
  assert.ok(rows.every((r) => ['3A', '3C'].includes(r.class)));
  // The URL is written just after the table is drawn (see AppState::navigate).
  await app.page.waitForURL(/classe=3a%2C3c|classe=3a,3c/i);
  // The class search narrows the list of classes, not the table.
  await app.testid('filter-class-search').fill('3b');
  assert.deepEqual(await app.testid('filter-class').locator('li:not([hidden])').allTextContents(), ['3A', '3B', '3C']);
  await app.testid('filter-class-search').fill('');
  await setClasses(app, []);

  // Certifiability.
  for (const [value, predicate] of [
    ['certifiable', (s) => s.sent && s.certifiable],
    ['not-certifiable', (s) => s.sent && !s.certifiable],
    ['not-sent', (s) => !s.sent],
  ]) {
    await app.testid('filter-certifiability').selectOption(value);
    rows = await rowsData(app);
    assert.equal(rows.length, want.students.filter(predicate).length, value);
  }
  await app.testid('filter-certifiability').selectOption('all');

  // Name search, accent- and case-insensitive.
  await app.testid('filter-search').fill('ben said noe');
  rows = await rowsData(app);
  assert.deepEqual(rows.map((r) => r.last), ['BEN SAÏD']);
  await app.testid('filter-search').fill('');

  // Every sort, both ways, announced with aria-sort.
  await app.testid('page-size').selectOption('100');
  const keyOf = {
    nom: (r) => fold(`${r.last} ${r.first}`),
    prenom: (r) => fold(r.first),
    classe: (r) => r.class,
    envoi: (r) => want.students.find((s) => s.last === r.last && s.first === r.first).sent_at ?? '',
    score: (r) => (r.score === undefined ? -1 : Number(r.score)),
    evolution: (r) => (r.evolution === undefined ? -Infinity : Number(r.evolution)),
    certifiable: (r) => (r.sent === 'false' ? 2 : r.certifiable === 'true' ? 0 : 1),
    competences: (r) => (r.competences === undefined ? -1 : Number(r.competences)),
  };
  const compare = (a, b) => (typeof a === 'number' ? a - b : a < b ? -1 : a > b ? 1 : 0);
  for (const [column, key] of Object.entries(keyOf)) {
    for (const direction of ['ascending', 'descending']) {
      const button = app.testid(`sort-${column}`);
      // "nom" is the default ascending sort: its first click reverses it.
      const current = await app.page.locator(`th[data-sort="${column}"]`).getAttribute('aria-sort');
      if (current !== direction) await button.click();
      assert.equal(await app.page.locator(`th[data-sort="${column}"]`).getAttribute('aria-sort'), direction, column);
      const keys = (await rowsData(app)).map(key);
      const sorted = [...keys].sort(compare);
      if (direction === 'descending') sorted.reverse();
      assert.deepEqual(keys, sorted, `${column} ${direction}`);
    }
  }
  await app.testid('sort-nom').click();
  assert.equal(await app.page.locator('th[data-sort="nom"]').getAttribute('aria-sort'), 'ascending');

  // Page sizes and pages; the view is in the URL and survives a reload.
  await app.testid('page-size').selectOption('10');
  const first = await rowsData(app);
  assert.equal(first.length, 10);
  await app.testid('page-next').click();
  const second = await rowsData(app);
  assert.equal(second.length, 10);
  assert.notEqual(second[0].last + second[0].first, first[0].last + first[0].first);
  assert.match(await app.testid('page-current').textContent(), /Page 2 \/ 5/);
  await app.testid('filter-certifiability').selectOption('not-certifiable');
  await app.testid('page-size').selectOption('25');
  await app.page.waitForURL(/taille=25/);
  const hash = new URL(app.page.url()).hash;
  assert.match(hash, /statut=not-certifiable/);
  assert.match(hash, /taille=25/);
  await app.reload();
  assert.equal(await app.testid('filter-certifiability').inputValue(), 'not-certifiable');
  assert.equal(await app.testid('page-size').inputValue(), '25');
  assert.equal((await rowsData(app)).length, want.not_certifiable);
  for (const size of ['50', '100']) {
    await app.testid('page-size').selectOption(size);
    assert.equal((await rowsData(app)).length, want.not_certifiable, size);
  }
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('class summary and action list match the expected students, and the CSV says the same', async () => {
  const name = 'collecte-3e-sco-2025';
  const want = expected(name);
  const app = await CohortePage.open(env.browser, env.server.url);
  await openFixture(app, name);
  const byClass = {};
  for (const s of want.students) {
    const c = (byClass[s.class] ??= { participants: 0, received: 0, certifiable: 0, notCertifiable: 0, notSent: 0 });
    c.participants++;
    if (!s.sent) c.notSent++; else { c.received++; if (s.certifiable) c.certifiable++; else c.notCertifiable++; }
  }
  await openTab(app, 'classes');
  const summary = await app.testid('class-row').evaluateAll((rows) => rows.map((r) => ({ ...r.dataset })));
  assert.deepEqual(summary.map((r) => r.class), Object.keys(byClass).sort());
  for (const row of summary) {
    const c = byClass[row.class];
    assert.equal(Number(row.participants), c.participants, row.class);
    assert.equal(Number(row.received), c.received, row.class);
    assert.equal(Number(row.certifiable), c.certifiable, row.class);
    assert.equal(row.allCertifiable, String(c.certifiable === c.participants), row.class);
  }

  await openTab(app, 'todo');
  const classes = await app.testid('todo-class').evaluateAll((blocks) => blocks.map((b) => ({ ...b.dataset })));
  assert.deepEqual(classes.map((c) => c.class), Object.keys(byClass).sort());
  for (const c of classes) {
    assert.equal(Number(c.notCertifiable), byClass[c.class].notCertifiable, c.class);
    assert.equal(Number(c.notSent), byClass[c.class].notSent, c.class);
  }
  const students = await app.testid('todo-student').evaluateAll((rows) => rows.map((r) => ({ ...r.dataset })));
  assert.equal(students.length, want.not_certifiable + want.not_sent);
  const indices = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '5.1', '5.2'];
  for (const student of students) {
    const s = want.students.find((e) => e.last === student.last && e.first === student.first);
    assert.ok(s && !(s.sent && s.certifiable), `${student.last} belongs on the list`);
    if (s.sent) {
      assert.equal(Number(student.missing), s.missing_to_certify, student.last);
      assert.equal(student.zero, indices.filter((_, i) => s.levels[i] === 0).join(','), student.last);
    } else {
      assert.equal(student.status, 'not-sent');
    }
  }
  await app.testid('todo').screenshot({ path: app.shotPath('vues-a-faire-1280') });

  // CSV of the action list: BOM, `;`, one line per student to help.
  const { name: file, bytes } = await download(app, 'export-todo');
  assert.match(file, /\.csv$/);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const csv = parseCsv(bytes.toString('utf8').slice(1));
  assert.equal(csv[0][0], 'Classe');
  assert.equal(csv.length - 1, want.not_certifiable + want.not_sent);
  for (const record of csv.slice(1)) {
    const s = want.students.find((e) => e.last === record[1] && e.first === record[2]);
    assert.ok(s, record.join(';'));
    assert.equal(record[0], s.class);
    if (s.sent) assert.equal(Number(record[5]), s.missing_to_certify);
  }

  // The action list follows the class filter.
  await setClasses(app, ['3B']);
  const filtered = await app.testid('todo-class').evaluateAll((blocks) => blocks.map((b) => b.dataset.class));
  assert.deepEqual(filtered, ['3B']);

  // Print: only the list, one class per page (print CSS), after the lists unfold.
  await setClasses(app, []);
  await app.page.evaluate(() => {
    window.__printed = [];
    window.print = () => window.__printed.push(document.body.classList.contains('print-todo'));
  });
  await app.testid('print-todo').click();
  await app.page.waitForFunction(() => window.__printed.length === 1);
  assert.deepEqual(await app.page.evaluate(() => window.__printed), [true]);
  await app.page.evaluate(() => document.body.classList.add('print-todo'));
  await app.page.emulateMedia({ media: 'print' });
  // Issue 26: no blank first page — a break before every printed class sheet but the first.
  const breaks = await app.testid('todo-class').evaluateAll((blocks) => blocks.map((b) => getComputedStyle(b).breakBefore));
  assert.equal(breaks[0], 'auto', JSON.stringify(breaks));
  assert.ok(breaks.slice(1).every((b) => b === 'page'), JSON.stringify(breaks));
  assert.equal(await app.testid('participants-table').isVisible(), false);
  await app.screenshot('vues-impression');
  await app.page.emulateMedia({ media: 'screen' });
  // The browser's own print engine, no emulation: at least one A4 page per class.
  const printed = await app.printPdf();
  assert.ok(pdfPageCount(printed) >= classes.length, `${pdfPageCount(printed)} printed pages for ${classes.length} classes`);
  await app.page.evaluate(() => document.body.classList.remove('print-todo'));
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('CSV export of the table: formula-looking names are guarded, quotes and semicolons kept', async () => {
  const name = 'collecte-noms-speciaux';
  const want = expected(name);
  const app = await CohortePage.open(env.browser, env.server.url);
  await openFixture(app, name);
  // Markup in names is shown as text, never run.
  assert.equal(await app.page.locator('img').count(), 0);
  const { bytes } = await download(app, 'export-participants');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const csv = parseCsv(bytes.toString('utf8').slice(1));
  assert.equal(csv.length - 1, want.participants);
  for (const record of csv.slice(1)) {
    for (const cell of record) assert.doesNotMatch(cell, /^[=+\-@]/, `guarded: ${cell}`);
  }
  for (const s of want.students) {
    const shown = /^[=+\-@]/.test(s.last) ? `'${s.last}` : s.last;
    const record = csv.find((r) => r[0] === shown);
    assert.ok(record, shown);
    assert.equal(record[1], s.first);
    assert.equal(Number(record[4]), s.score);
  }
  // The action list of an all-certifiable campaign says so.
  await openTab(app, 'todo');
  assert.equal(await app.testid('todo-student').count(), 0);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('student detail: opened with the keyboard, the 16 competences by domain, every sending, Escape closes', async () => {
  const name = 'collecte-4e-envoi-multiple';
  const want = expected(name);
  const app = await CohortePage.open(env.browser, env.server.url);
  await openFixture(app, name);
  await app.testid('page-size').selectOption('100');
  const rows = await rowsData(app);
  const target = rows.find((r) => r.evolution !== undefined);
  assert.ok(target, 'a student with an earlier sending');
  const student = want.students.find((s) => s.last === target.last && s.first === target.first);
  const opener = app.page.locator(`#detail-open-${target.row}`);
  await opener.focus();
  await app.page.keyboard.press('Enter');
  const detail = app.testid('student-detail');
  await detail.waitFor();
  assert.equal(await detail.getAttribute('role'), 'dialog');
  assert.match(await app.testid('detail-title').textContent(), new RegExp(`${student.first} ${student.last}`));
  assert.match(await app.page.title(), new RegExp(`Profil de ${student.first}`));
  await app.page.waitForURL(new RegExp(`eleve=${target.row}`));
  const competences = await app.testid('competence-row').evaluateAll((rows) => rows.map((r) => ({ ...r.dataset })));
  assert.equal(competences.length, 16);
  assert.deepEqual(competences.map((c) => Number(c.level)), student.levels);
  assert.equal(await detail.locator('tbody.domain').count(), 5);
  assert.equal(Number(await app.testid('detail-score').textContent()), student.score);
  assert.equal(Number(await app.testid('detail-competences').textContent()), student.certifiable_competences);
  assert.match(await app.testid('detail-length').textContent(), /32 questions|certifiable/);
  const sendings = await app.testid('sending-row').count();
  assert.ok(sendings >= 2, `${sendings} sendings`);
  // The dialog is fixed over the page: a viewport picture shows what the user sees.
  await app.page.screenshot({ path: app.shotPath('vues-fiche-eleve-1280') });
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.page.screenshot({ path: app.shotPath('vues-fiche-eleve-390') });
  await app.page.setViewportSize({ width: 1280, height: 900 });

  // Focus stays in the modal dialog: Shift+Tab from its first control, Tab from its last.
  await app.testid('detail-close').focus();
  await app.page.keyboard.press('Shift+Tab');
  assert.ok(await detail.evaluate((dialog) => dialog.contains(document.activeElement) && document.activeElement !== dialog));
  await app.page.keyboard.press('Tab');
  assert.equal(await app.page.evaluate(() => document.activeElement?.dataset.testid), 'detail-close');

  // The detail survives a reload (it is in the URL), then Escape closes it and focus returns.
  await app.reload();
  await app.testid('student-detail').waitFor();
  await app.page.keyboard.press('Escape');
  await app.testid('student-detail').waitFor({ state: 'detached' });
  await app.page.waitForFunction((id) => document.activeElement?.id === id, `detail-open-${target.row}`);
  await app.page.waitForURL((url) => !/eleve=/.test(url.hash));
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('assessment campaign: progress, status, mastery, stages, badges, filters and averages', async () => {
  const name = 'evaluation-rentree-5e';
  const want = expected(name);
  const app = await CohortePage.open(env.browser, env.server.url);
  await openFixture(app, name);
  assert.equal(await app.count('count-participants'), want.participants);
  assert.equal(await app.count('count-received'), want.shared);
  const rows = () => app.testid('assessment-row').evaluateAll((rows) => rows.map((r) => ({ ...r.dataset })));
  let all = await rows();
  assert.equal(all.length, want.participants);
  for (const s of want.students) {
    const row = all.find((r) => r.last === s.last && r.first === s.first);
    assert.ok(row, s.last);
    assert.equal(row.status === 'shared', s.shared, s.last);
    if (s.shared) {
      assert.ok(Math.abs(Number(row.mastery) - s.mastery) < 1e-4, s.last);
      assert.equal(Number(row.stage), s.stage, s.last);
    }
  }
  await app.testid('filter-assessment-status').selectOption('shared');
  assert.equal((await rows()).length, want.shared);
  await app.testid('filter-assessment-status').selectOption('all');
  await app.testid('filter-stage').selectOption('2');
  assert.equal((await rows()).length, want.students.filter((s) => s.stage === 2).length);
  await app.testid('filter-stage').selectOption('');
  const firstClass = want.students[0].class;
  await setClasses(app, [firstClass]);
  all = await rows();
  assert.equal(all.length, want.students.filter((s) => s.class === firstClass).length);
  await openTab(app, 'averages');
  const averages = await app.testid('mastery-average').evaluateAll((rows) => rows.map((r) => ({ ...r.dataset })));
  assert.ok(averages.some((a) => a.kind === 'competence'));
  assert.ok(averages.some((a) => a.kind === 'domain'));
  assert.ok(averages.every((a) => a.average === undefined || (Number(a.average) >= 0 && Number(a.average) <= 1)));
  await openTab(app, 'participants');
  await setClasses(app, []);
  await app.screenshot('vues-evaluation-1280');
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.screenshot('vues-evaluation-390');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('narrow and wide screens: the campaign page top and the action list', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await openFixture(app, 'collecte-3e-sco-2025');
  await app.page.screenshot({ path: app.shotPath('vues-haut-1280') });
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.page.screenshot({ path: app.shotPath('vues-haut-390') });
  await openTab(app, 'classes');
  await app.testid('class-summary').screenshot({ path: app.shotPath('vues-classes-390') });
  await openTab(app, 'todo');
  await app.testid('todo').screenshot({ path: app.shotPath('vues-a-faire-390') });
  const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 390 px (${overflow} px)`);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
