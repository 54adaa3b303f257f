// A throw-away PostgreSQL for the team journeys: initdb + pg_ctl on a free loopback port, as the
// Rust tests' test server does (lupaus-sync/src/test_server.rs).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliBinary } from './harness.mjs';

export const PG_BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin'].find((dir) => existsSync(join(dir, 'initdb')));

/** A free loopback port, picked by the OS. */
export function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Runs `command` as the postgres user (initdb refuses root), in the C locale: the journeys'
 * Finnish locale need not be installed for the server. */
function asPostgres(command) {
  const env = { ...process.env, LANG: 'C', LC_ALL: 'C' };
  const isRoot = process.getuid?.() === 0;
  return isRoot
    ? execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { encoding: 'utf8', env })
    : execFileSync('/bin/sh', ['-c', command], { encoding: 'utf8', env });
}

export async function startPostgres() {
  const dir = mkdtempSync(join(tmpdir(), 'lupaus-e2e-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  asPostgres(`${PG_BIN}/initdb -D ${dir}/data -U postgres --locale=C -E UTF8 --auth-local=trust --auth-host=trust >/dev/null`);
  asPostgres(`${PG_BIN}/pg_ctl -D ${dir}/data -l ${dir}/log -w -o "-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}" start >/dev/null`);
  asPostgres(`${PG_BIN}/createdb -h 127.0.0.1 -p ${port} -U postgres team`);
  const stop = () => {
    asPostgres(`${PG_BIN}/pg_ctl -D ${dir}/data -m immediate stop >/dev/null`);
    rmSync(dir, { recursive: true, force: true });
  };
  return { port, stop };
}

/** Joins the desk file `db` to the team as `desk`; the secret goes in on stdin, never argv. */
export function joinDesk(db, deskUrl, desk, secret) {
  execFileSync(cliBinary, ['--db', db, '--json', 'team', 'join', '--server', deskUrl, '--desk', desk], {
    input: `${secret}\n`,
    encoding: 'utf8',
  });
}
