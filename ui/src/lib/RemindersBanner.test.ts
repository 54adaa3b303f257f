import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import App from '../App.svelte';
import { fakeDesk, promiseView } from '../test/fake-desk';

const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

describe('the reminders banner', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('is absent when no promise is due', async () => {
    const desk = fakeDesk('intake');
    render(App);
    await screen.findByTestId('case-row');
    await waitFor(() => expect(desk.calls.some((call) => call.command === 'due_promises')).toBe(true));
    expect(screen.queryByTestId('reminders')).toBeNull();
  });

  it('lists overdue promises first, in words, and opens the case on click', async () => {
    const desk = fakeDesk('solving');
    // Deliberately not in the order the banner must show.
    desk.due = [
      promiseView(1, at(1 * HOUR), 'open', 'Soitto asennuksesta'),
      promiseView(2, at(-2.5 * HOUR), 'broken', 'Vastaus huoltoliikkeeltä'),
      promiseView(3, at(-25 * HOUR), 'broken', 'Hyvityslasku'),
    ];
    render(App);
    const banner = await screen.findByTestId('reminders');
    const items = within(banner).getAllByTestId('reminder');
    expect(items.map((item) => item.querySelector('.when')?.textContent)).toEqual([
      '1 d late',
      '2 h late',
      expect.stringMatching(/^due in (59 min|1 hr)/),
    ]);
    expect(items[0].textContent).toContain('Hyvityslasku');
    expect(items[0].textContent).toContain('R-2026-000001');
    // Five are shown; the sixth asked for only tells whether there are more.
    expect(desk.calls.find((call) => call.command === 'due_promises')?.args).toEqual({ withinHours: 8, mineOnly: false, limit: 6 });
    expect(screen.queryByTestId('reminders-show-all')).toBeNull();

    await fireEvent.click(within(items[1]).getByRole('button'));
    expect((await screen.findByTestId('stage-now')).textContent).toBe('Current stage: Solving');
    expect(desk.calls.find((call) => call.command === 'get_case')?.args).toEqual({ caseId: 1 });
  });

  it('shows the five most overdue of many and leaves the rest to the list by next promise', async () => {
    const desk = fakeDesk('solving');
    desk.due = Array.from({ length: 300 }, (_, index) => promiseView(index + 1, at((index - 400) * HOUR), 'broken', `Lupaus ${index + 1}`));
    render(App);
    const banner = await screen.findByTestId('reminders');
    const items = within(banner).getAllByTestId('reminder');
    expect(items).toHaveLength(5);
    expect(items[0].textContent).toContain('Lupaus 1');
    expect(items[4].textContent).toContain('Lupaus 5');
    const answers = desk.calls.filter((call) => call.command === 'due_promises');
    expect(answers.every((call) => call.args?.limit === 6)).toBe(true);

    await fireEvent.click(within(banner).getByTestId('reminders-show-all'));
    await waitFor(() =>
      expect(desk.calls.filter((call) => call.command === 'browse_cases').at(-1)?.args).toMatchObject({
        filter: { view: 'all', owner: null, search: null, sort: 'next_promise', after_id: null },
      }),
    );
    expect((screen.getByTestId('filter-sort') as HTMLSelectElement).value).toBe('next_promise');
  });

  it('speaks Finnish on a Finnish desk', async () => {
    const desk = fakeDesk('solving', 'fi-FI');
    desk.due = [promiseView(2, at(-2 * HOUR - 60_000), 'broken', 'Vastaus huoltoliikkeeltä')];
    render(App);
    const banner = await screen.findByTestId('reminders');
    expect(within(banner).getByText('myöhässä 2 t')).toBeTruthy();
    expect(within(banner).getByRole('heading').textContent).toBe('Erääntyvät lupaukset (1)');
  });

  it('folds to one line with a count on a short screen, under a header that stays put', async () => {
    const tall = window.innerHeight;
    window.innerHeight = 640;
    try {
      const desk = fakeDesk('solving', 'fi-FI');
      desk.due = [
        promiseView(1, at(1 * HOUR), 'open', 'Soitto asennuksesta'),
        promiseView(2, at(-2.5 * HOUR), 'broken', 'Vastaus huoltoliikkeeltä'),
        promiseView(3, at(-25 * HOUR), 'broken', 'Hyvityslasku'),
      ];
      render(App);
      const banner = await screen.findByTestId('reminders');
      const toggle = within(banner).getByRole('button', { name: 'Erääntyvät lupaukset (3)' });
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      // One line: the most overdue promise only, in the list's words.
      const shown = within(banner).getAllByTestId('reminder');
      expect(shown).toHaveLength(1);
      expect(shown[0].textContent).toContain('myöhässä 1 pv');
      await fireEvent.click(toggle);
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      expect(within(banner).getAllByTestId('reminder')).toHaveLength(3);
      // The header, the menu and the banner are one block that stays at the top (position: sticky).
      const chrome = screen.getByTestId('chrome');
      expect(chrome.contains(screen.getByTestId('new-case'))).toBe(true);
      expect(chrome.contains(banner)).toBe(true);
    } finally {
      window.innerHeight = tall;
    }
  });

  it('and the case list say the same when a promise falls due', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-23T10:00:00Z'));
      const desk = fakeDesk('solving');
      const due = '2026-11-23T10:00:30Z';
      desk.detail.summary = { ...desk.detail.summary, next_promise_due: due };
      desk.due = [promiseView(1, due, 'open', 'Soitto')];
      render(App);
      const listWords = async () => (await screen.findByTestId('closeness')).textContent?.replace(/[!◔]/g, '').trim();
      expect(await listWords()).toBe('due now');

      // A minute and a half later the shell raises the promise's reminder; the list's own
      // minute has not come round yet.
      vi.setSystemTime(new Date('2026-11-23T10:01:30Z'));
      desk.due = [promiseView(1, due, 'broken', 'Soitto')];
      await emit('reminders-raised', []);
      await waitFor(() => expect(screen.getByTestId('reminder').querySelector('.when')?.textContent).toBe('1 min late'));
      expect(await listWords()).toBe('1 min late');
    } finally {
      vi.useRealTimers();
    }
  });

  it('words a promise not yet due as the case list does ("erääntyy 2 min päästä", not a clock time)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-23T10:13:00Z'));
      const desk = fakeDesk('solving', 'fi-FI');
      const due = '2026-11-23T10:15:00Z';
      desk.detail.summary = { ...desk.detail.summary, next_promise_due: due };
      desk.due = [promiseView(1, due, 'open', 'Soitto')];
      render(App);
      const listWords = (await screen.findByTestId('closeness')).textContent?.replace(/[!◔]/g, '').trim();
      const bannerWords = (await screen.findByTestId('reminder')).querySelector('.when')?.textContent;
      expect(listWords).toBe('erääntyy 2 min päästä');
      expect(bannerWords).toBe(listWords);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refreshes at once when the shell raises reminders, and opens a case it asks for', async () => {
    const desk = fakeDesk('intake');
    render(App);
    await screen.findByTestId('case-row');
    expect(screen.queryByTestId('reminders')).toBeNull();

    desk.due = [promiseView(5, at(-10 * 60_000), 'broken', 'Soitto')];
    await emit('reminders-raised', []);
    expect((await screen.findByTestId('reminder')).textContent).toContain('10 min late');

    await emit('open-case', 1);
    expect((await screen.findByTestId('stage-now')).textContent).toBe('Current stage: Received');
  });
});
