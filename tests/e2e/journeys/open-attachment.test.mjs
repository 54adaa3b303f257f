// Journey: an agent attaches a customer's receipt and opens it from the case view. Opening goes
// through the real path: the opener plugin runs xdg-open, which finds this journey's own default
// program for PDF files (a .desktop entry named in mimeapps.list, with no desktop environment
// under Xvfb); that program writes the path it was given to a marker file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { byTestId, cli, eventually, screenshot, startApp, tempDatabase } from '../harness.mjs';

/** A folder for XDG_DATA_HOME and XDG_CONFIG_HOME whose default PDF program records what it opens. */
function pdfViewerHome() {
  const home = mkdtempSync(join(tmpdir(), 'lupaus-e2e-xdg-'));
  const marker = join(home, 'opened.txt');
  const viewer = join(home, 'viewer.sh');
  writeFileSync(viewer, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${marker}'\n`);
  chmodSync(viewer, 0o755);
  mkdirSync(join(home, 'data', 'applications'), { recursive: true });
  mkdirSync(join(home, 'config'), { recursive: true });
  writeFileSync(
    join(home, 'data', 'applications', 'lupaus-e2e-viewer.desktop'),
    ['[Desktop Entry]', 'Type=Application', 'Name=Lupaus e2e viewer', `Exec=${viewer} %f`, 'MimeType=application/pdf;', 'NoDisplay=true', ''].join('\n'),
  );
  writeFileSync(join(home, 'config', 'mimeapps.list'), '[Default Applications]\napplication/pdf=lupaus-e2e-viewer.desktop\n');
  return { env: { XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config') }, marker };
}

test('an attached receipt opens in the default program, byte for byte', async () => {
  const db = tempDatabase();
  cli(db, ['case', 'create', '--customer', 'Kaisa Kuitti', '--description', 'Kahvinkeitin vuotaa.', '--requested-remedy', 'Uusi keitin']);
  const receipt = join(mkdtempSync(join(tmpdir(), 'lupaus-e2e-file-')), 'Kuitti 14.11.pdf');
  const bytes = Buffer.from(`%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% ${'Kahvinkeitin 89,90 € '.repeat(40)}\ntrailer <<>>\n%%EOF\n`);
  writeFileSync(receipt, bytes);
  const viewer = pdfViewerHome();

  const browser = await startApp(db, { env: viewer.env });
  try {
    await (await browser.$('[data-testid="case-row"] td')).click();
    await (await byTestId(browser, 'case-view')).waitForDisplayed({ timeout: 10000 });
    await (await byTestId(browser, 'attachment-path')).setValue(receipt);
    await (await browser.$('form.attach-path button[type="submit"]')).click();
    const added = await byTestId(browser, 'attachments-added');
    await added.waitForDisplayed({ timeout: 10000 });
    assert.match(await added.getText(), /Kuitti 14\.11\.pdf/);

    const open = await byTestId(browser, 'attachment-open');
    await open.scrollIntoView({ block: 'center' });
    await open.click();
    const opened = await eventually(
      () => existsSync(viewer.marker) && readFileSync(viewer.marker, 'utf8').trim(),
      'the default PDF program to be started',
    );
    const paths = opened.split('\n');
    assert.equal(paths.length, 1, 'opened once');
    // Under its own name and type; the desk keeps one extension, so the inner dot becomes "_".
    assert.equal(basename(paths[0]), 'Kuitti 14_11.pdf', 'the program gets the file under its own name');
    assert.notEqual(paths[0], receipt, 'the program opens the desk’s checked copy, not the original');
    assert.deepEqual(readFileSync(paths[0]), bytes, 'the opened file holds exactly the attached bytes');
    assert.equal(await (await byTestId(browser, 'attachment-open-error')).isExisting(), false);
    await screenshot(browser, 'case-attachment-opened');
  } finally {
    await browser.deleteSession();
  }
});
