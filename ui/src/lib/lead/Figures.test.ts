// The figures' period is typed in the desk's way of writing a date, whatever the operating
// system's locale: the browser's own date input showed 12/01/2026 under an American X server.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import App from '../../App.svelte';
import { argsOf, fakeDesk, type FakeDesk } from '../../test/fake-desk';
import { chartsDrawNothing } from '../../test/no-canvas';

async function openFigures(locale: string): Promise<{ desk: FakeDesk; figures: HTMLElement }> {
  const desk = fakeDesk('solving', locale, 'lead');
  render(App);
  await screen.findByTestId('case-row');
  await fireEvent.click(screen.getByTestId('nav-lead'));
  const figures = await screen.findByTestId('figures');
  await within(figures).findByTestId('figure-numbers');
  return { desk, figures };
}

const field = (figures: HTMLElement, name: 'from' | 'to') => within(figures).getByTestId(`date-${name}`) as HTMLInputElement;

async function type(input: HTMLInputElement, text: string) {
  await fireEvent.input(input, { target: { value: text } });
  await fireEvent.blur(input);
}

/** This month's first and last day in the desk's zone, as "2026-12-01". */
function thisMonth(): { from: string; to: string; year: number; month: number; last: number } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
  const [year, month] = today.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${last}`, year, month, last };
}

describe('the figures’ period', () => {
  chartsDrawNothing();

  it('is written and typed the Finnish way, and a day the calendar lacks is refused', async () => {
    const { desk, figures } = await openFigures('fi-FI');
    const month = thisMonth();
    expect(field(figures, 'from').value).toBe(`1.${month.month}.${month.year}`);
    expect(field(figures, 'to').value).toBe(`${month.last}.${month.month}.${month.year}`);
    expect(field(figures, 'from').placeholder).toBe('pp.kk.vvvv');
    expect(field(figures, 'from').type).toBe('text');

    await type(field(figures, 'from'), '31.11.2026');
    expect(within(figures).getByRole('alert').textContent).toBe('Päivää 31.11.2026 ei ole kalenterissa: tarkista päivä ja kuukausi.');
    expect(field(figures, 'from').getAttribute('aria-invalid')).toBe('true');
    await fireEvent.click(within(figures).getByRole('button', { name: 'Näytä luvut' }));
    expect(argsOf(desk, 'desk_figures')).toHaveLength(1);

    await type(field(figures, 'from'), 'marraskuu');
    expect(within(figures).getByRole('alert').textContent).toBe(
      '”marraskuu” ei ole luettava päivämäärä. Kirjoita päivä ensin, esimerkiksi 1.12.2026.',
    );
    await type(field(figures, 'to'), '');
    await type(field(figures, 'from'), '01.11.2026');
    expect(field(figures, 'from').value).toBe('1.11.2026');
    expect(within(figures).queryByRole('alert')).toBeNull();
    await fireEvent.click(within(figures).getByRole('button', { name: 'Näytä luvut' }));
    expect(within(figures).getByRole('alert').textContent).toBe('Kirjoita päivämäärä, esimerkiksi 1.12.2026.');
    expect(field(figures, 'to').getAttribute('aria-invalid')).toBe('true');

    await type(field(figures, 'to'), '30.11.26');
    await fireEvent.click(within(figures).getByRole('button', { name: 'Näytä luvut' }));
    await waitFor(() => expect(argsOf(desk, 'desk_figures')).toHaveLength(2));
    expect(argsOf(desk, 'desk_figures')[1]).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    await waitFor(() => expect(within(figures).getByTestId('period-shown').textContent?.trim()).toBe('Luvut ajalta 1.11.2026–30.11.2026'));
    expect(field(figures, 'to').value).toBe('30.11.2026');
  });

  it('is written and typed the Finland-Swedish way, with errors in Swedish', async () => {
    const { desk, figures } = await openFigures('sv-FI');
    const month = thisMonth();
    expect(field(figures, 'from').value).toBe(`1.${month.month}.${month.year}`);
    expect(field(figures, 'from').placeholder).toBe('dd.mm.åååå');

    await type(field(figures, 'from'), '1.13.2026');
    expect(within(figures).getByRole('alert').textContent).toBe('1.13.2026 finns inte i kalendern: kontrollera dag och månad.');
    await type(field(figures, 'from'), 'i går');
    expect(within(figures).getByRole('alert').textContent).toBe(
      '”i går” går inte att läsa som ett datum. Skriv dagen först, till exempel 1.12.2026.',
    );

    // Day first even with slashes, and written back the desk's way.
    await type(field(figures, 'from'), '1/11/2026');
    expect(field(figures, 'from').value).toBe('1.11.2026');
    await type(field(figures, 'to'), '2026-11-30');
    expect(field(figures, 'to').value).toBe('30.11.2026');
    await fireEvent.click(within(figures).getByRole('button', { name: 'Visa nyckeltal' }));
    await waitFor(() => expect(argsOf(desk, 'desk_figures')).toHaveLength(2));
    expect(argsOf(desk, 'desk_figures')[1]).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('is written day first with slashes in English', async () => {
    const { figures } = await openFigures('en-US');
    const month = thisMonth();
    expect(field(figures, 'from').value).toBe(`01/${String(month.month).padStart(2, '0')}/${month.year}`);
    expect(field(figures, 'from').placeholder).toBe('dd/mm/yyyy');
    await type(field(figures, 'from'), '1.11.2026');
    expect(field(figures, 'from').value).toBe('01/11/2026');
  });
});
