import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import Figures from './Figures.svelte';
import type { TeamBoard, TeamView } from '../bindings';
import { deskFigures, PEOPLE } from '../../test/fake-lead-data';
import { speak } from '../../test/speak';
import { chartsDrawNothing } from '../../test/no-canvas';

const TEAM: TeamView = {
  desk_name: 'kassa1',
  desk_code: 'KASSA1',
  server: '10.0.0.5:5432/tiimi',
  link: 'online',
  last_sync_at: null,
  pending: 0,
  flagged: 0,
  history_arriving: false,
  problem: null,
};
const BOARD: TeamBoard = {
  this_desk: 'KASSA1',
  desks: [
    { desk_code: 'KASSA1', last_sync_at: null, stale: true, this_desk: true },
    { desk_code: 'KASSA2', last_sync_at: null, stale: true, this_desk: false },
  ],
  by_person: [],
  by_desk: [],
  workload: [],
  truncated: false,
};

function backEnd(team: TeamView | null) {
  const asked: Record<string, unknown>[] = [];
  mockIPC((command, args) => {
    if (command === 'team_status') return team;
    if (command === 'team_board') return BOARD;
    if (command === 'list_people') return PEOPLE;
    if (command === 'desk_figures') {
      asked.push(args as Record<string, unknown>);
      return deskFigures();
    }
    if (command === 'export_figures') {
      asked.push({ exported: true, ...(args as Record<string, unknown>) });
      return '/home/leena/lupaus-luvut.xlsx';
    }
    throw { code: 'internal', message: `unexpected ${command}`, field: null };
  });
  return asked;
}

describe('the figures for one desk or one person', () => {
  chartsDrawNothing();

  it('narrows the figures to the chosen desk and person in team mode', async () => {
    const asked = backEnd(TEAM);
    speak('fi');
    render(Figures);
    const desk = (await screen.findByTestId('figures-desk')) as HTMLSelectElement;
    expect([...desk.options].map((option) => option.textContent)).toEqual(['Kaikki työpisteet', 'KASSA1', 'KASSA2']);
    await fireEvent.change(desk, { target: { value: 'KASSA2' } });
    const agent = screen.getByTestId('figures-agent') as HTMLSelectElement;
    await fireEvent.change(agent, { target: { value: PEOPLE[0].name } });
    await fireEvent.click(screen.getByRole('button', { name: 'Näytä luvut' }));
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toMatchObject({ desk: 'KASSA2', agent: PEOPLE[0].name });
    expect(asked[0]).not.toHaveProperty('desk');
  });

  it('exports the figures the screen shows, for the same desk and person', async () => {
    const asked = backEnd(TEAM);
    speak('fi');
    render(Figures);
    const desk = (await screen.findByTestId('figures-desk')) as HTMLSelectElement;
    await fireEvent.change(desk, { target: { value: 'KASSA2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Näytä luvut' }));
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    // Chosen but not yet shown: the export still writes what the screen shows (KASSA2's).
    await fireEvent.change(desk, { target: { value: 'KASSA1' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Excel (.xlsx)' }));
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    expect(asked[2]).toMatchObject({ exported: true, format: 'xlsx', desk: 'KASSA2' });
    expect(asked[2]).not.toHaveProperty('agent');
  });

  it('offers no filter on a standalone desk and asks as before', async () => {
    const asked = backEnd(null);
    speak('en');
    render(Figures);
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    expect(Object.keys(asked[0]).sort()).toEqual(['from', 'to']);
    expect(screen.queryByTestId('figures-desk')).toBeNull();
  });
});
