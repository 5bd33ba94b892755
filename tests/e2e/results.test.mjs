// The certification results (issue 28): a school list and two class results files dropped
// (3A in the current format, 3B in the previous one); the results page shows each class's
// counts and students, the catch-up CSV (checked line by line), survives a reload, goes into
// a backup and comes back from it, and « Tout effacer » removes it. A file whose name does not
// give the class waits for the user's choice. Fixtures: tests/fixtures/certification/make.py.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, CohortePage, ROOT, audit, describeViolations, pdfPageCount, useBrowserAndServer } from './harness.mjs';

const LIST = 'certification/liste-eleves-sco.csv';
const FILE_3A = 'certification/20260316_resultats_3A.csv';
const FILE_3B = 'certification/20260121_resultats_3B.csv';
const NO_CLASS = 'certification/export-session-resultat.csv';
const TMP = join(ROOT, 'target/e2e-results');

const env = useBrowserAndServer();
mkdirSync(TMP, { recursive: true });

const resultRows = (app) => app.testid('result-row').evaluateAll((rows) => rows.map((row) => ({ ...row.dataset })));

async function openResults(app) {
  await app.testid('nav-results').click();
  await app.testid('results-view').waitFor();
}

async function classCounts(app) {
  return {
    validated: await app.count('count-validated'),
    notObtained: await app.count('count-not-obtained'),
    cancelled: await app.count('count-cancelled'),
    absent: await app.count('count-absent'),
  };
}

async function selectClass(app, name) {
  await app.testid('results-class').selectOption(name);
  await app.page.waitForFunction((name) => [...document.querySelectorAll('[data-testid="result-row"]')]
    .every((row) => row.closest('table').querySelector('caption').textContent.includes(name)), name);
}

const COUNTS_3A = { validated: 5, notObtained: 1, cancelled: 1, absent: 2 };
const COUNTS_3B = { validated: 3, notObtained: 1, cancelled: 0, absent: 1 };

async function checkClasses(app) {
  assert.deepEqual(await app.testid('results-class').locator('option').evaluateAll((options) => options.map((o) => o.value)), ['3A', '3B']);
  await selectClass(app, '3A');
  assert.deepEqual(await classCounts(app), COUNTS_3A);
  const rows = await resultRows(app);
  assert.equal(rows.length, 11);
  const by = (last, first) => rows.find((r) => r.last === last && r.first === first);
  assert.deepEqual({ ...by('MARTIN', 'Inès') }, { testid: 'result-row', last: 'MARTIN', first: 'Inès', class: '3A', status: 'validated', score: '301', level: 'Indépendant 1' });
  assert.equal(by('PETIT', 'Hugo').status, 'not-obtained');
  assert.equal(by('ROBIN', 'Lou').status, 'cancelled');
  assert.equal(by('GARNIER', 'Naël').status, 'error');
  assert.equal(by('FAURE', 'Jade').status, 'started');
  assert.equal(by('LEROY', 'Tom').status, 'absent');
  assert.equal(by('LEROY', 'Tom').score, undefined);
  assert.equal(by('DUPONT-MOREAU', 'Chloé').status, 'validated', 'renamed since enrolment: found under today\'s name');
  assert.equal(rows.filter((r) => r.last === 'BERNARD').length, 2, 'homonyms: both rows shown');
  assert.equal(by('INCONNU', 'Sam').status, 'validated', 'a row of nobody in the list is shown');
  await selectClass(app, '3B');
  assert.deepEqual(await classCounts(app), COUNTS_3B);
  const rows3b = await resultRows(app);
  assert.deepEqual(rows3b.map((r) => `${r.last} ${r.status}`).sort(),
    ['CLEMENT validated', 'FOURNIER absent', 'LAMBERT validated', 'MOREL not-obtained', 'ROUX validated']);
  await selectClass(app, '3A');
}

const EXPECTED_CSV = [
  '\ufeffClasse;Nom;Prénom;Situation;Commentaire du jury;Session;Date de passage',
  '3A;GARNIER;Naël;En erreur;;81251;13/03/2026',
  '3A;LEROY;Tom;Absent (aucun résultat);;;',
  '3A;PETIT;Hugo;Non obtenue;"Le nombre de questions répondues est insuffisant pour établir un résultat.\nVoir le procès-verbal ; question 12 sans réponse.";81250;12/03/2026',
  '3A;ROBIN;Lou;Annulée;Un ou plusieurs problème(s) technique(s) ont empêché le bon déroulement de la certification.;81251;13/03/2026',
  '3A;ROUSSEL;Zoé;Absent (aucun résultat);;;',
  '3B;FOURNIER;Adam;Absent (aucun résultat);;;',
  '3B;MOREL;Louis;Non obtenue;Le nombre de questions répondues est insuffisant pour établir un résultat.;70001;20/01/2026',
  '',
];

test('a school list and two class files: counts, rows, catch-up CSV, reload, screenshots, axe', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.drop(LIST, FILE_3A, FILE_3B);
  const lines = await app.testid('import-result').evaluateAll((items) => items.map((item) => ({ ...item.dataset, text: item.textContent })));
  assert.equal(lines.length, 3);
  assert.equal(lines[0].kind, 'roster');
  for (const line of lines.slice(1)) {
    assert.equal(line.kind, 'certification-results', line.text);
    assert.equal(line.status, 'ok', line.text);
    assert.doesNotMatch(line.text, /n'est pas un export/);
  }
  assert.match(lines[1].text, /Résultats de certification « 20260316_resultats_3A\.csv » : classe 3A, 9 résultats/);
  assert.match(lines[2].text, /classe 3B, 4 résultats/);

  await openResults(app);
  assert.match(await app.page.evaluate(() => location.hash), /^#\/resultats$/);
  assert.equal(await app.page.locator('[data-testid="nav-results"][aria-current="page"]').count(), 1);
  await checkClasses(app);

  const { name, bytes } = await app.download('export-catch-up');
  assert.match(name, /^rattrapage-certification-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = bytes.toString('utf8');
  const got = csv.split('\r\n');
  assert.equal(got.length, EXPECTED_CSV.length, csv);
  got.forEach((line, at) => assert.equal(line, EXPECTED_CSV[at], `line ${at + 1}`));

  await app.screenshot('results-1280');
  const violations = await audit(app, 'results');
  assert.deepEqual(violations, [], describeViolations(violations));

  // The printed catch-up list: its tables only, one class per page (what the print button
  // sets before opening the browser's print dialog).
  await app.page.evaluate(() => document.body.classList.add('print-catch-up'));
  const pdf = await app.printPdf();
  writeFileSync(join(TMP, `${app.browserName}-catch-up.pdf`), pdf);
  assert.equal(pdfPageCount(pdf), 2, 'one page per class');
  await app.page.evaluate(() => document.body.classList.remove('print-catch-up'));

  await app.reload();
  await app.testid('results-view').waitFor();
  await checkClasses(app);
  assert.deepEqual(app.errors, []);

  // A fresh context has its own storage: the files are dropped there too.
  const narrow = await CohortePage.open(env.browser, env.server.url, { width: 390, height: 844 });
  await narrow.drop(LIST, FILE_3A, FILE_3B);
  await openResults(narrow);
  await narrow.screenshot('results-390-top', { fullPage: false });
  await narrow.screenshot('results-390');
  const narrowViolations = await audit(narrow, 'results-390');
  assert.deepEqual(narrowViolations, [], describeViolations(narrowViolations));
  await narrow.context.close();
  await app.context.close();
});

test('a file without the class in its name waits for the class, proposed from the names', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.drop(LIST, NO_CLASS);
  const line = (await app.testid('import-result').evaluateAll((items) => items.map((item) => ({ ...item.dataset, text: item.textContent }))))[1];
  assert.equal(line.kind, 'certification-results');
  assert.match(line.text, /choisissez-la sur la page Résultats/);
  await openResults(app);
  const form = app.testid('results-pending');
  assert.equal(await form.getAttribute('data-file'), 'export-session-resultat.csv');
  assert.equal(await app.testid('results-pending-class').inputValue(), '3A');
  await app.testid('results-pending-save').click();
  await app.testid('result-row').first().waitFor();
  assert.equal(await app.testid('results-pending').count(), 0);
  assert.deepEqual(await app.testid('results-class').locator('option').evaluateAll((o) => o.map((x) => x.value)), ['3A']);
  const rows = await resultRows(app);
  const martin = rows.find((r) => r.last === 'MARTIN');
  assert.equal(martin.level, 'Novice 2');
  assert.equal(martin.score, '212');
  // 3 rows for a class of 10: results may be missing (a session not published yet).
  assert.equal(await app.count('count-absent'), 7);
  await app.testid('results-incomplete').waitFor();
  await app.testid('results-awaiting').check();
  await app.page.waitForFunction(() => !document.querySelector('[data-testid="results-incomplete"]'));
  await app.reload();
  assert.equal(await app.testid('results-awaiting').isChecked(), true);
  // Waiting students are not on the catch-up list: only ROBIN (cancelled) is.
  assert.deepEqual(await app.testid('catch-up-row').evaluateAll((rows) => rows.map((r) => `${r.dataset.last} ${r.dataset.status}`)), ['ROBIN cancelled']);
  app.acceptNextDialog();
  await app.testid('results-delete-class').click();
  await app.page.waitForFunction(() => !document.querySelector('[data-testid="result-row"]'));
  assert.ok(!(await app.storedEntries()).some(([key]) => key === 'cohorte.v2.results'));
  await app.context.close();
});

test('results go into a backup, come back from it, and « Tout effacer » removes them', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.drop(LIST, FILE_3A, FILE_3B);
  const backup = await app.downloadBackup();
  const parsed = JSON.parse(backup.text);
  assert.equal(parsed.results.classes.length, 2);
  for (const secret of ['02/03/2011', 'REZÉ', 'CHOLET', '30112']) {
    assert.ok(!backup.text.includes(secret), `${secret} is not in the backup`);
  }
  const path = join(TMP, `${app.browserName}-${backup.name}`);
  writeFileSync(path, backup.text);

  await app.eraseAll();
  const left = (await app.storedEntries()).filter(([key]) => key.startsWith('cohorte.'));
  assert.deepEqual(left, [], 'nothing of Cohorte is left');
  await openResults(app);
  assert.equal(await app.testid('result-row').count(), 0);
  assert.equal(await app.testid('results-class').count(), 0);

  await app.goto('#/');
  const restored = await app.restoreBackup(path, 'merge');
  assert.equal(restored.status, 'ok', restored.text);
  assert.match(restored.text, /Résultats de certification de 2 classes restaurés/);
  await openResults(app);
  await checkClasses(app);

  await app.goto('#/');
  await app.eraseAll();
  await app.goto('#/resultats');
  assert.equal(await app.testid('result-row').count(), 0);
  assert.ok(!(await app.storedEntries()).some(([key]) => key === 'cohorte.v2.results'));
  await app.context.close();
});
