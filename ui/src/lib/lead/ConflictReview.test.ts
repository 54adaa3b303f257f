import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import ConflictReview from './ConflictReview.svelte';
import type { Conflict } from '../bindings';
import { promiseView } from '../../test/fake-data';
import { speak } from '../../test/speak';

function lostStart(): Conflict {
  return {
    event_id: '0193a1b2c3d4e5f60718293a4b5c6d7e',
    case_id: 4,
    case_reference: 'R-2026-000001/A',
    log: 'case',
    kind: 'solving_started',
    at: '2026-12-06T08:05:00Z',
    actor: 'Ville',
    detail: 'Work on this case has already started.',
    event: {
      at: '2026-12-06T08:05:00Z',
      actor: { person: 'Ville', role: 'agent' },
      stage_before: 'intake',
      stage_after: 'solving',
      event: { kind: 'solving_started' },
    },
    promise: null,
    review: null,
  };
}

function lostKeep(): Conflict {
  const promise = promiseView(9, '2026-12-07T10:00:00Z', 'kept', 'Soitamme huomenna').promise;
  promise.state = { kind: 'kept', outcome: 'Soitettu', at: '2026-12-06T08:06:00Z' };
  return { ...lostStart(), event_id: '0193a1b2c3d4e5f60718293a4b5c6d7f', log: 'promise', kind: 'kept', event: null, promise };
}

describe('the conflict review list', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('names each losing change and resolves it with one click', async () => {
    let waiting = [lostStart(), lostKeep()];
    const resolved: unknown[] = [];
    mockIPC((command, args) => {
      if (command === 'conflicts') return waiting;
      if (command === 'resolve_conflict') {
        resolved.push(args);
        waiting = waiting.slice(1);
        return { ...lostStart(), review: { by: 'Leena', at: '2026-12-06T09:00:00Z', note: '' } };
      }
      throw { code: 'internal', message: `unexpected ${command}`, field: null };
    });
    speak('fi');
    const opened: number[] = [];
    render(ConflictReview, { onopen: (id: number) => opened.push(id) });
    const rows = await screen.findAllByTestId('conflict-row');
    expect(rows.map((row) => row.querySelector('.lost-title')?.textContent)).toEqual(['Ratkaiseminen aloitettu', 'Lupaus pidetty']);
    expect(rows[0].textContent).toContain('Ville, 6.12.2026 klo 10.05');
    await fireEvent.click(within(rows[0]).getByText(/R-2026-000001\/A/));
    expect(opened).toEqual([4]);
    await fireEvent.click(within(rows[0]).getByTestId('conflict-resolve'));
    await vi.waitFor(() => expect(screen.getAllByTestId('conflict-row')).toHaveLength(1));
    expect(resolved).toEqual([{ eventId: '0193a1b2c3d4e5f60718293a4b5c6d7e', note: '' }]);
    expect(screen.getByRole('status').textContent).toBe('Ratkaistu. Kaikki työpisteet näyttävät sen seuraavan synkronointinsa jälkeen.');
  });

  it('is not shown to an agent', async () => {
    let asked = 0;
    mockIPC(() => {
      asked += 1;
      throw { code: 'lead_only', message: 'Only a team lead can see the conflicts between desks.', field: null };
    });
    speak('sv');
    render(ConflictReview, { onopen: () => {} });
    await vi.waitFor(() => expect(asked).toBe(1));
    await vi.waitFor(() => expect(screen.queryByTestId('conflict-review')).toBeNull());
  });

  it.each([
    ['sv', 'Konflikter mellan arbetsstationer', 'Inga konflikter väntar på granskning.'],
    ['en', 'Conflicts between desks', 'No conflicts waiting for review.'],
  ] as const)('speaks %s', async (language, heading, empty) => {
    mockIPC(() => []);
    speak(language);
    render(ConflictReview, { onopen: () => {} });
    expect(screen.getByRole('heading', { name: heading })).toBeTruthy();
    expect((await screen.findByTestId('conflicts-empty')).textContent).toBe(empty);
  });
});
