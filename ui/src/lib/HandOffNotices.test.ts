import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import App from '../App.svelte';
import type { HandOffNotice } from './bindings';
import { argsOf, fakeDesk, promiseView } from '../test/fake-desk';

const notice = (eventId: string, customer: string): HandOffNotice => ({
  event_id: eventId,
  case_id: 1,
  case_reference: 'R-2026-000001/A',
  customer_name: customer,
  from: 'Ville',
  to: 'Aino',
  note: 'Varaosa tilattu',
  customer_told: 'Aino soittaa huomenna',
  handed_at: '2026-11-30T12:00:00Z',
});

describe('hand-off notices', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('lists a hand-off to the person at the keyboard until they acknowledge it, and opens its case', async () => {
    const desk = fakeDesk('solving', 'fi-FI');
    desk.notices = [notice('0193-a', 'Maija Meikäläinen')];
    render(App);
    const panel = await screen.findByTestId('hand-off-notices');
    expect(within(panel).getByRole('heading').textContent).toBe('Sinulle siirretyt tapaukset (1)');
    const item = within(panel).getByTestId('hand-off-notice');
    expect(item.textContent).toContain('Ville siirsi sinulle tapauksen R-2026-000001/A Maija Meikäläinen');
    expect(item.textContent).toContain('Asiakkaalle kerrottu: Aino soittaa huomenna');

    await fireEvent.click(within(item).getByTestId('hand-off-notice-open'));
    expect(await screen.findByTestId('stage-now')).toBeTruthy();
    expect(argsOf(desk, 'get_case')).toContainEqual({ caseId: 1 });

    await fireEvent.click(within(item).getByTestId('hand-off-notice-ack'));
    expect(argsOf(desk, 'acknowledge_hand_off_notice')).toEqual([{ eventId: '0193-a' }]);
    await waitFor(() => expect(screen.queryByTestId('hand-off-notices')).toBeNull());
  });

  it('shows one that arrives while the window is open', async () => {
    const desk = fakeDesk('intake', 'sv-FI');
    render(App);
    await screen.findByTestId('case-row');
    expect(screen.queryByTestId('hand-off-notices')).toBeNull();
    desk.notices = [notice('0193-b', 'Kalle')];
    await emit('hand-off-notices', desk.notices);
    const panel = await screen.findByTestId('hand-off-notices');
    expect(panel.textContent).toContain('Ville överförde ärendet R-2026-000001/A Kalle till dig');
    expect(panel.textContent).toContain('Kunden har fått veta: Aino soittaa huomenna');
  });
});

describe('escalated misses in the lead view', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('lists each escalated miss with who saw it on which desk and what was done', async () => {
    const desk = fakeDesk('solving', 'en-US', 'lead');
    desk.escalated = [
      {
        promise: promiseView(4, '2026-11-30T10:00:00Z', 'kept_late', 'Soitto'),
        escalated_at: '2026-11-30T12:00:00Z',
        seen: [
          { by: 'Leena', desk_code: 'L', at: '2026-11-30T12:00:00Z' },
          { by: '', desk_code: '', at: '2026-11-30T12:01:00Z' },
        ],
      },
    ];
    render(App);
    await fireEvent.click(await screen.findByRole('button', { name: /lead/i }));
    const row = await screen.findByTestId('escalated-miss');
    expect(row.textContent).toContain('seen by Leena (desk L), nobody signed in');
    expect(within(row).getByTestId('escalated-done').textContent).toBe('Now: Kept late');
  });
});
