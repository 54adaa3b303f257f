import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../App.svelte';
import { fakeDesk } from '../../test/fake-desk';
import type { Role, SettingsChange } from '../bindings';

const TRAIL: SettingsChange[] = [
  { at: '2026-11-02T08:00:00Z', by: '', changes: [{ field: 'calendar.time_zone', before: 'null', after: '"Europe/Helsinki"' }], applied: true },
  { at: '2026-11-20T12:30:00Z', by: 'Leena', changes: [{ field: 'promise_buffer_minutes', before: '60', after: '90' }], applied: true },
  { at: '2026-11-21T07:15:00Z', by: 'Mikko', changes: [{ field: 'calendar.closure_days', before: '[]', after: '["2026-12-28"]' }], applied: false },
];

async function openSettings(role: Role, locale: string) {
  const desk = fakeDesk('intake', locale, role);
  desk.settingsHistory = TRAIL;
  render(App);
  await screen.findByTestId('case-row');
  await fireEvent.click(screen.getByTestId('nav-settings'));
  await screen.findByTestId('desk-settings');
  return desk;
}

const text = (element: Element) => element.textContent?.replace(/\s+/g, ' ').trim();

describe('the settings change log', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
    localStorage.clear();
  });

  it('shows a lead what changed, by whom and when, newest first, and what did not take effect', async () => {
    await openSettings('lead', 'fi-FI');
    const entries = await screen.findAllByTestId('history-entry');
    expect(entries.map((entry) => text(entry.querySelector('.history-head')!))).toEqual([
      '21.11.2026 klo 09.15 Mikko Ei tullut voimaan',
      '20.11.2026 klo 14.30 Leena',
      '2.11.2026 klo 10.00 Asetukset ajalta ennen tiimitilaa',
    ]);
    const row = within(entries[1]).getAllByRole('row')[1];
    expect([...row.children].map((cell) => cell.textContent?.trim())).toEqual(['Korvaukset ja lupaukset · promise_buffer_minutes', '60', '90']);
    expect(within(entries[0]).getByRole('rowheader').textContent).toBe('Kalenteri · closure_days');
  });

  it('is not shown to an agent', async () => {
    await openSettings('agent', 'sv-FI');
    expect(screen.queryByTestId('settings-history')).toBeNull();
  });

  it.each([
    ['sv-FI', 'Ändringslogg för inställningarna', 'Trädde inte i kraft'],
    ['en-US', 'Settings change log', 'Did not take effect'],
  ])('speaks %s', async (locale, heading, notApplied) => {
    await openSettings('lead', locale);
    expect(await screen.findByRole('heading', { name: heading })).toBeTruthy();
    expect((await screen.findByTestId('history-not-applied')).textContent).toBe(notApplied);
  });
});
