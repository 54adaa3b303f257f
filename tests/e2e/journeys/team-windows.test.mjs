// Journey: two real windows of one team on one machine. Aino, on desk KASSA1, hands a case to
// Ville; Ville's window on desk KASSA2 shows the case in his notice (and his OS notification
// goes out) without a click, through a real PostgreSQL the journey starts itself.
//
// Each window is its own desk: its own database and data folders, and its own D-Bus session.
// The second window runs under a second tauri-driver (ports 4446/4447) started here inside
// `dbus-run-session`: Lupaus is a single-instance app per session (a second start on the same
// session bus hands over to the first and exits), as on two PCs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifactsDir, byTestId, cli, cliBinary, eventually, screenshot, startApp, switchPerson, tempDatabase } from '../harness.mjs';
import { PG_BIN, startPostgres } from '../postgres.mjs';

const SECOND_PORT = 4446;

/** A second tauri-driver in its own D-Bus session, with its own data and config folders. */
async function startSecondDriver() {
  const home = mkdtempSync(join(tmpdir(), 'lupaus-e2e-home-'));
  const env = { ...process.env, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') };
  const args = ['--', 'tauri-driver', '--port', String(SECOND_PORT), '--native-port', '4447', '--native-driver', '/usr/bin/WebKitWebDriver'];
  const driver = spawn('dbus-run-session', args, { env, stdio: 'ignore', detached: true });
  await eventually(
    () =>
      new Promise((done) => {
        fetch(`http://127.0.0.1:${SECOND_PORT}/status`).then(() => done(true), () => done(false));
      }),
    'the second tauri-driver',
  );
  return () => {
    process.kill(-driver.pid, 'SIGTERM');
    rmSync(home, { recursive: true, force: true });
  };
}

/** Joins the CLI-prepared desk at `db` to the team; the secret goes in on stdin, never argv. */
function joinTeam(db, deskUrl, code, secret) {
  execFileSync(cliBinary, ['--db', db, '--json', 'team', 'join', '--server', deskUrl, '--desk', code], { input: `${secret}\n`, encoding: 'utf8' });
}

test('a hand-off in one window reaches the colleague in the other with its notice', { skip: !PG_BIN && 'no PostgreSQL binaries' }, async () => {
  const pg = await startPostgres();
  const admin = `postgres://postgres@127.0.0.1:${pg.port}/team`;
  const deskUrl = `postgres://127.0.0.1:${pg.port}/team`;
  let aino = null;
  let ville = null;
  let stopSecondDriver;
  try {
    const scratch = tempDatabase();
    cli(scratch, ['team', 'server-init', '--server', admin]);
    const kassa1 = cli(scratch, ['team', 'add-desk', '--server', admin, '--desk', 'KASSA1']);
    const kassa2 = cli(scratch, ['team', 'add-desk', '--server', admin, '--desk', 'KASSA2']);
    // The lead lists the team on KASSA1, where Aino takes a call; KASSA2 learns it all by syncing.
    const deskA = tempDatabase();
    cli(deskA, ['person', 'add', 'Leena', '--role', 'lead'], { person: 'Leena' });
    for (const name of ['Aino', 'Ville']) cli(deskA, ['person', 'add', name], { person: 'Leena' });
    cli(deskA, ['case', 'create', '--customer', 'Maija Meikäläinen', '--description', 'Pesukone vuotaa', '--requested-remedy', 'Korjaus'], { person: 'Aino' });
    joinTeam(deskA, deskUrl, 'KASSA1', kassa1.secret);
    cli(deskA, ['team', 'sync']);
    const deskB = tempDatabase();
    joinTeam(deskB, deskUrl, 'KASSA2', kassa2.secret);
    cli(deskB, ['team', 'sync']);

    // Ville's window first: without a window manager the window opened last is on top, and
    // clicks go to the window on top.
    stopSecondDriver = await startSecondDriver();
    ville = await startApp(deskB, { port: SECOND_PORT });
    await switchPerson(ville, 'Ville');
    aino = await startApp(deskA);
    await switchPerson(aino, 'Aino');

    // Aino hands the case to Ville in her window.
    await (await aino.$('[data-testid="case-row"] td')).click();
    await (await byTestId(aino, 'action-hand_off')).click();
    const form = await aino.$('form[data-testid="form-hand_off"]');
    await (await byTestId(aino, 'hand-off-to')).selectByAttribute('value', 'Ville');
    const [note, told] = await form.$$('textarea');
    await note.setValue('Varaosa tilattu, asennus sovittava');
    await told.setValue('Ville soittaa huomenna aamupäivällä');
    await (await form.$('button[type="submit"]')).click();
    await eventually(async () => (await aino.$$('form[data-testid="form-hand_off"]')).length === 0, 'the hand-off saved');

    // Aino's window closes, so Ville's is the one on the screen.
    await aino.deleteSession();
    aino = null;
    // No click in Ville's window: the server's NOTIFY wakes KASSA2, it pulls, and the notice shows.
    const notice = await eventually(async () => {
      const found = await ville.$$('[data-testid="hand-off-notice"]');
      return found.length > 0 ? found[0] : null;
    }, 'the hand-off notice in Ville’s window', 30000);
    const text = await notice.getText();
    assert.match(text, /Aino siirsi sinulle tapauksen R-\d{4}-000001(\/KASSA1)? Maija Meikäläinen/);
    assert.match(text, /Asiakkaalle kerrottu: Ville soittaa huomenna aamupäivällä/);
    assert.equal((await ville.$$('[data-testid="hand-off-notice"]')).length, 1, 'exactly one notice');
    await eventually(async () => {
      for (const row of await ville.$$('[data-testid="case-row"]')) {
        if ((await row.getText()).includes('Maija Meikäläinen')) return true;
      }
      return false;
    }, 'the case in Ville’s list');
    await screenshot(ville, 'team-hand-off-notice');

    await (await byTestId(ville, 'hand-off-notice-ack')).click();
    await eventually(async () => (await ville.$$('[data-testid="hand-off-notices"]')).length === 0, 'the notice acknowledged');
    console.log(`screenshot: ${join(artifactsDir, 'team-hand-off-notice.png')}`);
  } finally {
    await ville?.deleteSession();
    await aino?.deleteSession();
    stopSecondDriver?.();
    pg.stop();
  }
});
