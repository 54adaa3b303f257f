import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import DeviceSettings from './DeviceSettings.svelte';
import type { BackupCheck, IpcError, RestoreReport, Role } from '../bindings';
import { listenForRestores, type Restored } from '../recovery';
import { speak } from '../../test/speak';

const BACKUPS: BackupCheck[] = [
  { path: '/data/backups/lupaus-20261123T0700Z.db', verified: true, problem: null, taken_local: '2026-11-23T09:00:00', size_bytes: 40960, schema_version: 3, cases: 2 },
  { path: '/data/backups/lupaus-20261122T0700Z.db', verified: false, problem: 'It is not a Lupaus database.', taken_local: '2026-11-22T09:00:00', size_bytes: 4096, schema_version: null, cases: null },
];

/** The shell's answers; `restoreRefusal` makes restore_backup fail with it. */
function backEnd(restoreRefusal: IpcError | null = null) {
  const restores: Record<string, unknown>[] = [];
  mockIPC((command, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    switch (command) {
      case 'get_autostart':
        return { enabled: false, entry_path: '/home/aino/.config/autostart/lupaus.desktop' };
      case 'list_backups':
        return BACKUPS;
      case 'restore_backup': {
        restores.push(args);
        if (restoreRefusal) throw restoreRefusal;
        const report: RestoreReport = { restored_from: String(args.path), database: '/data/lupaus.db', set_aside_as: '/data/lupaus.db.set-aside-20261123T101500Z', cases: 2 };
        return report;
      }
      default:
        throw { code: 'internal', message: `unexpected ${command}`, field: null };
    }
  });
  return restores;
}

function show(role: Role | null) {
  speak('fi');
  render(DeviceSettings, { props: { role, chosen: null, onlanguage: () => {} } });
  return screen.findAllByTestId('backup');
}

describe('backups in the device settings', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('lets a lead restore a verified backup only after confirming, and tells the desk to mount afresh', async () => {
    const restores = backEnd();
    const announced: Restored[] = [];
    const stop = listenForRestores((restored) => announced.push(restored));
    const [verified, broken] = await show('lead');
    expect(within(broken).queryByTestId('restore-backup')).toBeNull();

    await fireEvent.click(within(verified).getByTestId('restore-backup'));
    const confirm = within(verified).getByTestId('restore-confirm');
    expect(confirm.textContent).toContain('Palautetaanko varmuuskopio ajalta 23.11.2026 klo 09.00?');
    expect(confirm.textContent).toContain('sitä ei poisteta');
    expect(restores).toEqual([]);

    await fireEvent.click(within(confirm).getByTestId('restore-yes'));
    await waitFor(() => expect(announced).toHaveLength(1));
    expect(restores).toEqual([{ path: BACKUPS[0].path, acceptOlder: false }]);
    expect(announced[0].taken).toBe('23.11.2026 klo 09.00');
    expect(announced[0].report.set_aside_as).toContain('set-aside');
    stop();
  });

  it('offers no restore to an agent, and shows a refusal next to the confirmation in Finnish', async () => {
    backEnd();
    const rows = await show('agent');
    expect(rows.every((row) => within(row).queryByTestId('restore-backup') === null)).toBe(true);
    cleanup();

    const refusal = { code: 'lead_only', message: 'Only a team lead can restore a backup over the working database. Ask your team lead.', field: null, reason: 'lead_restores_backup', params: {} };
    backEnd(refusal as IpcError);
    const [verified] = await show('lead');
    await fireEvent.click(within(verified).getByTestId('restore-backup'));
    await fireEvent.click(within(verified).getByTestId('restore-yes'));
    const alert = await within(verified).findByRole('alert');
    expect(alert.textContent).toContain('Vain tiiminvetäjä voi palauttaa varmuuskopion');
    expect(alert.textContent).not.toContain('Only a team lead');
  });
});
