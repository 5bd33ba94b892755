// Certification sessions (issue 27): from a collecte and the school list, a head of school adds
// two rooms and three slots, asks for a proposal, moves a student, marks one with extra time;
// everything survives a reload; the CSV is checked line by line; the convocations and the
// lists print on A4 (Chromium: PDF page counts, pages rendered with pdftoppm); a backup brings
// the plan back after « Tout effacer », which removes it.
// Fixtures: the 3e export (44 participants, 19 certifiable: 3A 7, 3B 5, 3C 3, 3D 4) and the
// e2e SIECLE list (3 students of the cohort never joined).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit, CohortePage, describeViolations, expected, pdfPageCount, ROOT, test, useBrowserAndServer } from './harness.mjs';

const EXPORT = 'collecte-3e-sco-2025.csv';
const ROSTER = 'roster/e2e-ElevesSansAdresses.zip';
const CAMPAIGN = expected('collecte-3e-sco-2025');
const TMP = join(ROOT, 'target/e2e-sessions');
const LENGTH = 105;
const EXTRA = 35;

const env = useBrowserAndServer();
mkdirSync(TMP, { recursive: true });

const students = CAMPAIGN.students;
const certifiable = students.filter((s) => s.certifiable === true);
const notCertifiable = students.filter((s) => s.certifiable === false);
const notSent = students.filter((s) => s.certifiable === null || s.certifiable === undefined);

/** Every session and its students as the page shows them (hooks only). */
async function planState(app) {
  return app.testid('plan-session').evaluateAll((sessions) => sessions.map((session) => ({
    ...session.dataset,
    students: [...session.querySelectorAll('[data-testid="plan-student"]')].map((row) => ({ ...row.dataset })),
    warnings: [...session.querySelectorAll('[data-testid="plan-warning"]')].map((w) => w.dataset.kind),
  })));
}

async function unplacedState(app) {
  return app.page.locator('[data-testid="plan-unplaced"] [data-testid="plan-student"]').evaluateAll((rows) => rows.map((row) => ({ ...row.dataset })));
}

const minutes = (time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const clock = (total) => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
const french = (iso) => iso.split('-').reverse().join('/');
const cell = (text) => {
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
};

async function addRoom(app, name, computers) {
  await app.testid('room-name').fill(name);
  await app.testid('room-seats').fill(String(computers));
  await app.testid('room-add').click();
  await app.page.locator(`[data-testid="plan-room"][data-room="${name}"]`).waitFor();
}

async function addSlot(app, date, time, expectedCount) {
  await app.testid('slot-date').fill(date);
  await app.testid('slot-time').fill(time);
  await app.testid('slot-add').click();
  await app.page.waitForFunction((n) => document.querySelectorAll('[data-testid="plan-slot"]').length === n, expectedCount);
}

test('plan sessions from a collecte and the school list: propose, edit, reload, export, print, back up, erase', async () => {
  const app = await CohortePage.open(env.browser, env.server.url);
  await app.drop(ROSTER, EXPORT);
  for (const result of await app.importResults()) assert.equal(result.status, 'ok', result.text);

  await app.testid('nav-sessions').click();
  await app.page.waitForURL((url) => url.hash === '#/sessions');
  assert.equal(await app.testid('nav-sessions').getAttribute('aria-current'), 'page');
  assert.equal(await app.testid('plan-source').inputValue(), String(CAMPAIGN.campaign_id));

  await addRoom(app, 'Salle 101', 16);
  await addRoom(app, 'Salle 102', 13);
  await addSlot(app, '2026-05-12', '08:30', 1);
  await addSlot(app, '2026-05-12', '10:30', 2);
  await addSlot(app, '2026-05-12', '14:00', 3);
  assert.equal(await app.testid('plan-session').count(), 6, 'two rooms × three slots');

  await app.testid('plan-propose').click();
  await app.page.waitForFunction(() => [...document.querySelectorAll('[data-testid="plan-session"]')].some((s) => s.dataset.count !== '0'));
  let sessions = await planState(app);
  // Seats: computers minus one spare.
  assert.deepEqual([...new Set(sessions.map((s) => `${s.room}:${s.seats}`))].sort(), ['Salle 101:15', 'Salle 102:12']);
  const placed = sessions.flatMap((s) => s.students);
  assert.equal(placed.length, certifiable.length, 'every certifiable student placed');
  assert.equal(new Set(placed.map((p) => `${p.last}|${p.first}|${p.class}`)).size, placed.length, 'nobody twice');
  assert.deepEqual(placed.map((p) => `${p.last}|${p.first}`).sort(), certifiable.map((s) => `${s.last}|${s.first}`).sort());
  for (const session of sessions) {
    assert.ok(Number(session.count) <= Number(session.seats), `${session.sessionId} over capacity`);
    assert.equal(Number(session.count), session.students.length);
  }
  // Each class (at most 7 students, rooms of 12 and 15) in one session.
  for (const klass of ['3A', '3B', '3C', '3D']) {
    const holding = sessions.filter((s) => s.students.some((p) => p.class === klass));
    assert.equal(holding.length, 1, `${klass} in ${holding.length} sessions`);
  }
  const unplaced = await unplacedState(app);
  const reasons = (reason) => unplaced.filter((u) => u.reason === reason).map((u) => `${u.last}|${u.first}`).sort();
  assert.deepEqual(reasons('not-certifiable'), notCertifiable.map((s) => `${s.last}|${s.first}`).sort());
  assert.deepEqual(reasons('not-sent'), notSent.map((s) => `${s.last}|${s.first}`).sort());
  assert.deepEqual(reasons('never-joined'), ['JAMAIS|Alice', 'JAMAIS|Bruno', 'NOUVEAU|Chloé']);
  assert.deepEqual(reasons('no-seat'), []);
  assert.equal(await app.testid('plan-warning').count(), 0, 'a fresh proposal has no problem');

  // Move the first student of the first full session to the afternoon in the other room.
  const from = sessions.find((s) => s.students.length > 0);
  const to = sessions.find((s) => s.time === '14:00' && s.room !== from.room);
  const mover = from.students[0];
  const moverRow = app.page.locator(`[data-testid="plan-session"][data-session-id="${from.sessionId}"] [data-testid="plan-student"][data-last="${mover.last}"][data-first="${mover.first}"]`);
  await moverRow.locator('[data-testid="plan-move"]').selectOption(to.sessionId);
  await app.page.locator(`[data-testid="plan-session"][data-session-id="${to.sessionId}"] [data-testid="plan-student"][data-last="${mover.last}"]`).waitFor();
  sessions = await planState(app);
  assert.equal(sessions.find((s) => s.sessionId === to.sessionId).count, '1');
  assert.equal(Number(sessions.find((s) => s.sessionId === from.sessionId).count), from.students.length - 1);

  // Extra time for a student of a morning session whose room is busy at 10:30: the overlap
  // is shown in that session.
  const morning = sessions.find((s) => s.time === '08:30' && s.students.length > 0
    && sessions.some((o) => o.room === s.room && o.time === '10:30' && o.students.length > 0));
  assert.ok(morning, 'a morning session followed by another in its room');
  const slow = morning.students[0];
  const slowRow = () => app.page.locator(`[data-testid="plan-student"][data-last="${slow.last}"][data-first="${slow.first}"]`);
  await slowRow().locator('[data-testid="extra-time"]').check();
  await app.page.waitForFunction(({ last, first }) => document.querySelector(`[data-testid="plan-student"][data-last="${last}"][data-first="${first}"]`)?.dataset.extraTime === 'true', slow);
  const warning = app.page.locator(`[data-testid="plan-session"][data-session-id="${morning.sessionId}"] [data-testid="plan-warning"][data-kind="extra-time-overlap"]`);
  await warning.waitFor();
  assert.match(await warning.textContent(), new RegExp(`${slow.first} ${slow.last}`));

  await app.screenshot('sessions-1280');
  // Parts of the page at full size, to look at.
  await app.page.locator('.sessions-setup').screenshot({ path: app.shotPath('sessions-setup-1280') });
  await app.page.locator(`[data-testid="plan-session"][data-session-id="${morning.sessionId}"]`).screenshot({ path: app.shotPath('sessions-morning-1280') });
  await app.page.locator('.sessions-outputs').screenshot({ path: app.shotPath('sessions-outputs-1280') });
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.screenshot('sessions-390', { fullPage: false });
  await app.testid('plan-session').first().scrollIntoViewIfNeeded();
  await app.screenshot('sessions-card-390', { fullPage: false });
  await app.page.setViewportSize({ width: 1280, height: 900 });

  // Everything is kept across a reload.
  const before = { sessions: await planState(app), unplaced: await unplacedState(app) };
  await app.reload();
  await app.testid('plan-session').first().waitFor();
  assert.deepEqual({ sessions: await planState(app), unplaced: await unplacedState(app) }, before, 'the same plan after a reload');
  sessions = before.sessions;

  // The CSV: a header, then one line per placed student, session by session in the page's order.
  const { name, bytes } = await app.download('plan-export');
  assert.match(name, new RegExp(`^sessions-${CAMPAIGN.campaign_id}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = bytes.toString('utf8');
  assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 BOM');
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines.pop(), '', 'CRLF after the last line');
  assert.equal(lines[0], 'Date;Heure de début;Heure de fin;Salle;Classe;Nom;Prénom;Temps majoré;Surveillant(s)');
  const wanted = sessions.flatMap((s) => s.students.map((p) => {
    const end = minutes(s.time) + LENGTH + (p.extraTime === 'true' ? EXTRA : 0);
    return [french(s.date), s.time, clock(end), s.room, p.class, p.last, p.first, p.extraTime === 'true' ? 'Oui' : 'Non', ''].map(cell).join(';');
  }));
  assert.equal(lines.length - 1, certifiable.length);
  for (const [index, line] of lines.slice(1).entries()) assert.equal(line, wanted[index], `CSV line ${index + 2}`);
  assert.ok(lines.some((line) => line.includes(`;${slow.last};${slow.first};Oui;`)), 'the extra-time student says Oui');

  // Convocations: one per placed student, opened, then previewed as printed.
  await app.testid('convocations-open').click();
  await app.testid('convocations').waitFor();
  const convocations = await app.testid('convocation').evaluateAll((els) => els.map((el) => `${el.dataset.last}|${el.dataset.first}`).sort());
  assert.deepEqual(convocations, placed.map((p) => `${p.last}|${p.first}`).sort());
  const slowConvocation = await app.page.locator(`[data-testid="convocation"][data-last="${slow.last}"][data-first="${slow.first}"]`).textContent();
  assert.match(slowConvocation, new RegExp(`de 08:30 à ${clock(minutes('08:30') + LENGTH + EXTRA)}`));
  assert.match(slowConvocation, /Temps majoré compris/);
  await app.testid('convocations').scrollIntoViewIfNeeded();
  await app.screenshot('sessions-convocations-1280', { fullPage: false });
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.testid('convocations').scrollIntoViewIfNeeded();
  await app.screenshot('sessions-convocations-390', { fullPage: false });
  await app.page.setViewportSize({ width: 1280, height: 900 });
  await app.page.evaluate(() => document.body.classList.add('print-convocations'));
  await app.page.emulateMedia({ media: 'print' });
  await app.screenshot('sessions-convocations-print-1280');
  await app.page.setViewportSize({ width: 390, height: 844 });
  await app.screenshot('sessions-convocations-print-390', { fullPage: false });
  await app.page.setViewportSize({ width: 1280, height: 900 });

  if (app.browserName === 'chromium') {
    // The browser's own print engine: three convocations a page, no blank page.
    const convocationPdf = await app.printPdf();
    const convocationPages = pdfPageCount(convocationPdf);
    assert.equal(convocationPages, Math.ceil(placed.length / 3), `${convocationPages} pages for ${placed.length} convocations`);
    assertNoBlankPage(convocationPdf, 'convocations');
  }
  await app.page.evaluate(() => document.body.classList.remove('print-convocations'));
  if (app.browserName === 'chromium') {
    // One page per session list (each under 30 students), nothing else.
    await app.page.evaluate(() => document.body.classList.add('print-session-lists'));
    const listsPdf = await app.printPdf();
    const busy = sessions.filter((s) => s.students.length > 0);
    assert.ok(busy.every((s) => s.students.length <= 30));
    assert.equal(pdfPageCount(listsPdf), busy.length, `${pdfPageCount(listsPdf)} pages for ${busy.length} sessions`);
    const texts = assertNoBlankPage(listsPdf, 'session-lists');
    for (const [index, session] of busy.entries()) {
      assert.match(texts[index], new RegExp(`— ${session.room}`), `page ${index + 1}`);
      assert.match(texts[index], /Pix Companion/);
      for (const student of session.students) assert.ok(texts[index].includes(student.last), `${student.last} on page ${index + 1}`);
    }
    assert.match(texts[busy.findIndex((s) => s.sessionId === morning.sessionId)], /oui, fin à 10:50/);
    await app.page.evaluate(() => document.body.classList.remove('print-session-lists'));
    // The planning grid for the staff room: one page for one day.
    await app.page.evaluate(() => document.body.classList.add('print-grid'));
    const gridPdf = await app.printPdf();
    assert.equal(pdfPageCount(gridPdf), 1);
    const [gridText] = assertNoBlankPage(gridPdf, 'grid');
    assert.match(gridText, /mardi 12 mai 2026/);
    assert.match(gridText, /Salle 101/i);
    await app.page.evaluate(() => document.body.classList.remove('print-grid'));
  }
  await app.page.emulateMedia({ media: 'screen' });

  // axe-core on the page as a user leaves it: plan, problems, convocations open.
  const violations = await audit(app, 'sessions');
  assert.equal(violations.length, 0, describeViolations(violations));

  // Backup, erase everything (the plan goes), restore (the plan comes back).
  await app.goto('#/');
  const backup = await app.downloadBackup();
  const parsed = JSON.parse(backup.text);
  assert.equal(parsed.session_plans.length, 1);
  assert.ok(!/"(ine|national_id|birth|reason)"/i.test(JSON.stringify(parsed.session_plans)), 'only names, classes, extra time');
  const backupPath = join(TMP, `${app.browserName}-${backup.name}`);
  writeFileSync(backupPath, backup.text);
  await app.eraseAll();
  assert.deepEqual((await app.storedEntries()).filter(([key]) => key.startsWith('cohorte.')), [], 'nothing left');
  await app.goto('#/sessions');
  await app.testid('sessions-empty').waitFor();
  assert.equal(await app.testid('plan-session').count(), 0, 'the plan is gone');
  await app.goto('#/');
  const restored = await app.restoreBackup(backupPath, 'replace');
  assert.equal(restored.status, 'ok', restored.text);
  await app.goto('#/sessions');
  await app.testid('plan-session').first().waitFor();
  assert.deepEqual({ sessions: await planState(app), unplaced: await unplacedState(app) }, before, 'the same plan after the restore');

  // « Tout effacer » once more: the plan is gone for good.
  await app.goto('#/');
  await app.eraseAll();
  await app.goto('#/sessions');
  await app.testid('sessions-empty').waitFor();
  assert.equal(await app.page.evaluate(() => localStorage.getItem('cohorte.v2.sessions')), null);
  assert.deepEqual(app.errors, [], 'no console error');
  assert.deepEqual(app.foreignRequests(), [], 'no network request');
  await app.context.close();
});

/** Writes the PDF, renders each page with pdftoppm (to look at), and checks that every page has
 *  text; returns each page's text. */
function assertNoBlankPage(pdf, label) {
  const dir = join(TMP, label);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${label}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(dir, 'page')]);
  const pages = readdirSync(dir).filter((f) => f.endsWith('.png'));
  assert.equal(pages.length, pdfPageCount(pdf));
  const texts = [];
  for (let page = 1; page <= pages.length; page++) {
    const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
    assert.ok(text.trim().length > 0, `${label}: page ${page} is blank`);
    texts.push(text);
  }
  return texts;
}
