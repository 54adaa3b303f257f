import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import type { CaseSummary } from './bindings';
import CaseList from './CaseList.svelte';
import { CasePages, type PageFetch } from './list/case-pages.svelte';
import { speak } from '../test/speak';

// A desk of `count` cases, newest first, served a page at a time like `browse_cases`.
function desk(count: number) {
  const rows: CaseSummary[] = Array.from({ length: count }, (_, n) => ({
    id: count - n,
    reference: `R-2026-${String(count - n).padStart(6, '0')}`,
    received_at: '2026-11-23T08:00:00Z',
    customer_name: `Asiakas ${count - n}`,
    channel: 'phone',
    priority: 'normal',
    stage: 'solving',
    owner: 'Aino Agentti',
    summary: 'Pesukone vuotaa.',
    next_promise_due: null,
    next_promise_soon_from: null,
  }));
  const fetch = vi.fn<PageFetch>(async (after, _offset, limit) => {
    const start = after === null ? 0 : rows.findIndex((row) => row.id === after.id) + 1;
    return rows.slice(start, start + limit);
  });
  return { rows, fetch };
}

async function showList(count: number, props: { onopen?: (id: number) => void; focusId?: number } = {}) {
  const { rows, fetch } = desk(count);
  const pages = new CasePages();
  await pages.reset(fetch);
  speak('fi');
  render(CaseList, { pages, onopen: props.onopen ?? (() => {}), focusId: props.focusId ?? null });
  await screen.findAllByTestId('case-row');
  return { rows, fetch, pages, scroller: screen.getByTestId('case-scroller') };
}

const focusedReference = () => document.activeElement?.querySelector('td.reference')?.textContent;

describe('the virtual case list', () => {
  afterEach(() => cleanup());

  it('puts only the rows around the viewport in the DOM, out of 10,000', async () => {
    const { fetch } = await showList(10_000);
    const rendered = screen.getAllByTestId('case-row');
    // 600 px of viewport at 44 px a row, plus the overscan either side: a few dozen, never hundreds.
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThanOrEqual(30);
    expect(fetch).toHaveBeenCalledTimes(1);
    const table = screen.getByTestId('case-list');
    expect(table.getAttribute('aria-rowcount')).toBe('-1'); // the total is not known yet
    expect(rendered[0].getAttribute('aria-rowindex')).toBe('2'); // row 1 is the header
  });

  it('fetches the next page once when scrolled near the end of what is loaded', async () => {
    const { fetch, pages, scroller } = await showList(10_000);
    scroller.scrollTop = 100 * 44 - 600;
    await fireEvent.scroll(scroller);
    await fireEvent.scroll(scroller);
    await waitFor(() => expect(pages.rows).toHaveLength(200));
    expect(fetch).toHaveBeenCalledTimes(2);
    // The second page continues after the last row held.
    expect(fetch.mock.calls[1][0]?.id).toBe(10_000 - 99);
    const references = screen.getAllByTestId('case-row').map((row) => row.querySelector('td.reference')?.textContent);
    expect(references).toContain('R-2026-009901'); // the 100th case is on screen
    expect(screen.getAllByTestId('case-row').length).toBeLessThanOrEqual(30);
  });

  it('starts a new query from the top, whatever was scrolled before', async () => {
    const { fetch, pages, scroller } = await showList(10_000);
    scroller.scrollTop = 3000;
    await fireEvent.scroll(scroller);
    await waitFor(() => expect(screen.getAllByTestId('case-row')[0].getAttribute('aria-rowindex')).not.toBe('2'));
    await pages.reset(fetch);
    await waitFor(() => expect(screen.getAllByTestId('case-row')[0].getAttribute('aria-rowindex')).toBe('2'));
    expect((screen.getByTestId('case-scroller') as HTMLElement).scrollTop).toBe(0);
  });

  it('knows the row count once the last page has come', async () => {
    await showList(7);
    expect(screen.getByTestId('case-list').getAttribute('aria-rowcount')).toBe('8');
    expect(screen.getByTestId('case-list').getAttribute('aria-label')).toBe('Tapaukset, yhteensä 7');
  });

  it('moves between rows with the keyboard and opens with Enter', async () => {
    const opened: number[] = [];
    const { fetch } = await showList(10_000, { onopen: (id) => opened.push(id) });
    const first = screen.getAllByTestId('case-row')[0];
    expect(first.tabIndex).toBe(0); // the one row Tab reaches
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(focusedReference()).toBe('R-2026-009999'));
    await fireEvent.keyDown(document.activeElement!, { key: 'PageDown' });
    await waitFor(() => expect(focusedReference()).toBe('R-2026-009988')); // 12 rows fit in 568 px; a page keeps one in view
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await waitFor(() => expect(focusedReference()).toBe('R-2026-009989'));
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    // End fetches the next page and goes to its last row; standing near the end of what is
    // loaded then fetches one more page ahead, and no more.
    await waitFor(() => expect(focusedReference()).toBe('R-2026-009801'));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(3));
    await new Promise((settle) => setTimeout(settle, 50));
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(screen.getAllByTestId('case-row').length).toBeLessThanOrEqual(30);
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(focusedReference()).toBe('R-2026-010000'));
    await fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(opened).toEqual([10_000]);
  });

  it('puts focus back on the row of the case the agent came back from', async () => {
    await showList(500, { focusId: 450 }); // row 51: below the first screen
    await waitFor(() => expect(focusedReference()).toBe('R-2026-000450'));
  });

  it('shows how close each next promise is in words, with the level for the colour', async () => {
    const now = Date.now();
    const rows: CaseSummary[] = [
      { ...desk(1).rows[0], id: 1, next_promise_due: new Date(now - 2 * 3600_000 - 60_000).toISOString() },
      { ...desk(1).rows[0], id: 2, next_promise_due: null },
    ];
    const pages = new CasePages();
    await pages.reset(async () => rows);
    speak('en');
    render(CaseList, { pages, onopen: () => {} });
    const cells = await screen.findAllByTestId('closeness');
    expect(cells.map((cell) => [cell.dataset.level, cell.textContent?.replace('!', '').trim()])).toEqual([
      ['overdue', '2 h late'],
      ['none', 'no promise'],
    ]);
  });

  it('reads the words again each minute', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00Z'));
    try {
      const due: CaseSummary = { ...desk(1).rows[0], next_promise_due: '2026-11-23T10:30:00Z' };
      const pages = new CasePages();
      await pages.reset(async () => [due]);
      speak('en');
      render(CaseList, { pages, onopen: () => {} });
      // testing-library's waitFor polls with setInterval, which is faked here: settle by hand.
      const settle = () => new Promise((done) => setTimeout(done, 0));
      await settle();
      const words = () => screen.getByTestId('closeness').textContent?.replace(/\s+/g, ' ').trim();
      expect(words()).toBe('◔ due in 30 min');
      vi.advanceTimersByTime(31 * 60_000);
      await settle();
      expect(words()).toBe('! 1 min late');
      expect(screen.getByTestId('closeness').dataset.level).toBe('overdue');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says when a page could not be loaded, next to the list, and tries again on request', async () => {
    const { rows, fetch } = desk(300);
    const pages = new CasePages();
    await pages.reset(fetch);
    fetch.mockRejectedValueOnce({ code: 'database_busy', message: 'The database is busy.', field: null });
    speak('en');
    render(CaseList, { pages, onopen: () => {} });
    const scroller = await screen.findByTestId('case-scroller');
    scroller.scrollTop = 100 * 44 - 600;
    await fireEvent.scroll(scroller);
    const alert = await screen.findByTestId('list-error');
    expect(alert.textContent).toContain('More cases could not be loaded. The database is busy. Try again in a moment.');
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(pages.rows).toHaveLength(200));
    expect(rows).toHaveLength(300);
  });
});
