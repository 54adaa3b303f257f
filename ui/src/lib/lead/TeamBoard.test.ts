import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import TeamLead from './TeamLead.svelte';
import type { BoardPromise, TeamBoard, TeamView } from '../bindings';
import { promiseView } from '../../test/fake-data';
import { speak } from '../../test/speak';

// 6.12.2026 12.10 in Helsinki (UTC+2).
const NOW = new Date('2026-12-06T10:10:00Z');

const TEAM: TeamView = {
  desk_name: 'kassa1',
  desk_code: 'KASSA1',
  server: '10.0.0.5:5432/tiimi',
  link: 'online',
  last_sync_at: '2026-12-06T10:09:00Z',
  pending: 0,
  flagged: 0,
  history_arriving: false,
  problem: null,
};

function item(id: number, desk: string, owner: string, due: string, status: 'open' | 'broken'): BoardPromise {
  const view = promiseView(id, due, status, `Lupaus ${id}`);
  view.promise.owner = owner;
  return { desk_code: desk, view };
}

const late = item(1, 'KASSA2', 'Aino', '2026-12-06T08:00:00Z', 'broken');
const soon = item(2, 'KASSA1', 'Ville', '2026-12-06T14:00:00Z', 'open');
const BOARD: TeamBoard = {
  this_desk: 'KASSA1',
  desks: [
    { desk_code: 'KASSA1', last_sync_at: '2026-12-06T10:09:00Z', stale: false, this_desk: true },
    { desk_code: 'KASSA2', last_sync_at: '2026-12-06T08:30:00Z', stale: true, this_desk: false },
    { desk_code: 'KASSA3', last_sync_at: null, stale: true, this_desk: false },
  ],
  by_person: [
    { key: 'Aino', overdue: 1, due_soon: 0, promises: [late] },
    { key: 'Ville', overdue: 0, due_soon: 1, promises: [soon] },
  ],
  by_desk: [
    { key: 'KASSA2', overdue: 1, due_soon: 0, promises: [late] },
    { key: 'KASSA1', overdue: 0, due_soon: 1, promises: [soon] },
  ],
  workload: [
    { person: 'Aino', open_cases: 7, overdue: 1, due_soon: 0 },
    { person: 'Ville', open_cases: 3, overdue: 0, due_soon: 1 },
  ],
  truncated: false,
};

const text = (element: Element) => element.textContent?.replace(/\s+/g, ' ').trim();

describe('the lead’s team board', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    cleanup();
    clearMocks();
    vi.useRealTimers();
  });

  it('is not shown on a standalone desk, and its board is never asked for', async () => {
    const asked: string[] = [];
    mockIPC((command) => {
      asked.push(command);
      return null;
    });
    speak('en');
    render(TeamLead, { onopen: () => {} });
    await vi.waitFor(() => expect(asked).toEqual(['team_status']));
    expect(screen.queryByTestId('team-board')).toBeNull();
  });

  it('shows each desk’s last sync, out-of-touch desks, groups by person or desk, and the workload', async () => {
    const opened: number[] = [];
    let within24 = 0;
    mockIPC((command, args) => {
      if (command === 'team_status') return TEAM;
      if (command === 'team_board') {
        within24 = (args as { withinHours: number }).withinHours;
        return BOARD;
      }
      if (command === 'conflicts') return [];
      throw { code: 'internal', message: `unexpected ${command}`, field: null };
    });
    speak('fi');
    render(TeamLead, { onopen: (id: number) => opened.push(id) });
    const desks = await screen.findAllByTestId('board-desk');
    expect(within24).toBe(24);
    expect(desks.map(text)).toEqual([
      'KASSA1 (tämä työpiste) · synkronoitu 6.12.2026 klo 12.09',
      'KASSA2 · synkronoitu 6.12.2026 klo 10.30 ei yhteydessä: sen uusimmat tiedot voivat puuttua tästä',
      'KASSA3 · ei ole vielä synkronoinut ei yhteydessä: sen uusimmat tiedot voivat puuttua tästä',
    ]);
    const heads = () => screen.getAllByTestId('team-group').map((group) => text(group.querySelector('h4')!));
    expect(heads()).toEqual(['Aino 1 myöhässä, 0 erääntyy pian', 'Ville 0 myöhässä, 1 erääntyy pian']);
    await fireEvent.click(screen.getByTestId('group-desk'));
    expect(heads()).toEqual(['Työpiste KASSA2 1 myöhässä, 0 erääntyy pian', 'Työpiste KASSA1 0 myöhässä, 1 erääntyy pian']);
    const first = screen.getAllByTestId('team-row')[0];
    await fireEvent.click(within(first).getByRole('button'));
    expect(opened).toEqual([late.view.promise.case_id]);
    const rows = [...screen.getByTestId('team-workload').querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Aino', '7', '1', '0'],
      ['Ville', '3', '0', '1'],
    ]);
  });

  it.each([
    ['sv', 'Teamtavla', 'har aldrig synkroniserat'],
    ['en', 'Team board', 'never synced'],
  ] as const)('speaks %s', async (language, heading, never) => {
    mockIPC((command) => (command === 'team_status' ? TEAM : command === 'conflicts' ? [] : BOARD));
    speak(language);
    render(TeamLead, { onopen: () => {} });
    expect(await screen.findByRole('heading', { name: heading })).toBeTruthy();
    expect(text((await screen.findAllByTestId('board-desk'))[2])).toContain(never);
  });
});
