// Issue 26, as a head of school reads Cohorte: with a school list loaded, one base for every
// share (header, cards, campaign list, Par classe, Historique), one name per situation on every
// page and export, the keyboard flows (open a campaign, switch tab, export), the printed
// « À faire » as PDF (one sheet per class, headed with the campaign and its code), axe-core,
// and screenshots of every page at 1280 px and 390 px. Issue 25 point 11: a list of another
// school is said plainly and the campaign counted on its participants.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './harness.mjs';
import { audit, describeViolations, test, CohortePage, SCREENSHOTS, expected, pdfPageCount, useBrowserAndServer } from './harness.mjs';

const EXPORT = 'collecte-3e-sco-2025.csv';
const ROSTER = 'roster/e2e-ElevesSansAdresses.zip';
const CAMPAIGN = expected('collecte-3e-sco-2025');
const OTHER_SCHOOL = 'collecte-sup-groupes.csv';

const env = useBrowserAndServer();

/** The names the glossary replaced: none may appear on any page or export. */
const FORBIDDEN = [/Non communiqué/i, /sans profil/i, /classe différente/i, /\bNon envoyés?\b/, /Toujours sans/i, /\bPlus certifiables\b/, /de la cohorte/i];

function assertNoOldName(text, where) {
  for (const pattern of FORBIDDEN) assert.doesNotMatch(text, pattern, `${where}: an old name for a glossary situation`);
}

const bodyText = (app) => app.page.evaluate(() => document.body.textContent);

async function showAllRows(app) {
  if (await app.testid('page-size').count()) await app.testid('page-size').selectOption('100');
}

async function openTab(app, key) {
  await app.testid(`tab-${key}`).click();
  await app.page.waitForFunction((key) => document.querySelector(`[data-testid="tab-${key}"]`)?.getAttribute('aria-selected') === 'true', key);
}

async function noViolation(app, label) {
  const violations = await audit(app, label);
  assert.equal(violations.length, 0, `${label}: ${describeViolations(violations)}`);
}

async function shoot(app, name) {
  await app.screenshot(`lecture-${name}-1280`);
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.screenshot(`lecture-${name}-390`);
  await app.page.evaluate(() => window.scrollTo(0, 0));
  await app.screenshot(`lecture-${name}-390-haut`, { fullPage: false });
  await app.page.setViewportSize({ width: 1280, height: 900 });
}

test('with a school list, the header, the cards, the campaign list, Par classe and Historique share one base', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(ROSTER, EXPORT);
  await noViolation(app, 'lecture accueil');
  await shoot(app, 'accueil');

  // The campaign list: over the promotion, said so in the caption.
  const listCell = app.page.locator(`[data-testid="campaign-row"][data-campaign-id="${CAMPAIGN.campaign_id}"] [data-testid="campaign-certifiable"]`);
  const list = await listCell.evaluate((cell) => ({ ...cell.dataset, text: cell.textContent }));
  assert.equal(list.base, 'promotion');
  assert.match(await app.page.locator('.campaigns-table caption').textContent(), /promotion/);

  await app.openCampaign(String(CAMPAIGN.campaign_id));
  const share = app.testid('cohort-share');
  assert.equal(await share.getAttribute('data-base'), 'promotion');
  const text = await share.textContent();
  const [, percent, certifiable, whole] = text.match(/(\d+) % de la promotion est certifiable : (\d+) élèves? sur (\d+)\./).map(Number);
  assert.equal(percent, Math.round((100 * certifiable) / whole));
  // The cards count the same pupils: their situations add up to the promotion.
  assert.equal(await app.count('count-promotion'), whole);
  assert.equal(await app.count('count-promotion-certifiable'), certifiable);
  const situations = ['count-promotion-certifiable', 'count-promotion-not-certifiable', 'count-promotion-never-sent', 'count-never-joined'];
  let sum = 0;
  for (const id of situations) sum += await app.count(id);
  if (await app.testid('count-promotion-to-check').count()) sum += await app.count('count-promotion-to-check');
  assert.equal(sum, whole, 'each pupil of the promotion in one situation');
  // The campaign list said the same.
  assert.deepEqual([Number(list.certifiable), Number(list.whole)], [certifiable, whole]);
  assert.match(list.text, new RegExp(`${certifiable} / ${whole} de la promotion \\(${percent}\\s%\\)`));
  // The export's own figure is shown, named as such, with the gap explained.
  const participantsCertifiable = await app.count('count-certifiable');
  const only = await app.testid('participants-only-share').textContent();
  assert.match(only, new RegExp(`Participants de l’export seuls : ${participantsCertifiable} certifiables sur ${CAMPAIGN.participants ?? 44}`));
  const gap = only.match(/dont (\d+) certifiable/);
  assert.ok(gap, only);
  assert.equal(participantsCertifiable - Number(gap[1]), certifiable, 'the gap explains the two figures');
  assert.match(only, /hors liste/);

  // Par classe: each class counts its pupils, and the classes add up to the header.
  await openTab(app, 'classes');
  const rows = await app.testid('class-row').evaluateAll((rows) => rows.map((row) => ({ ...row.dataset })));
  assert.equal(rows.reduce((n, row) => n + Number(row.students), 0), whole);
  assert.equal(rows.reduce((n, row) => n + Number(row.certifiable), 0), certifiable);
  assert.match(await app.testid('classes-base').textContent(), /promotion/);

  // Historique: the import's share is the header's.
  await openTab(app, 'history');
  const history = await app.testid('snapshot-row').first().textContent();
  assert.match(history, new RegExp(`${certifiable} / ${whole} de la promotion`));
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('one name per situation on every page and export (text scan)', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(ROSTER, EXPORT);
  assertNoOldName(await bodyText(app), 'accueil');
  await app.openCampaign(String(CAMPAIGN.campaign_id));
  await showAllRows(app);
  const participants = await bodyText(app);
  assertNoOldName(participants, 'participants');
  for (const name of ['Jamais participé', 'Profils non envoyés', 'Hors liste', 'Autre classe dans la liste : ', 'Certifiables', 'Non certifiables']) {
    assert.ok(participants.includes(name), `participants: « ${name} »`);
  }
  const tags = await app.testid('roster-tag').evaluateAll((tags) => tags.map((tag) => tag.textContent));
  assert.ok(tags.every((tag) => tag === 'Hors liste' || /^Autre classe dans la liste : \S+/.test(tag)), tags.join(' | '));
  await noViolation(app, 'lecture participants');
  await shoot(app, 'participants');

  for (const tab of ['todo', 'classes', 'analysis', 'history']) {
    await openTab(app, tab);
    const text = await bodyText(app);
    assertNoOldName(text, tab);
    await noViolation(app, `lecture ${tab}`);
    await shoot(app, tab);
    if (tab === 'todo') {
      assert.ok(text.includes('Jamais participé') && text.includes('Profil non envoyé') && text.includes('Non certifiable'), 'À faire names');
      const { bytes } = await app.download('export-todo');
      const csv = bytes.toString('utf8');
      assertNoOldName(csv, 'CSV À faire');
      assert.match(csv, /;Jamais participé;/);
      assert.match(csv, /;Profil non envoyé;/);
    }
  }
  await openTab(app, 'participants');
  const { bytes } = await app.download('export-participants');
  assertNoOldName(bytes.toString('utf8'), 'CSV participants');

  // The students view tells never joined from never sent.
  await app.goto('#/eleves');
  await app.testid('students-view').waitFor();
  if (await app.testid('students-page-size').count()) await app.testid('students-page-size').selectOption('500');
  const students = await bodyText(app);
  assertNoOldName(students, 'élèves');
  const statuses = new Set(await app.testid('student-row').evaluateAll((rows) => rows.map((row) => row.dataset.certifiability)));
  assert.ok(statuses.has('never-joined') && statuses.has('not-communicated'), [...statuses].join(','));
  assert.ok(students.includes('Jamais participé') && students.includes('Profil non envoyé'));
  const studentsCsv = await app.download('export-students');
  const studentsText = studentsCsv.bytes.toString('utf8');
  assertNoOldName(studentsText, 'CSV élèves');
  assert.match(studentsText, /;Jamais participé;/);
  await noViolation(app, 'lecture élèves');
  await shoot(app, 'eleves');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('keyboard: open a campaign, switch tab, export — focus follows', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(ROSTER, EXPORT);
  const active = () => app.page.evaluate(() => ({
    id: document.activeElement?.id, testid: document.activeElement?.dataset?.testid,
    role: document.activeElement?.getAttribute('role'), tag: document.activeElement?.tagName,
  }));
  // The skip link is the first stop and leads to the page's heading.
  await app.page.keyboard.press('Tab');
  assert.equal((await active()).testid, 'skip-link');
  await app.page.keyboard.press('Enter');
  await app.page.waitForFunction(() => document.activeElement?.id === 'page-title');
  assert.equal(await app.page.locator('h1').count(), 1);

  await app.page.locator(`[data-testid="campaign-row"][data-campaign-id="${CAMPAIGN.campaign_id}"] a`).press('Enter');
  await app.testid('campaign-title').waitFor();
  await app.page.waitForFunction(() => document.activeElement?.id === 'page-title');
  assert.equal((await active()).testid, 'campaign-title', 'focus on the campaign heading, not on <body>');
  assert.equal(await app.page.locator('h1').count(), 1);

  // Tab to the selected tab; its hint shows; the arrows open the next one.
  for (let i = 0; i < 80 && (await active()).role !== 'tab'; i++) await app.page.keyboard.press('Tab');
  assert.equal((await active()).testid, 'tab-participants');
  assert.equal(await app.testid('tabs-hint').evaluate((hint) => getComputedStyle(hint).visibility), 'visible');
  await app.page.keyboard.press('ArrowRight');
  await app.page.waitForFunction(() => document.activeElement?.dataset?.testid === 'tab-todo');
  assert.equal(await app.testid('tab-todo').getAttribute('aria-selected'), 'true');
  await app.testid('todo').waitFor();

  // Tab on to the export, and Enter downloads it.
  for (let i = 0; i < 40 && (await active()).testid !== 'export-todo'; i++) await app.page.keyboard.press('Tab');
  assert.equal((await active()).testid, 'export-todo');
  const [file] = await Promise.all([app.page.waitForEvent('download'), app.page.keyboard.press('Enter')]);
  assert.match(file.suggestedFilename(), /^cohorte-a-faire-\d+\.csv$/);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('the printed « À faire »: one headed sheet per class, never-joined pupils inside their class, no blank page', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(ROSTER, EXPORT);
  await app.openCampaign(String(CAMPAIGN.campaign_id));
  await openTab(app, 'todo');
  // Never-joined pupils sit in their own class's sheet.
  const placed = await app.testid('todo-never-joined').evaluateAll((blocks) => blocks.map((block) => [block.dataset.class, block.closest('[data-testid="todo-class"]')?.dataset.class]));
  assert.ok(placed.length > 0);
  for (const [own, sheet] of placed) assert.equal(own, sheet);
  const sheets = await app.testid('todo-class').evaluateAll((blocks) => blocks.map((block) => ({ ...block.dataset, done: block.classList.contains('todo-class--done') })));
  for (const sheet of sheets) assert.ok(Number(sheet.pupils) <= 30, `${sheet.class}: ${sheet.pupils} pupils`);
  const printed = sheets.filter((sheet) => !sheet.done);

  await app.page.evaluate(() => document.body.classList.add('print-todo'));
  const heads = await app.testid('todo-sheet-head').evaluateAll((heads) => heads.map((head) => head.textContent));
  for (const head of heads) {
    assert.match(head, new RegExp(`Campagne « ${CAMPAIGN.campaign_name ?? '[^»]+'} »`));
    assert.match(head, /code de la campagne : \S+/);
    assert.match(head, /état au \d{2}\/\d{2}\/\d{4}/);
  }
  const pdf = await app.printPdf();
  const dir = join(SCREENSHOTS, app.browserName);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'lecture-a-faire.pdf'), pdf);
  assert.equal(pdfPageCount(pdf), printed.length, `${printed.length} classes to print, one A4 page each`);
  await app.page.evaluate(() => document.body.classList.remove('print-todo'));
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('issue 25 point 11: a list of another school is said plainly, and the campaign counted on its participants', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(ROSTER, OTHER_SCHOOL);
  const other = expected('collecte-sup-groupes');
  const cell = app.page.locator(`[data-testid="campaign-row"][data-campaign-id="${other.campaign_id}"] [data-testid="campaign-certifiable"]`);
  assert.equal(await cell.getAttribute('data-base'), 'participants');
  await app.openCampaign(String(other.campaign_id));
  assert.match(await app.testid('roster-not-covering').textContent(), /autre établissement, d’une autre année/);
  assert.equal(await app.testid('cohort-share').getAttribute('data-base'), 'list-not-covering');
  assert.match(await app.testid('cohort-share').textContent(), /% des participants (est|sont) certifiables? : \d+ sur \d+\./);
  assert.doesNotMatch(await app.testid('cohort-share').textContent(), /sur 0\b/);
  assert.equal(await app.testid('count-never-joined').count(), 0);
  assert.equal(await app.testid('count-out-of-roster').count(), 0);
  assert.equal((await app.participantRows()).filter((row) => row.roster === 'out').length, 0, 'nobody called « hors liste »');
  await noViolation(app, 'lecture liste d’un autre établissement');
  await shoot(app, 'autre-etablissement');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('a class of 30 pupils to help prints on one A4 page', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  // The 44-student export in one class, with the not-certifiable pupils twice (other first
  // names): a class of about 30 pupils to help.
  const lines = readFileSync(join(FIXTURES, EXPORT), 'utf8').trimEnd().split(/\r?\n/);
  const rows = lines.slice(1).map((line) => line.replace(/;"3[A-D]";/, ';"3A";'));
  const again = rows.filter((line) => /;"Oui";"[^"]*";\d+;"Non";/.test(line)).slice(0, 5)
    .map((line, n) => line.replace(/;"([^"]*)";"3A";/, `;"Bis${n}";"3A";`));
  const text = [lines[0], ...rows, ...again].join('\r\n');
  await app.testid('drop-zone').evaluate((zone, text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'une-classe.csv', { type: 'text/csv' }));
    for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, text);
  await app.testid('import-result').waitFor();
  await app.openCampaign(String(CAMPAIGN.campaign_id));
  await openTab(app, 'todo');
  const [sheet] = await app.testid('todo-class').evaluateAll((blocks) => blocks.map((block) => ({ ...block.dataset })));
  const toDo = Number(sheet.notCertifiable) + Number(sheet.notSent);
  assert.ok(toDo >= 28 && toDo <= 30, `${toDo} pupils to help in one class`);
  await app.page.evaluate(() => document.body.classList.add('print-todo'));
  const pdf = await app.printPdf();
  writeFileSync(join(SCREENSHOTS, app.browserName, 'lecture-a-faire-30.pdf'), pdf);
  assert.equal(pdfPageCount(pdf), 1, `${toDo} pupils on one page`);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('Historique leads with progress, exports it and prints it', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(ROSTER, EXPORT, 'series/collecte-3e-sco-2025-octobre.csv');
  // Each import line leads on: the campaign, and for a second collection what changed.
  assert.equal(await app.testid('import-open').count(), 2);
  assert.equal(await app.testid('import-changes').count(), 1);
  await app.testid('import-changes').click();
  await app.page.waitForFunction(() => document.querySelector('[data-testid="tab-history"]')?.getAttribute('aria-selected') === 'true');
  await app.page.waitForFunction(() => document.activeElement?.id === 'page-title');
  const progress = app.testid('diff-progress');
  assert.match(await progress.textContent(), /^\s*\d+ élèves? (a|ont) gagné \d+ compétences? au niveau 1/);
  // The progress comes before the list of imports.
  const before = await app.page.evaluate(() => {
    const lead = document.querySelector('[data-testid="diff-progress"]');
    const imports = document.querySelector('[data-testid="snapshot-row"]');
    return Boolean(lead.compareDocumentPosition(imports) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(before, 'progress first');
  assert.match(await app.page.locator('.share').last().textContent(), /Part certifiable de la promotion : \d+\s% → \d+\s%/);
  const text = await bodyText(app);
  assertNoOldName(text, 'historique');
  assert.ok(text.includes('Ne sont plus certifiables'));
  const { name, bytes } = await app.download('export-comparison-imports');
  assert.equal(name, 'cohorte-progres.csv');
  const csv = bytes.toString('utf8');
  assert.match(csv, /^\ufeff?Classe;Nom;Prénom;Catégorie;Avant;Après;Compétences gagnées;Pix gagnés/);
  assertNoOldName(csv, 'CSV historique');
  await noViolation(app, 'lecture historique deux imports');
  await shoot(app, 'historique-comparaison');
  // The print button builds every category's list before printing.
  await app.page.evaluate(() => {
    window.__printedTables = [];
    window.print = () => window.__printedTables.push(document.querySelectorAll('.diff-print .diff-table, .diff-print .empty').length);
  });
  await app.testid('print-comparison-imports').click();
  await app.page.waitForFunction(() => window.__printedTables.length === 1);
  assert.equal(await app.page.evaluate(() => window.__printedTables[0]), 7, 'the seven categories printed');
  // The page stays as printed until the browser says the print is over.
  assert.ok(await app.page.evaluate(() => document.body.classList.contains('print-history')));
  const pdf = await app.printPdf();
  writeFileSync(join(SCREENSHOTS, app.browserName, 'lecture-historique.pdf'), pdf);
  const pages = pdfPageCount(pdf);
  assert.ok(pages >= 1 && pages <= 4, `${pages} pages`);
  await app.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await app.page.waitForFunction(() => !document.body.classList.contains('print-history') && !document.querySelector('.diff-print .diff-table'));
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('an export with several lines per pupil says why beside its import line', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick('collecte-4e-envoi-multiple.csv');
  const want = expected('collecte-4e-envoi-multiple');
  const line = await app.testid('import-result').textContent();
  assert.match(line, new RegExp(`${want.rows} lignes pour ${want.participants} participants : un élève qui a envoyé son profil plusieurs fois a une ligne par envoi`));
  await app.testid('import-open').click();
  await app.testid('campaign-title').waitFor();
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('archiving says so and can be undone; the example is marked, kept out of the students view, removed in one click', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(EXPORT);
  await app.testid('campaign-archive').click();
  const message = app.testid('archive-message');
  assert.match(await message.textContent(), /archivée : elle est masquée de la liste/);
  assert.equal(await app.testid('campaign-row').count(), 0);
  await app.page.waitForFunction(() => document.activeElement?.dataset?.testid === 'archive-undo');
  await app.page.keyboard.press('Enter');
  await app.testid('campaign-row').waitFor();
  assert.equal(await app.testid('campaign-row').getAttribute('data-archived'), 'false');

  // The example: marked, not in the students view, removed in one click.
  await app.testid('storage-panel').scrollIntoViewIfNeeded();
  await app.eraseAll();
  await app.pick('collecte-4e-envoi-multiple.csv');
  await app.testid('demo-button').click();
  await app.testid('example-tag').waitFor();
  await app.goto('#/eleves');
  await app.testid('students-view').waitFor();
  const classes = await app.testid('student-row').evaluateAll((rows) => [...new Set(rows.map((row) => row.dataset.class))]);
  assert.ok(classes.every((c) => !c.startsWith('3')), `the example's 3e classes stay out: ${classes.join(',')}`);
  await app.goto('#/');
  await app.testid('remove-example').click();
  await app.page.waitForFunction(() => !document.querySelector('[data-testid="example-tag"]'));
  assert.equal(await app.testid('campaign-row').count(), 1);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('the cards filter the participants on what they count, « Hors liste » included', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.pick(ROSTER, EXPORT);
  await app.openCampaign(String(CAMPAIGN.campaign_id));
  await app.testid('count-never-joined').click();
  await app.page.waitForFunction(() => /statut=never-joined/.test(location.hash));
  assert.equal(await app.testid('count-never-joined').getAttribute('aria-pressed'), 'true');
  let rows = await app.participantRows();
  assert.equal(rows.length, await app.count('count-never-joined'));
  assert.ok(rows.every((row) => row.roster === 'never-joined'));

  await app.testid('count-out-of-roster').click();
  await app.page.waitForFunction(() => /statut=hors-liste/.test(location.hash));
  rows = await app.participantRows();
  assert.equal(rows.length, await app.count('count-out-of-roster'));
  assert.ok(rows.length > 0 && rows.every((row) => row.roster === 'out'));
  assert.equal(await app.testid('filter-certifiability').inputValue(), 'hors-liste');
  // A reload keeps it; a second click on the card clears it.
  await app.reload();
  assert.equal((await app.participantRows()).length, rows.length);
  await app.testid('count-out-of-roster').click();
  await app.page.waitForFunction(() => !/statut=/.test(location.hash));
  assert.equal(await app.testid('count-out-of-roster').getAttribute('aria-pressed'), 'false');

  await app.testid('count-promotion-certifiable').click();
  await app.page.waitForFunction(() => /statut=certifiable/.test(location.hash));
  assert.ok((await app.participantRows()).every((row) => row.certifiable === 'true'));
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
