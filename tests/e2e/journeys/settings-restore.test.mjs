// Journey: a team lead restores yesterday's backup from the settings while the database works.
// Restoring asks for confirmation first; afterwards the desk shows the backed-up cases only, and
// the replaced file (with the case made after the backup) is kept beside it, not deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { byTestId, cli, eventually, screenshot, seriousAccessibilityViolations, startApp, switchPerson, tempDatabase } from '../harness.mjs';

test('a lead restores a backup from the settings after confirming, and the replaced file is kept', async () => {
  const db = tempDatabase();
  cli(db, ['person', 'add', 'Leena Lead', '--role', 'lead']);
  cli(db, ['case', 'create', '--customer', 'Onni Korhonen', '--description', 'Takki repesi', '--requested-remedy', 'Uusi takki']);
  assert.equal(cli(db, ['backup']).verified, true, 'the backup verifies');
  cli(db, ['case', 'create', '--customer', 'Liisa Laine', '--description', 'Lasku on väärin', '--requested-remedy', 'Korjattu lasku']);

  const browser = await startApp(db);
  try {
    await eventually(async () => (await browser.$$('[data-testid="case-row"]')).length === 2, 'both cases listed');
    await switchPerson(browser, 'Leena Lead');

    await (await byTestId(browser, 'nav-settings')).click();
    const restore = await byTestId(browser, 'restore-backup');
    await restore.waitForDisplayed({ timeout: 10000 });
    await restore.scrollIntoView();
    await restore.click();
    const confirm = await byTestId(browser, 'restore-confirm');
    await confirm.waitForDisplayed({ timeout: 5000 });
    assert.match(await confirm.getText(), /Palautetaanko varmuuskopio/);
    assert.match(await confirm.getText(), /sitä ei poisteta/);
    await screenshot(browser, 'settings-restore-confirm');
    assert.deepEqual(await seriousAccessibilityViolations(browser), [], 'the confirmation passes axe-core');

    await (await byTestId(browser, 'restore-yes')).click();
    const notice = await byTestId(browser, 'restored');
    await notice.waitForDisplayed({ timeout: 15000 });
    assert.match(await notice.getText(), /\.set-aside-/, 'the notice names where the replaced file is kept');
    await (await byTestId(browser, 'nav-cases')).click();
    await eventually(async () => {
      const rows = await browser.$$('[data-testid="case-row"]');
      return rows.length === 1 && /Onni Korhonen/.test(await rows[0].getText());
    }, 'only the backed-up case listed');

    const kept = readdirSync(dirname(db)).filter((name) => name.includes('.set-aside-') && !/-(wal|shm)$/.test(name));
    assert.equal(kept.length, 1, `one file set aside: ${kept}`);
    const keptCases = cli(join(dirname(db), kept[0]), ['case', 'list']);
    assert.deepEqual(keptCases.map((row) => row.customer_name).sort(), ['Liisa Laine', 'Onni Korhonen'], 'the kept file has both cases');
  } finally {
    await browser.deleteSession();
  }
});
