import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../App.svelte';
import { argsOf, fakeDesk, type FakeDesk } from '../test/fake-desk';

async function promiseForm(locale: string): Promise<{ desk: FakeDesk; form: HTMLElement }> {
  const desk = fakeDesk('solving', locale);
  render(App);
  await fireEvent.click(await screen.findByTestId('case-row'));
  const panel = await screen.findByTestId('promises-panel');
  await fireEvent.click(within(panel).getByTestId('make-promise-open'));
  const form = within(panel).getByTestId('make-promise');
  await fireEvent.input(within(form).getAllByRole('textbox')[0], { target: { value: 'Soitamme perjantaina' } });
  return { desk, form };
}

const echo = (form: HTMLElement) => within(form).getByTestId('due-chosen').textContent;

describe('the due field', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('reads "pe" as Friday and echoes the weekday, in Finnish', async () => {
    const { desk, form } = await promiseForm('fi-FI');
    await fireEvent.input(within(form).getByTestId('due-text'), { target: { value: 'pe' } });
    await waitFor(() => expect(echo(form)).toBe('pe 27.11. klo 16.00'));
    expect(argsOf(desk, 'read_due')).toEqual([{ text: 'pe' }]);
    await fireEvent.input(within(form).getByTestId('due-text'), { target: { value: 'pe 14' } });
    await waitFor(() => expect(echo(form)).toBe('pe 27.11. klo 14.00'));
    await fireEvent.click(within(form).getByRole('button', { name: 'Tallenna' }));
    await waitFor(() => expect(argsOf(desk, 'make_promise')[0]).toMatchObject({ promise: { due_at: '2026-11-27T12:00:00Z', outside_hours_confirmed: false } }));
  });

  it('says what it cannot read, and chooses nothing', async () => {
    const { form } = await promiseForm('sv-FI');
    await fireEvent.input(within(form).getByTestId('due-text'), { target: { value: 'nästa månad' } });
    const hint = await within(form).findByTestId('due-hint');
    expect(hint.textContent).toContain('Tiden ”nästa månad” går inte att läsa.');
    expect(echo(form)).toBe('');
  });

  it('offers this and next week’s weekdays as buttons, in Swedish', async () => {
    const { form } = await promiseForm('sv-FI');
    const days = await within(form).findAllByTestId('due-weekday');
    expect(days.map((day) => day.textContent)).toEqual([
      'mån 23.11.', 'tis 24.11.', 'ons 25.11.', 'tors 26.11.', 'fre 27.11.',
      'mån 30.11.', 'tis 1.12.', 'ons 2.12.', 'tors 3.12.', 'fre 4.12.',
    ]);
    await fireEvent.click(days[4]);
    expect(echo(form)).toBe('fre 27.11. kl. 16.00');
    expect(days[4].getAttribute('aria-pressed')).toBe('true');
  });

  it('warns outside opening hours, offers the next opening, and keeps the time only when confirmed', async () => {
    const { desk, form } = await promiseForm('en-US');
    const field = within(form).getByTestId('due-text');
    await fireEvent.input(field, { target: { value: 'su 4.15' } });
    const warning = await within(form).findByTestId('due-outside-hours');
    expect(warning.textContent).toContain('That is outside opening hours. The next opening time is Mon 30 Nov at 08:00.');
    await fireEvent.click(within(warning).getByTestId('due-use-opening'));
    expect(echo(form)).toBe('Mon 30 Nov at 08:00');
    expect(within(form).queryByTestId('due-outside-hours')).toBeNull();

    await fireEvent.input(field, { target: { value: 'su 4.15' } });
    await fireEvent.click(await within(form).findByTestId('due-confirm-outside'));
    await fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(argsOf(desk, 'make_promise')[0]).toMatchObject({ promise: { due_at: '2026-11-29T02:15:00Z', outside_hours_confirmed: true } }),
    );
  });
});
