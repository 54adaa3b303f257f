// Journey: the team lead's board in a window joined to a team (a real PostgreSQL the journey
// starts itself): promises due on another desk (a real `lupaus-cli` desk) appear grouped by
// person and by desk, with each desk's last sync; a desk added but never joined is out of touch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cli, eventually, screenshot, startApp, switchPerson, tempDatabase } from '../harness.mjs';
import { joinDesk as join, PG_BIN, startPostgres } from '../postgres.mjs';

test('the lead sees every desk’s due promises and last sync', { skip: !PG_BIN && 'no PostgreSQL binaries' }, async () => {
  const pg = await startPostgres();
  const admin = `postgres://postgres@127.0.0.1:${pg.port}/team`;
  const deskUrl = `postgres://127.0.0.1:${pg.port}/team`;
  let browser;
  try {
    const scratch = tempDatabase();
    cli(scratch, ['team', 'server-init', '--server', admin]);
    const secrets = Object.fromEntries(
      ['KASSA1', 'KASSA2', 'KASSA3'].map((desk) => [desk, cli(scratch, ['team', 'add-desk', '--server', admin, '--desk', desk]).secret]),
    );
    // The window's desk: its lead is listed before it joins, so the team learns her from it.
    const deskA = tempDatabase();
    cli(deskA, ['person', 'add', 'Leena Lead', '--role', 'lead'], { person: 'Leena Lead' });
    cli(deskA, ['person', 'add', 'Aino Agentti'], { person: 'Leena Lead' });
    join(deskA, deskUrl, 'KASSA1', secrets.KASSA1);

    // KASSA2, a command-line desk: Aino missed a call-back an hour ago; another is due this afternoon.
    const deskB = tempDatabase();
    join(deskB, deskUrl, 'KASSA2', secrets.KASSA2);
    const hoursFromNow = (hours) => new Date(Date.now() + hours * 3600_000).toISOString();
    const earlier = hoursFromNow(-3);
    const late = cli(deskB, ['case', 'create', '--customer', 'Kaisa Kassalta', '--description', 'Laturi ei lataa', '--requested-remedy', 'Uusi laturi'], { now: earlier });
    cli(deskB, ['promise', 'make', late.reference, '--text', 'Soitamme varaosasta', '--due', hoursFromNow(-1), '--outside-hours'], { now: earlier });
    const soon = cli(deskB, ['case', 'create', '--customer', 'Pekka Puhelin', '--description', 'Näyttö rikki', '--requested-remedy', 'Korjaus']);
    cli(deskB, ['promise', 'make', soon.reference, '--text', 'Kerromme korjausajan', '--due', hoursFromNow(4), '--outside-hours']);
    cli(deskB, ['team', 'sync']);
    cli(deskA, ['team', 'sync']);

    browser = await startApp(deskA);
    await switchPerson(browser, 'Leena Lead');
    await (await byTestId(browser, 'nav-lead')).click();
    const board = await byTestId(browser, 'team-board');
    await board.waitForDisplayed({ timeout: 15000 });
    const desks = await eventually(async () => {
      const found = await browser.$$('[data-testid="board-desk"]');
      return found.length === 3 ? found : null;
    }, 'the three desks of the team');
    const lines = [];
    for (const desk of desks) lines.push(await desk.getText());
    assert.match(lines[0], /^KASSA1 \(tämä työpiste\) · synkronoitu \d+\.\d+\.\d{4} (klo )?\d{1,2}\.\d{2}$/);
    assert.match(lines[1], /^KASSA2 · synkronoitu /);
    assert.match(lines[2], /^KASSA3 · ei ole vielä synkronoinut/);
    const rows = await eventually(async () => {
      const found = await browser.$$('[data-testid="team-row"]');
      return found.length === 2 ? found : null;
    }, 'both of KASSA2’s promises');
    assert.match(await rows[0].getText(), /Soitamme varaosasta/, 'the missed one first');
    assert.match(await (await byTestId(browser, 'team-workload')).getText(), /Aino Agentti/);
    // The desks' last syncs in the middle of the window, below the due-promises banner.
    await desks[0].scrollIntoView({ block: 'center' });
    await screenshot(browser, 'team-board');
    await (await byTestId(browser, 'group-desk')).click();
    assert.match(await board.getText(), /Työpiste KASSA2 1 myöhässä, 1 erääntyy pian/);
  } finally {
    await browser?.deleteSession();
    pg.stop();
  }
});
