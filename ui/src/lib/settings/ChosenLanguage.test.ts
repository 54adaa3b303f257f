import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../App.svelte';
import { argsOf, fakeDesk } from '../../test/fake-desk';

/** The language the window speaks: the page's `lang`, which App keeps equal to it. */
const spoken = () => document.documentElement.lang;

describe('the chosen language', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
    localStorage.clear();
  });

  it('is kept with the person by the back end, so each person at a shared keyboard gets their own', async () => {
    const desk = fakeDesk('intake', 'fi-FI', 'agent');
    render(App);
    await screen.findByTestId('case-row');
    expect(spoken()).toBe('fi');

    await fireEvent.click(screen.getByTestId('nav-settings'));
    await fireEvent.change(await screen.findByTestId('language-choice'), { target: { value: 'sv' } });
    await waitFor(() => expect(spoken()).toBe('sv'));
    expect(argsOf(desk, 'choose_language')).toEqual([{ language: 'sv' }]);
    expect(localStorage.length).toBe(0);

    // Leena takes the keyboard: she has chosen nothing, so the computer's Finnish comes back...
    await fireEvent.click(screen.getByRole('button', { name: 'Byt person' }));
    const choice = await screen.findByLabelText('Vem sitter vid datorn');
    await waitFor(() => expect(within(choice).getAllByRole('option')).toHaveLength(3));
    await fireEvent.change(choice, { target: { value: 'Leena' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Byt' }));
    await waitFor(() => expect(spoken()).toBe('fi'));
    // ...and Aino's Swedish with Aino.
    await fireEvent.click(screen.getByRole('button', { name: 'Vaihda henkilöä' }));
    const again = await screen.findByLabelText('Kuka on koneella');
    await waitFor(() => expect(within(again).getAllByRole('option')).toHaveLength(3));
    await fireEvent.change(again, { target: { value: 'Aino' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Vaihda' }));
    await waitFor(() => expect(spoken()).toBe('sv'));
  });

  it('chosen in an older version (kept in the web view) moves to the person once', async () => {
    localStorage.setItem('lupaus.language', 'en');
    const desk = fakeDesk('intake', 'fi-FI', 'agent');
    render(App);
    await waitFor(() => expect(spoken()).toBe('en'));
    expect(argsOf(desk, 'choose_language')).toEqual([{ language: 'en' }]);
    expect(localStorage.getItem('lupaus.language')).toBeNull();
  });
});
