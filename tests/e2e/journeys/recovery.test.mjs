// Journey: the database file is damaged while Lupaus is closed. Lupaus opens on the recovery
// screen without touching the file, restores the latest backup, and the desk is back with the
// backed-up case, in the same window (no restart).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { remote } from 'webdriverio';
import { appBinary, byTestId, cli, screenshot, seriousAccessibilityViolations, tempDatabase } from '../harness.mjs';

/** Overwrites the middle third of the file's pages with garbage, keeping its length. */
function damageMiddlePages(db) {
  const bytes = readFileSync(db);
  const page = 4096;
  const pages = bytes.length / page;
  bytes.fill(0xab, Math.floor(pages / 3) * page, Math.floor((2 * pages) / 3) * page);
  writeFileSync(db, bytes);
  return bytes;
}

/** Starts Lupaus on `db` and waits for the recovery screen (the harness waits for the desk). */
async function startOnRecovery(db) {
  const browser = await remote({
    hostname: '127.0.0.1',
    port: 4444,
    logLevel: 'warn',
    connectionRetryCount: 0,
    capabilities: {
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: appBinary, args: ['--db', db] },
    },
  });
  await (await byTestId(browser, 'recovery')).waitForDisplayed({ timeout: 15000 });
  return browser;
}

test('a damaged database opens on the recovery screen and the latest backup brings the desk back', async () => {
  const db = tempDatabase();
  cli(db, ['case', 'create', '--customer', 'Onni Korhonen', '--description', 'Takki repesi ensimmäisellä käyttökerralla', '--requested-remedy', 'Uusi takki']);
  const backup = cli(db, ['backup']);
  assert.equal(backup.verified, true, 'the CLI backup verifies');
  const damaged = damageMiddlePages(db);

  const browser = await startOnRecovery(db);
  try {
    assert.match(await (await byTestId(browser, 'recovery-problem')).getText(), /vioittunut/);
    await browser.waitUntil(async () => (await (await byTestId(browser, 'recovery-path')).getText()) === db, {
      timeout: 10000,
      timeoutMsg: 'the file path to be shown',
    });
    const latest = await byTestId(browser, 'restore-latest');
    await latest.waitForDisplayed({ timeout: 10000 });
    assert.equal((await browser.$$('[data-testid="backup-row"]')).length, 1);
    await screenshot(browser, 'recovery-screen');
    assert.deepEqual(await seriousAccessibilityViolations(browser), [], 'the recovery screen passes axe-core');
    assert.ok(readFileSync(db).equals(damaged), 'opening left the damaged file byte for byte as it was');

    await latest.click();
    await browser.$('h2#case-list-heading').waitForDisplayed({ timeout: 15000 });
    const notice = await (await byTestId(browser, 'restored')).getText();
    assert.match(notice, /\.set-aside-/, 'the notice names where the damaged file was kept');
    const kept = readdirSync(dirname(db)).filter((name) => name.includes('.set-aside-') && !/-(wal|shm)$/.test(name));
    assert.equal(kept.length, 1, `one file set aside: ${kept}`);
    assert.ok(readFileSync(join(dirname(db), kept[0])).equals(damaged), 'the damaged file is kept unchanged');

    const rows = await browser.$$('[data-testid="case-row"]');
    assert.equal(rows.length, 1);
    assert.match(await rows[0].getText(), /Onni Korhonen/);
    await screenshot(browser, 'recovery-restored');
    assert.deepEqual(await seriousAccessibilityViolations(browser), [], 'the desk after restore passes axe-core');
  } finally {
    await browser.deleteSession();
  }
});
