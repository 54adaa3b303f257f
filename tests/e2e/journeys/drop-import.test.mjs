// Journey: a file dropped on the window, no dialog and no terminal. An agent drags her old list
// (a CSV saved from Excel) from her files onto Lupaus's import view with the real mouse, over
// X11's drag-and-drop: the dry run names the file and shows the problem by row and column. A
// picture dropped by mistake is refused with a sentence; the fixed list, dropped again, imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byTestId, cli, dropFile, screenshot, startApp, switchPerson, tempDatabase } from '../harness.mjs';

const HEADER = 'Asiakas;Sähköposti;Puhelin;Kanava;Vastaanotettu;Kuvaus;Toive';
const csv = (date) =>
  '\ufeff' + [HEADER, `Äijälä Åsa;asa@example.fi;040 111 2222;puhelin;${date} 14.30;Pesukone vuotaa vettä lattialle.;Uusi kone`].join('\r\n') + '\r\n';

/** The middle of the element with `testId`, in page (and so screen) pixels. */
async function middleOf(browser, testId) {
  const element = await byTestId(browser, testId);
  const { x, y } = await element.getLocation();
  const { width, height } = await element.getSize();
  return { x: Math.round(x + width / 2), y: Math.round(y + height / 2) };
}

test('a CSV dropped on the import view is checked, and a picture is refused', async () => {
  const db = tempDatabase();
  const dir = join(mkdtempSync(join(tmpdir(), 'lupaus-e2e-drop-')), 'Sören tiedostot');
  mkdirSync(dir);
  cli(db, ['person', 'add', 'Leena Lead', '--role', 'lead']);
  cli(db, ['person', 'add', 'Aino Agentti', '--role', 'agent'], { person: 'Leena Lead' });
  const list = join(dir, 'vanha lista.csv');
  writeFileSync(list, csv('31.11.2026'));
  const picture = join(dir, 'kuva.png');
  writeFileSync(picture, 'not really a picture');

  const browser = await startApp(db);
  try {
    await switchPerson(browser, 'Aino Agentti');
    await (await byTestId(browser, 'nav-files')).click();
    await (await byTestId(browser, 'import-wizard')).waitForDisplayed({ timeout: 15000 });
    assert.equal(await (await byTestId(browser, 'import-read')).isExisting(), false, 'nothing read before the drop');

    await dropFile(list, await middleOf(browser, 'import-wizard'));
    const problems = await byTestId(browser, 'import-problems');
    await problems.waitForDisplayed({ timeout: 15000 });
    assert.match(await (await byTestId(browser, 'import-read')).getText(), /vanha lista\.csv: luettiin 1 riviä/);
    const cells = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="import-problem"]')].map((row) => [...row.children].map((cell) => cell.textContent.trim())),
    );
    assert.ok(cells.some(([row, column]) => row === '2' && column === 'Vastaanotettu'), `row 2, column Vastaanotettu: ${JSON.stringify(cells)}`);
    await screenshot(browser, 'drop-import-problems');
    assert.equal(cli(db, ['case', 'list']).length, 0, 'a dry run imports nothing');

    // Not a spreadsheet: a sentence that says what Lupaus takes, and nothing is read.
    await dropFile(picture, await middleOf(browser, 'import-wizard'));
    const refused = await browser.$('[data-testid="import-wizard"] p.error[role="alert"]');
    await refused.waitForDisplayed({ timeout: 15000 });
    assert.match(await refused.getText(), /kuva\.png ei ole kumpaakaan/);

    // The list fixed and dropped again: clean, and it imports.
    writeFileSync(list, csv('30.11.2026'));
    await dropFile(list, await middleOf(browser, 'import-wizard'));
    await (await byTestId(browser, 'import-clean')).waitForDisplayed({ timeout: 15000 });
    await (await byTestId(browser, 'import-run')).click();
    const done = await byTestId(browser, 'import-done');
    await done.waitForDisplayed({ timeout: 15000 });
    assert.match(await done.getText(), /tuotiin 1 reklamaatiota/);
    assert.equal(cli(db, ['case', 'list']).length, 1, 'the row imported');
  } finally {
    await browser.deleteSession();
  }
});
