// Journey: the desk without a terminal, in the real window with GTK's real file dialogs. An agent
// imports an old Excel list (saved as CSV): the check shows the problem by row and column and
// imports nothing; once the file is fixed it imports and names what was created. She exports the
// cases to CSV for Excel, adds her promises to her calendar, and lets Lupaus keep a calendar file
// in a folder, which follows a promise made afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerFileDialog, byTestId, cli, eventually, screenshot, startApp, switchPerson, tempDatabase } from '../harness.mjs';

const HEADER = 'Asiakas;Sähköposti;Puhelin;Kanava;Vastaanotettu;Kuvaus;Toive';
const ROWS = [
  'Äijälä Åsa;asa@example.fi;040 111 2222;puhelin;24.11.2026 14.30;Pesukone vuotaa vettä lattialle.;Uusi kone',
  'Öhman Björn;;;sähköposti;{date};Lasku väärin, veloitettu kahdesti;Hyvitys',
];
const csv = (date) => '\ufeff' + [HEADER, ...ROWS].join('\r\n').replace('{date}', date) + '\r\n';

test('import, export and my calendar, each through the OS file dialog', async () => {
  const db = tempDatabase();
  // The person's files live apart from the database: GTK's dialog reads the files it lists, and
  // a file opened and closed in the app's process drops SQLite's locks on it (see the report).
  const dir = join(mkdtempSync(join(tmpdir(), 'lupaus-e2e-files-')), 'Sören tiedostot');
  mkdirSync(dir);
  cli(db, ['person', 'add', 'Leena Lead', '--role', 'lead']);
  cli(db, ['person', 'add', 'Aino Agentti', '--role', 'agent'], { person: 'Leena Lead' });
  const created = cli(db, ['case', 'create', '--customer', 'Helmi Laine', '--description', 'Sohva väärän värinen', '--requested-remedy', 'Oikea sohva']);
  const due = new Date(Date.now() + 48 * 3600_000).toISOString();
  cli(db, ['promise', 'make', created.reference, '--text', 'Soitamme toimituspäivästä', '--due', due, '--outside-hours']);
  const oldList = join(dir, 'vanhat reklamaatiot.csv');
  writeFileSync(oldList, csv('31.11.2026'));

  const browser = await startApp(db);
  try {
    await switchPerson(browser, 'Aino Agentti');
    await (await byTestId(browser, 'nav-files')).click();

    // The import wizard: the OS's open dialog, then the dry run's problem by row and column.
    await (await byTestId(browser, 'import-choose')).click();
    await answerFileDialog('Valitse tuotava tiedosto', oldList);
    const problems = await byTestId(browser, 'import-problems');
    await problems.waitForDisplayed({ timeout: 15000 });
    const cells = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="import-problem"]')].map((row) => [...row.children].map((cell) => cell.textContent.trim())),
    );
    assert.ok(cells.some(([row, column]) => row === '3' && column === 'Vastaanotettu'), `row 3, column Vastaanotettu: ${JSON.stringify(cells)}`);
    // Said in the desk's language from the problem's reason key, with the hint of what to write.
    assert.ok(
      cells.some(([row, , problem]) => row === '3' && problem.startsWith('”31.11.2026” ei ole päivämäärä. Kirjoita muodossa 24.12.2025')),
      `row 3 in Finnish: ${JSON.stringify(cells)}`,
    );
    assert.equal(await (await byTestId(browser, 'import-run')).isExisting(), false, 'no import while a problem stands');
    await screenshot(browser, 'files-import-problems');
    assert.equal(cli(db, ['case', 'list']).length, 1, 'nothing was imported');

    // Fixed in the file and checked again: now it imports and says what was created.
    writeFileSync(oldList, csv('30.11.2026'));
    await (await byTestId(browser, 'import-again')).click();
    await (await byTestId(browser, 'import-clean')).waitForDisplayed({ timeout: 15000 });
    await (await byTestId(browser, 'import-run')).click();
    const done = await byTestId(browser, 'import-done');
    await done.waitForDisplayed({ timeout: 15000 });
    assert.match(await done.getText(), /tuotiin 2 reklamaatiota ja 2 uutta asiakasta/);
    assert.equal(cli(db, ['case', 'list']).length, 3, 'both rows imported');

    // Export the cases as CSV for Finnish Excel, where the save dialog says.
    const exportPath = join(dir, 'tapaukset.csv');
    await (await byTestId(browser, 'export-format')).selectByAttribute('value', 'csv');
    await (await byTestId(browser, 'export-save')).click();
    await answerFileDialog('Tallenna nimellä', exportPath, { save: true });
    const saved = await byTestId(browser, 'export-saved');
    await saved.waitForDisplayed({ timeout: 15000 });
    assert.match(await saved.getText(), /3 riviä tallennettiin tiedostoon .*tapaukset\.csv/);
    const exported = readFileSync(exportPath);
    assert.deepEqual([...exported.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with the BOM Excel needs');
    const text = exported.toString('utf8');
    assert.match(text, /Äijälä Åsa/);
    assert.ok(text.split('\r\n')[0].includes(';'), 'cells are separated by semicolons');

    // "Add my promises to my calendar": the .ics of my open promises.
    const icsPath = join(dir, 'lupaukseni.ics');
    await (await byTestId(browser, 'calendar-save')).click();
    await answerFileDialog('Tallenna nimellä', icsPath, { save: true });
    await (await byTestId(browser, 'calendar-notice')).waitForDisplayed({ timeout: 15000 });
    const ics = readFileSync(icsPath, 'utf8');
    assert.match(ics, /BEGIN:VCALENDAR/);
    assert.match(ics, /Soitamme toimituspäivästä/);

    // A calendar file kept current in a folder: a promise made later (here from the command
    // line, another host of the same desk) is in it at once.
    const feedDir = join(dir, 'Kalenteri');
    mkdirSync(feedDir);
    await (await byTestId(browser, 'calendar-keep')).click();
    await answerFileDialog('Valitse kalenteritiedoston kansio', feedDir);
    const kept = await byTestId(browser, 'calendar-kept');
    await kept.waitForDisplayed({ timeout: 15000 });
    const feed = join(feedDir, 'lupaus-Aino-Agentti.ics');
    assert.match(await kept.getText(), /lupaus-Aino-Agentti\.ics/);
    await screenshot(browser, 'files-calendar-kept');
    assert.doesNotMatch(readFileSync(feed, 'utf8'), /Tuomme uuden koneen/);
    cli(db, ['promise', 'make', created.reference, '--text', 'Tuomme uuden koneen', '--due', due, '--outside-hours']);
    await eventually(() => readFileSync(feed, 'utf8').includes('Tuomme uuden koneen'), 'the new promise in the kept calendar file');
  } finally {
    await browser.deleteSession();
  }
});
