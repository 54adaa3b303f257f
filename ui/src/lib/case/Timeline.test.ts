import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import Timeline from './Timeline.svelte';
import { caseDetail } from '../../test/fake-data';
import type { CaseDetail, EventRecord } from '../bindings';
import { speak } from '../../test/speak';

/** Case 1 with two offline `start_solving`s from two desks; the second in the team's order lost. */
function conflicted(): CaseDetail {
  const detail = caseDetail('solving');
  const solving = (at: string, person: string): EventRecord => ({
    at,
    actor: { person, role: 'agent' },
    stage_before: 'intake',
    stage_after: 'solving',
    event: { kind: 'solving_started' },
  });
  detail.events = [...detail.events, solving('2026-11-23T09:05:00Z', 'Bea'), solving('2026-11-23T09:10:00Z', 'Aino')];
  detail.conflict_losers = [2];
  return detail;
}

describe('a team conflict in the timeline', () => {
  afterEach(cleanup);

  it.each([
    ['fi', 'Kirjattu samaan aikaan toisella työpisteellä'],
    ['sv', 'Registrerades samtidigt på en annan arbetsstation'],
    ['en', 'Recorded on another desk at the same time'],
  ] as const)('shows the losing event with a sentence that a lead reviews it (%s)', (language, start) => {
    speak(language);
    render(Timeline, { props: { detail: conflicted() } });
    const entries = screen.getAllByTestId('timeline-entry');
    expect(entries).toHaveLength(3);
    const flags = screen.getAllByTestId('conflict-flag');
    expect(flags).toHaveLength(1);
    expect(entries[2].contains(flags[0])).toBe(true);
    expect(flags[0].textContent).toMatch(new RegExp(`^${start}`));
    expect(entries[1].querySelector('[data-testid="conflict-flag"]')).toBeNull();
  });

  it('shows no flag on a standalone desk', () => {
    speak('fi');
    render(Timeline, { props: { detail: caseDetail('solving') } });
    expect(screen.queryByTestId('conflict-flag')).toBeNull();
  });
});

describe('a resolved conflict and a losing promise change in the timeline', () => {
  afterEach(cleanup);

  it('shows who resolved the losing event and strikes through a promise kept twice', () => {
    speak('fi');
    const detail = conflicted();
    detail.conflict_reviews = [{ position: 2, by: 'Leena' }];
    const promise = {
      id: 7,
      case_id: 1,
      text: 'Soitamme huomenna',
      channel: 'call' as const,
      due_at: '2026-11-24T10:00:00Z',
      owner: 'Aino',
      made_by: 'Aino',
      made_at: '2026-11-23T09:00:00Z',
      replaces: null,
      state: { kind: 'kept' as const, outcome: 'Soitettu', at: '2026-11-23T09:20:00Z' },
    };
    detail.promise_conflicts = [
      {
        event_id: '0193a1b2c3d4e5f60718293a4b5c6d7f',
        case_id: 1,
        case_reference: 'R-2026-000001',
        log: 'promise',
        kind: 'kept',
        at: '2026-11-23T09:20:00Z',
        actor: 'Bea',
        detail: 'the promise was already kept when this change arrived',
        event: null,
        promise,
        review: null,
      },
    ];
    render(Timeline, { props: { detail } });
    const entries = screen.getAllByTestId('timeline-entry');
    expect(entries).toHaveLength(4);
    const reviewed = screen.getByTestId('conflict-reviewed');
    expect(entries[2].contains(reviewed)).toBe(true);
    expect(reviewed.textContent).toBe('Kirjattu samaan aikaan toisella työpisteellä, eikä sitä otettu huomioon. Ratkaissut: Leena.');
    const flags = screen.getAllByTestId('conflict-flag');
    expect(flags).toHaveLength(1);
    expect(entries[3].contains(flags[0])).toBe(true);
    expect(entries[3].textContent).toContain('Lupaus pidetty');
    expect(entries[3].classList.contains('conflict')).toBe(true);
  });
});

describe('the timeline on a team desk', () => {
  afterEach(cleanup);

  it('keeps the team’s order when a desk’s clock was hours off, and shows each desk with its own time', () => {
    speak('en');
    const detail = caseDetail('solving');
    const note = (at: string, person: string, text: string): EventRecord => ({
      at,
      actor: { person, role: 'agent' },
      stage_before: 'solving',
      stage_after: 'solving',
      event: { kind: 'note_added', visibility: 'internal', text },
    } as EventRecord);
    // In the server's order A's note came first; B's clock, five hours behind, recorded an earlier time.
    detail.events = [...detail.events, note('2026-11-23T14:00:00Z', 'Aino', 'Varaosa tilattu'), note('2026-11-23T09:00:00Z', 'Bea', 'Soitin asiakkaalle')];
    detail.event_desks = ['A', 'A', 'B'];
    render(Timeline, { props: { detail } });
    const entries = screen.getAllByTestId('timeline-entry');
    const texts = entries.map((entry) => entry.textContent ?? '');
    const at = (text: string) => texts.findIndex((line) => line.includes(text));
    expect(at('Varaosa tilattu')).toBeLessThan(at('Soitin asiakkaalle'));
    const desks = screen.getAllByTestId('timeline-desk').map((desk) => desk.textContent);
    expect(desks.slice(-2)).toEqual(['A', 'B']);
    expect(entries[at('Soitin asiakkaalle')].querySelector('time')?.getAttribute('datetime')).toBe('2026-11-23T09:00:00Z');
  });
});
