import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import RecoveryGate from './RecoveryGate.svelte';
import type { DatabaseProblem, RecoveryBackup, RecoveryInfo } from './bindings';

const DB = '/home/aino/.local/share/lupaus/lupaus.db';
const DIR = '/home/aino/.local/share/lupaus/backups';

const corrupt: DatabaseProblem = {
  code: 'database_corrupt',
  message: 'The database holds data this version cannot read: SQLite reports the file as damaged',
  found_while_running: false,
};

function backup(name: string, cases: number | null, usable = true): RecoveryBackup {
  return {
    path: `${DIR}/lupaus-${name}.db`,
    taken_local: `${name.slice(0, 10)}T${name.slice(11, 13)}:${name.slice(13, 15)}:00`,
    size_bytes: 2_450_000,
    schema_version: usable ? 1 : null,
    cases,
    usable,
    problem: usable ? null : 'It is not a Lupaus database.',
  };
}

interface Shell {
  calls: { command: string; args: Record<string, unknown> }[];
  problem: DatabaseProblem | null;
  /** What the desk's case list answers, once the desk shows. */
  browseFails: boolean;
}

/** The shell as the recovery screen and a bare desk use it. */
function fakeShell(problem: DatabaseProblem | null, backups: RecoveryBackup[], locale = 'en-US'): Shell {
  const shell: Shell = { calls: [], problem, browseFails: false };
  const info = (): RecoveryInfo => ({ db_path: DB, problem: shell.problem, backups_dir: DIR, backups });
  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    app_info: () => ({ version: '0.1.0', db_path: DB, locale, person: 'Aino', time_zone: 'Europe/Helsinki' }),
    database_status: () => ({ db_path: DB, problem: shell.problem }),
    recovery_info: info,
    restore_backup: (args) => {
      shell.problem = null;
      return { restored_from: args.path, database: DB, set_aside_as: `${DB}.set-aside-20261123T101500Z`, cases: 41 };
    },
    quit_app: () => null,
    current_person: () => ({ name: 'Aino', role: 'agent' }),
    browse_cases: () => {
      if (shell.browseFails) throw { code: 'database_corrupt', message: 'SQLite reports the file as damaged', field: null };
      return [];
    },
    due_promises: () => [],
  };
  mockIPC(
    (command, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      shell.calls.push({ command, args });
      const handler = handlers[command];
      if (!handler) throw { code: 'internal', message: `not in this test: ${command}`, field: null };
      return handler(args);
    },
    { shouldMockEvents: true },
  );
  return shell;
}

const argsOf = (shell: Shell, command: string) => shell.calls.filter((call) => call.command === command).map((call) => call.args);

describe('the recovery screen', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('says what is wrong, names the file, lists backups newest first and restores the latest', async () => {
    const shell = fakeShell(corrupt, [backup('2026-11-23-090000', 41), backup('2026-11-22-090000', null)]);
    render(RecoveryGate);
    expect((await screen.findByTestId('recovery-problem')).textContent).toBe(
      'The database file is damaged, so Lupaus stopped using it.',
    );
    expect((await screen.findByTestId('recovery-path')).textContent).toBe(DB);
    expect(screen.getByText('Lupaus has not changed this file.')).toBeTruthy();
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows.map((row) => row.querySelectorAll('td')[2].textContent)).toEqual(['41', 'not counted']);
    expect(rows[0].textContent).toContain('2.5 MB');
    expect(screen.queryByTestId('case-list-heading')).toBeNull();

    const latest = screen.getByTestId('restore-latest');
    expect(latest.textContent).toMatch(/^Restore the latest backup \(23\/11\/2026, 09:00\)$/);
    await fireEvent.click(latest);

    const notice = await screen.findByTestId('restored');
    expect(notice.textContent).toContain(`kept unchanged as ${DB}.set-aside-20261123T101500Z`);
    expect(notice.textContent).toContain('41 cases');
    expect(argsOf(shell, 'restore_backup')).toEqual([{ path: `${DIR}/lupaus-2026-11-23-090000.db`, acceptOlder: false }]);
    expect(screen.queryByTestId('recovery')).toBeNull();
    await waitFor(() => expect(argsOf(shell, 'browse_cases').length).toBeGreaterThan(0));
  });

  it('speaks Finnish and, without backups, says where it looked and that the file is untouched', async () => {
    fakeShell(corrupt, [backup('2026-11-22-090000', null, false)], 'fi-FI');
    render(RecoveryGate);
    const none = await screen.findByTestId('no-backups');
    expect(none.textContent).toBe(
      `Kansiossa ${DIR} ei ole varmuuskopioita. Lupaus jätti tiedoston ${DB} koskematta: kopioi se talteen ja pyydä IT-tukea korjaamaan se tai etsimään varmuuskopio.`,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Tietokantaa ei voi avata');
    expect(screen.queryByTestId('restore-latest')).toBeNull();
    await fireEvent.click(screen.getByTestId('quit'));
  });

  it('restores an older backup over a newer database only when that is chosen', async () => {
    const tooNew: DatabaseProblem = {
      code: 'database_too_new',
      message: 'lupaus.db was written by a newer Lupaus (schema version 3; this version knows up to 2).',
      found_while_running: false,
    };
    const shell = fakeShell(tooNew, [backup('2026-11-23-090000', 41), backup('2026-11-22-090000', 40)]);
    render(RecoveryGate);
    expect((await screen.findByTestId('recovery-problem')).textContent).toBe(
      'This database was saved by a newer version of Lupaus. Update Lupaus to open it.',
    );
    const latest = await screen.findByTestId('restore-latest');
    expect((latest as HTMLButtonElement).disabled).toBe(true);
    const rows = screen.getAllByTestId('backup-row');
    expect((within(rows[1]).getByRole('button') as HTMLButtonElement).disabled).toBe(true);

    await fireEvent.click(screen.getByTestId('accept-older'));
    await fireEvent.click(within(rows[1]).getByRole('button', { name: /Restore this one/ }));
    await screen.findByTestId('restored');
    expect(argsOf(shell, 'restore_backup')).toEqual([{ path: `${DIR}/lupaus-2026-11-22-090000.db`, acceptOlder: true }]);
  });

  it('replaces the desk when a command finds the database damaged', async () => {
    const shell = fakeShell(null, [backup('2026-11-23-090000', 41)]);
    shell.browseFails = true;
    render(RecoveryGate);
    expect((await screen.findByTestId('recovery-problem')).textContent).toBe(
      'The database file is damaged, so Lupaus stopped using it.',
    );
    expect(await screen.findByTestId('restore-latest')).toBeTruthy();
  });

  it('replaces the desk when the background check reports damage', async () => {
    const shell = fakeShell(null, [backup('2026-11-23-090000', 41)]);
    render(RecoveryGate);
    await waitFor(() => expect(argsOf(shell, 'browse_cases').length).toBeGreaterThan(0));
    expect(screen.queryByTestId('recovery')).toBeNull();
    shell.problem = { ...corrupt, found_while_running: true };
    await emit('database-problem', shell.problem);
    expect(await screen.findByTestId('recovery')).toBeTruthy();
  });
});
