import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import App from '../../App.svelte';
import type { PromiseView } from '../bindings';
import { cells } from '../../test/table';
import { argsOf, fakeDesk, promiseView, type FakeDesk } from '../../test/fake-desk';
import { chartsDrawNothing } from '../../test/no-canvas';

const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const owned = (view: PromiseView, owner: string) => ((view.promise.owner = owner), view);

async function openLeadView(desk: FakeDesk): Promise<FakeDesk> {
  render(App);
  await screen.findByTestId('case-row');
  await fireEvent.click(screen.getByTestId('nav-lead'));
  await screen.findByTestId('promise-board');
  return desk;
}

describe('the lead view', () => {
  chartsDrawNothing();

  it('groups the promise board by owner, overdue first, and reassigns with the right arguments', async () => {
    const desk = fakeDesk('solving');
    // Neither alphabetical nor by the number of misses: the longest-missed promise leads.
    desk.due = [
      owned(promiseView(1, at(3 * HOUR), 'open', 'Aino soittaa huollosta'), 'Aino'),
      owned(promiseView(2, at(-5 * HOUR), 'broken', 'Mikko lähettää hyvityslaskun'), 'Mikko'),
      owned(promiseView(3, at(1 * HOUR), 'open', 'Mikko vahvistaa noudon'), 'Mikko'),
      owned(promiseView(4, at(-26 * HOUR), 'broken', 'Aino kertoo varaosasta'), 'Aino'),
      owned(promiseView(5, at(-1 * HOUR), 'broken', 'Mikko palauttaa rahat'), 'Mikko'),
      owned(promiseView(6, at(2 * HOUR), 'open', 'Bertta lähettää ohjeen'), 'Bertta'),
    ];
    await openLeadView(desk);
    const board = screen.getByTestId('promise-board');
    const groups = await within(board).findAllByTestId('board-group');
    expect(groups.map((group) => group.querySelector('h4')?.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Aino 1 overdue of 2',
      'Mikko 2 overdue of 3',
      'Bertta 0 overdue of 1',
    ]);
    const texts = (group: HTMLElement) => within(group).getAllByTestId('board-row').map((row) => row.querySelector('p')?.textContent);
    expect(texts(groups[0])).toEqual(['Aino kertoo varaosasta', 'Aino soittaa huollosta']);
    expect(texts(groups[1])).toEqual(['Mikko lähettää hyvityslaskun', 'Mikko palauttaa rahat', 'Mikko vahvistaa noudon']);
    expect(within(groups[0]).getAllByTestId('board-row')[0].textContent).toContain('1 d late');
    expect(within(groups[0]).getAllByTestId('board-row')[0].textContent).toContain('Overdue');

    const row = within(groups[0]).getAllByTestId('board-row')[0];
    const picker = within(row).getByLabelText('Give to') as HTMLSelectElement;
    // Only the desk's people are offered: nobody typed freely who would never be reminded.
    expect([...picker.options].filter((option) => !option.disabled).map((option) => option.value)).toEqual(
      desk.people.map((person) => person.name).sort((a, b) => a.localeCompare(b, 'en')),
    );
    await fireEvent.change(picker, { target: { value: 'Leena' } });
    await fireEvent.click(within(row).getByRole('button', { name: 'Reassign' }));
    await waitFor(() => expect(argsOf(desk, 'reassign_promise')).toEqual([{ promiseId: 4, owner: 'Leena' }]));
    expect(await within(board).findByText('The promise now belongs to Leena.')).toBeTruthy();
    // Given away, the longest-missed promise now heads Leena's group, at the top.
    await waitFor(() => expect(within(board).getAllByTestId('board-group')[0].querySelector('h4')?.textContent).toContain('Leena'));
    expect(argsOf(desk, 'due_promises')).toContainEqual({ withinHours: 24, mineOnly: false });
  });

  it('answers on one screen who is late and by how much; the figures wait folded below', async () => {
    const desk = fakeDesk('solving', 'fi-FI');
    desk.due = [
      owned(promiseView(1, at(3 * HOUR), 'open', 'Aino soittaa huollosta'), 'Aino'),
      owned(promiseView(2, at(-5 * HOUR), 'broken', 'Mikko lähettää hyvityslaskun'), 'Mikko'),
      owned(promiseView(4, at(-26 * HOUR), 'broken', 'Aino kertoo varaosasta'), 'Aino'),
    ];
    await openLeadView(desk);
    const summary = await screen.findByTestId('board-summary');
    expect(summary.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Myöhässä: 2 (Aino 1, Mikko 1), pisimpään myöhässä 1 pv · 24 tunnin sisällä erääntyy 1',
    );
    const figures = screen.getByTestId('figures-fold') as HTMLDetailsElement;
    expect(figures.open).toBe(false);
    expect(figures.querySelector('summary')?.textContent).toBe('Tunnusluvut ja kaaviot');
  });

  it('opens a case from the board in one click, and goes back to the board', async () => {
    const desk = fakeDesk('solving');
    desk.due = [promiseView(2, at(-2 * HOUR), 'broken', 'Soitto')];
    await openLeadView(desk);
    await fireEvent.click(await screen.findByRole('button', { name: 'Open case R-2026-000001' }));
    expect((await screen.findByTestId('stage-now')).textContent).toBe('Current stage: Solving');
    await fireEvent.click(screen.getByRole('button', { name: '← Back to the lead view' }));
    expect(await screen.findByTestId('promise-board')).toBeTruthy();
  });

  it('shows the period’s figures, and each chart’s numbers in its table', async () => {
    const desk = await openLeadView(fakeDesk('solving', 'en-US', 'lead'));
    const figures = screen.getByTestId('figures');
    await within(figures).findByTestId('figure-numbers');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
    const [year, month] = today.split('-').map(Number);
    const lastDay = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    expect(argsOf(desk, 'desk_figures')).toEqual([{ from: `${today.slice(0, 7)}-01`, to: lastDay }]);

    const number = (testid: string) => within(figures).getByTestId(testid).textContent;
    expect(number('fig-kept-percent')).toBe('84.5%');
    expect(number('fig-broken')).toBe('3');
    expect(number('fig-kept-late')).toBe('6');
    expect(number('fig-renegotiated')).toBe('4');
    // 61 with a due time in the period, 3 of them not yet due: never "61 due".
    expect(number('fig-due')).toBe('61 in all: 58 past their due time, 3 still ahead');
    expect(number('fig-withdrawn')).toBe('1');
    expect(number('fig-remedy')).toBe('median 6 h 40 min; 9 in 10 within 5 business days 3 h (9 cases)');
    expect(number('fig-close')).toBe('median 6 business days; 9 in 10 within 15 business days (6 cases)');
    expect(number('fig-fcr')).toBe('31.3%');
    expect(number('fig-contacts')).toBe('2.4');
    expect(number('fig-handoffs')).toBe('0.3');
    expect(cells(within(figures).getByTestId('fig-compensation'))).toEqual([
      ['Goodwill', '5', '€125.50'],
      ['Consumer protection law', '2', '€349.00'],
    ]);
    expect(cells(within(figures).getByTestId('fig-open'))[1]).toEqual(['Solving', '2', '4', '2', '1']);

    const table = (id: string) => {
      const chart = within(figures).getByTestId(`chart-${id}`);
      expect(chart.querySelector('figcaption')?.textContent).not.toBe('');
      return cells(within(chart).getByTestId('chart-table'));
    };
    expect(table('weekly')[0]).toEqual(['Week 45 (02/11/2026)', '11', '2', '1']);
    expect(table('weekly')).toHaveLength(4);
    expect(table('remedy_histogram')).toEqual([
      ['Under 1 h', '1'],
      ['1–4 h', '2'],
      ['4–8 h', '2'],
      ['1–2 business days', '2'],
      ['2–5 business days', '1'],
      ['5–10 business days', '1'],
      ['Over 10 business days', '0'],
    ]);
    expect(table('root_causes')).toEqual([
      ['Product defect', '12', '48%'],
      ['Communication', '7', '76%'],
      ['Billing', '4', '92%'],
      ['Partner or supplier', '2', '100%'],
    ]);
    expect(table('responsibility')[0]).toEqual(['Us', '11', '44%']);
    expect(within(figures).getByTestId('chart-root_causes').querySelector('figcaption')?.textContent).toBe(
      'Root causes, most frequent first',
    );
  });

  it('exports the figures and says where the file is', async () => {
    const desk = await openLeadView(fakeDesk('solving', 'fi-FI', 'lead'));
    await fireEvent.click(await screen.findByRole('button', { name: 'Excel (.xlsx)' }));
    const notice = await screen.findByTestId('export-notice');
    const [call] = argsOf(desk, 'export_figures');
    expect(call.format).toBe('xlsx');
    expect(notice.textContent).toBe(`Luvut tallennettiin tiedostoon /home/aino/Documents/lupaus-luvut-${String(call.from)}-${String(call.to)}.xlsx`);
  });

  it('tells an agent that approvals are a lead’s job, in the agent’s language', async () => {
    await openLeadView(fakeDesk('solving', 'fi-FI', 'agent'));
    const approvals = screen.getByTestId('approvals');
    expect((await within(approvals).findByTestId('lead-only')).textContent).toBe(
      'Tähän tarvitaan tiiminvetäjä. Asiakaspalvelijan rajan ylittävät korvaukset hyväksyy tiiminvetäjä; hän näkee odottavat tapaukset täällä.',
    );
    expect(within(approvals).queryByTestId('approval')).toBeNull();
  });

  it('lists the approvals for a lead, each opening its case', async () => {
    await openLeadView(fakeDesk('remedy_agreed', 'en-US', 'lead'));
    const approvals = screen.getByTestId('approvals');
    const item = await within(approvals).findByTestId('approval');
    expect(within(approvals).queryByTestId('lead-only')).toBeNull();
    await fireEvent.click(within(item).getByRole('button', { name: 'Open case R-2026-000001 to decide' }));
    expect((await screen.findByTestId('stage-now')).textContent).toBe('Current stage: Remedy agreed');
  });
});
