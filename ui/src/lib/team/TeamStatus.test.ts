import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import TeamStatus from './TeamStatus.svelte';
import { statusLine } from './team-status';
import type { TeamView } from '../bindings';
import type { Language } from '../i18n';
import { speak } from '../../test/speak';

// 6.12.2026 12.10 in Helsinki (UTC+2).
const NOW = new Date('2026-12-06T10:10:00Z');

function view(over: Partial<TeamView> = {}): TeamView {
  return {
    desk_name: 'kassa2',
    desk_code: 'KASSA2',
    server: '10.0.0.5:5432/tiimi',
    link: 'online',
    last_sync_at: '2026-12-06T10:03:00Z',
    pending: 0,
    flagged: 0,
    history_arriving: false,
    problem: null,
    ...over,
  };
}

const OFFLINE = view({
  link: 'offline',
  last_sync_at: '2026-12-06T09:40:00Z',
  pending: 7,
  problem: { code: 'server_unreachable', message: 'The team server 10.0.0.5:5432/tiimi cannot be reached (no answer in 5 s).', field: null },
});

describe('the header’s team status line', () => {
  it.each<[Language, TeamView, string]>([
    ['fi', view(), 'Synkronoitu klo 12.03 · 0 odottaa'],
    ['sv', view(), 'Synkroniserat kl. 12.03 · 0 väntar'],
    ['en', view(), 'Synced at 12:03 · 0 waiting'],
    ['fi', OFFLINE, 'Ei yhteyttä palvelimeen klo 11.40 lähtien · 7 odottaa'],
    ['sv', OFFLINE, 'Ingen förbindelse med servern sedan kl. 11.40 · 7 väntar'],
    ['en', OFFLINE, 'No connection to the server since 11:40 · 7 waiting'],
    ['fi', view({ link: 'offline', last_sync_at: '2026-12-04T13:15:00Z', pending: 3 }), 'Ei yhteyttä palvelimeen 4.12.2026 klo 15.15 lähtien · 3 odottaa'],
    ['sv', view({ link: 'offline', last_sync_at: null, pending: 2 }), 'Ännu ingen förbindelse med servern · 2 väntar'],
    ['fi', view({ link: 'connecting', last_sync_at: null }), 'Yhdistetään tiimin palvelimeen…'],
    // Joining a long history: the open cases are usable while the rest arrives.
    ['fi', view({ link: 'connecting', last_sync_at: null, history_arriving: true }), 'Avoimet tapaukset ovat täällä · vanhempaa historiaa haetaan vielä tiimin palvelimelta…'],
    ['sv', view({ link: 'online', history_arriving: true }), 'De öppna ärendena finns här · äldre historik hämtas ännu från teamets server…'],
    // Cut off meanwhile: the connection's loss is what matters.
    ['en', { ...OFFLINE, history_arriving: true }, 'No connection to the server since 11:40 · 7 waiting'],
  ])('in %s, case %#', (language, status, expected) => {
    expect(statusLine(language, status, NOW)).toBe(expected);
  });

  it('uses the desk’s day in its zone, not UTC’s: 00.30 in Helsinki is today', () => {
    const justAfterMidnight = new Date('2026-12-06T22:45:00Z'); // 00.45 on 7.12. in Helsinki
    expect(statusLine('fi', view({ last_sync_at: '2026-12-06T22:30:00Z' }), justAfterMidnight)).toBe(
      'Synkronoitu klo 00.30 · 0 odottaa',
    );
  });
});

describe('TeamStatus in the header', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    cleanup();
    clearMocks();
    vi.useRealTimers();
  });

  it('shows nothing for a standalone desk', async () => {
    let asked = 0;
    mockIPC((command) => {
      if (command === 'team_status') {
        asked += 1;
        return null;
      }
      throw { code: 'internal', message: `unexpected ${command}`, field: null };
    });
    speak('fi');
    render(TeamStatus);
    await vi.waitFor(() => expect(asked).toBe(1));
    expect(screen.queryByTestId('team-status')).toBeNull();
  });

  it('says in the desk’s language since when the server is gone, how much waits, and why', async () => {
    mockIPC((command) => (command === 'team_status' ? OFFLINE : null));
    speak('fi');
    render(TeamStatus);
    const line = await screen.findByTestId('team-status-line');
    expect(line.textContent).toBe('Ei yhteyttä palvelimeen klo 11.40 lähtien · 7 odottaa');
    expect(screen.getByTestId('team-problem').textContent).toBe(
      'Tiimin palvelimeen ei saada yhteyttä. Työpiste toimii normaalisti: tallennukset odottavat täällä ja siirtyvät palvelimelle, kun yhteys palaa.',
    );
  });
});
