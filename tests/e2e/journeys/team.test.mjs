// Journey: a desk joins its team in Settings → Team, and a case saved on another desk of the
// team (a real `lupaus-cli` desk) appears in this window's list without a click, through a real
// PostgreSQL server the journey starts itself (initdb + pg_ctl on a free loopback port).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cli, eventually, screenshot, startApp, tempDatabase } from '../harness.mjs';
import { joinDesk, PG_BIN, startPostgres } from '../postgres.mjs';

test('a case saved on another desk of the team appears in this window', { skip: !PG_BIN && 'no PostgreSQL binaries' }, async () => {
  const pg = await startPostgres();
  const admin = `postgres://postgres@127.0.0.1:${pg.port}/team`;
  const deskUrl = `postgres://127.0.0.1:${pg.port}/team`;
  let browser;
  try {
    const scratch = tempDatabase();
    cli(scratch, ['team', 'server-init', '--server', admin]);
    const a = cli(scratch, ['team', 'add-desk', '--server', admin, '--desk', 'KASSA1']);
    const b = cli(scratch, ['team', 'add-desk', '--server', admin, '--desk', 'KASSA2']);
    // Desk B is a command-line desk; its secret goes in on stdin, never argv.
    const deskB = tempDatabase();
    joinDesk(deskB, deskUrl, 'KASSA2', b.secret);

    const deskA = tempDatabase();
    browser = await startApp(deskA);
    assert.equal((await browser.$$('[data-testid="team-status"]')).length, 0, 'a standalone desk shows no team status');
    await (await byTestId(browser, 'nav-settings')).click();
    await (await byTestId(browser, 'team-server')).setValue(deskUrl);
    await (await byTestId(browser, 'team-desk')).setValue('kassa1');
    const secret = await byTestId(browser, 'team-secret');
    assert.equal(await secret.getAttribute('type'), 'password');
    await secret.setValue(a.secret);
    await (await byTestId(browser, 'team-join-submit')).click();
    const notice = await byTestId(browser, 'team-notice');
    await notice.waitForDisplayed({ timeout: 20000 });
    assert.equal(await notice.getText(), 'Työpiste liittyi tiimiin nimellä KASSA1.');
    const status = await byTestId(browser, 'team-status-line');
    await eventually(async () => /^Synkronoitu klo \d{2}\.\d{2} · 0 odottaa$/.test(await status.getText()), 'the header says synced');
    await screenshot(browser, 'team-joined');

    await (await byTestId(browser, 'nav-cases')).click();
    cli(deskB, ['case', 'create', '--customer', 'Kaisa Kassalta', '--description', 'Laturi ei lataa', '--requested-remedy', 'Uusi laturi']);
    cli(deskB, ['team', 'sync']);
    // No click: the server's NOTIFY wakes this desk, it pulls, and the list reloads.
    const row = await eventually(async () => {
      for (const candidate of await browser.$$('[data-testid="case-row"]')) {
        if ((await candidate.getText()).includes('Kaisa Kassalta')) return candidate;
      }
      return null;
    }, 'the other desk’s case in the list', 20000);
    assert.match(await row.getText(), /R-\d{4}-000001/);
    await screenshot(browser, 'team-case-from-another-desk');
  } finally {
    await browser?.deleteSession();
    pg.stop();
  }
});
