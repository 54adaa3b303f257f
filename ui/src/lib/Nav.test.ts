import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../App.svelte';
import { argsOf, fakeDesk, NOW } from '../test/fake-desk';

const current = () => document.querySelector('nav [aria-current="page"]')?.getAttribute('data-testid');
const heading = () => document.activeElement?.textContent;

describe('the navigation', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('switches views with Alt+1…Alt+5 and moves focus to the view’s heading', async () => {
    fakeDesk('intake', 'en-US', 'lead');
    render(App);
    await screen.findByTestId('case-row');
    const nav = screen.getByRole('navigation', { name: 'Views' });
    expect(within(nav).getAllByRole('button').map((button) => button.getAttribute('aria-keyshortcuts'))).toEqual([
      'Alt+1',
      'Alt+2',
      'Alt+3',
      'Alt+4',
      'Alt+5',
    ]);
    expect(screen.getByTestId('nav-lead').getAttribute('title')).toBe('Lead view (Alt+2)');
    expect(current()).toBe('nav-cases');

    await fireEvent.keyDown(window, { key: '2', code: 'Digit2', altKey: true });
    await waitFor(() => expect(heading()).toBe('Lead view'));
    expect(current()).toBe('nav-lead');
    expect(screen.getByTestId('promise-board')).toBeTruthy();

    await fireEvent.keyDown(window, { key: '3', code: 'Digit3', altKey: true });
    await waitFor(() => expect(heading()).toBe('Lessons'));
    expect(current()).toBe('nav-lessons');

    // AltGr+2 types "@" on a Finnish keyboard: that is an e-mail address, not navigation.
    await fireEvent.keyDown(window, { key: '@', code: 'Digit2', altKey: true });
    expect(current()).toBe('nav-lessons');

    await fireEvent.keyDown(window, { key: '4', code: 'Digit4', altKey: true });
    await waitFor(() => expect(heading()).toBe('Settings'));
    expect(current()).toBe('nav-settings');

    await fireEvent.keyDown(window, { key: '5', code: 'Digit5', altKey: true });
    await waitFor(() => expect(heading()).toBe('Import and export'));
    expect(current()).toBe('nav-files');

    await fireEvent.keyDown(window, { key: '1', code: 'Digit1', altKey: true });
    await waitFor(() => expect(heading()).toBe('Cases'));
    expect(screen.getByTestId('case-row')).toBeTruthy();

    // A plain digit is typing, not navigation.
    await fireEvent.keyDown(window, { key: '2', code: 'Digit2' });
    expect(current()).toBe('nav-cases');
  });

  it('shows who is at the keyboard and switches person', async () => {
    const desk = fakeDesk('intake', 'fi-FI', 'agent');
    render(App);
    expect((await screen.findByText('Koneella: Aino (asiakaspalvelija)')).getAttribute('data-testid')).toBe('current-person');
    await fireEvent.click(screen.getByRole('button', { name: 'Vaihda henkilöä' }));
    const choice = await screen.findByLabelText('Kuka on koneella');
    await waitFor(() => expect(within(choice).getAllByRole('option')).toHaveLength(3));
    await fireEvent.change(choice, { target: { value: 'Leena' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Vaihda' }));
    await waitFor(() => expect(screen.getByTestId('current-person').textContent?.trim()).toBe('Koneella: Leena (tiiminvetäjä)'));
    expect(argsOf(desk, 'switch_person')).toEqual([{ name: 'Leena' }]);
    expect(screen.getByTestId('notice').textContent).toBe('Leena on nyt koneella.');
  });

  it('lists and searches the lessons, each linking to its case', async () => {
    const desk = fakeDesk('closed');
    desk.lessons = [
      { id: 1, case_id: 1, case_reference: 'R-2026-000001', entry: { kind: 'lesson_recorded', text: 'Soita takaisin samana päivänä' }, by: 'Leena', at: NOW },
      { id: 2, case_id: 1, case_reference: 'R-2026-000001', entry: { kind: 'debrief_requested', reason: 'Asiakas huusi puhelimessa' }, by: 'Aino', at: NOW },
    ];
    render(App);
    await screen.findByTestId('case-row');
    await fireEvent.click(screen.getByTestId('nav-lessons'));
    const items = await screen.findAllByTestId('lesson');
    expect(items.map((item) => item.querySelector('.badge')?.textContent)).toEqual(['Lesson learned', 'Debrief requested']);
    expect(items[1].textContent).toContain('Asiakas huusi puhelimessa');
    expect(items[1].textContent).toContain('Aino, 23/11/2026, 12:00');

    await fireEvent.input(screen.getByLabelText('Search the lessons'), { target: { value: 'huusi' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(screen.getAllByTestId('lesson')).toHaveLength(1));
    expect(argsOf(desk, 'lessons')).toEqual([{ query: null }, { query: 'huusi' }]);

    await fireEvent.click(screen.getByRole('button', { name: 'Case R-2026-000001' }));
    expect((await screen.findByTestId('stage-now')).textContent).toBe('Current stage: Closed');
    expect(screen.getByTestId('back').textContent).toBe('← Back to the lessons');
  });
});
