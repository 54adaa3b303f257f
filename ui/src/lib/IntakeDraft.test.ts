import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../App.svelte';
import { argsOf, fakeDesk } from '../test/fake-desk';
import { draftKey, LEGACY_DRAFT_KEY } from './intake-draft';

// The fake desk's database and person.
const DRAFT_KEY = draftKey('/tmp/test.db', 'Aino') ?? '';

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement | HTMLTextAreaElement;

async function openIntake() {
  render(App);
  await fireEvent.click(await screen.findByTestId('new-case'));
  await screen.findByTestId('intake-form');
}

describe('intake drafts', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
    localStorage.clear();
  });

  it('restores what was typed after the window is reopened, and clears it after the save', async () => {
    const desk = fakeDesk('intake');
    await openIntake();
    expect(screen.queryByTestId('draft-restored')).toBeNull();
    await fireEvent.input(field('Customer name'), { target: { value: 'Pekka Virtanen' } });
    await fireEvent.input(field('What happened, in the customer’s words'), { target: { value: 'Lasku tuli kahdesti' } });
    await fireEvent.click(field('The customer was told the complaint is received (the reference follows once it is saved)'));
    await waitFor(() => expect(localStorage.getItem(DRAFT_KEY)).toContain('Lasku tuli kahdesti'));

    // The window goes away (a crash or an accidental close) and comes back.
    cleanup();
    await openIntake();
    expect(screen.getByTestId('draft-restored').textContent).toMatch(/^Draft restored \(last saved \d/);
    expect(field('Customer name').value).toBe('Pekka Virtanen');
    expect(field('What happened, in the customer’s words').value).toBe('Lasku tuli kahdesti');
    expect((field('The customer was told the complaint is received (the reference follows once it is saved)') as HTMLInputElement).checked).toBe(true);

    await fireEvent.input(field('What the customer asks for'), { target: { value: 'Hyvitys' } });
    await fireEvent.click(screen.getByTestId('save-case'));
    const saved = await screen.findByText('Saved as R-2026-000002. Tell the customer the reference.');
    // Focus lands on the new reference, not the top of the page.
    await waitFor(() => expect(document.activeElement).toBe(saved));
    expect(argsOf(desk, 'create_case')).toHaveLength(1);
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();

    await fireEvent.click(screen.getByTestId('new-case'));
    expect(field('Customer name').value).toBe('');
    expect(screen.queryByTestId('draft-restored')).toBeNull();
  });

  it('keeps a draft closed with Escape before the delay ran out, until it is discarded', async () => {
    fakeDesk('intake');
    await openIntake();
    await fireEvent.input(field('Customer name'), { target: { value: 'Maija' } });
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('intake-form')).toBeNull());

    await fireEvent.click(screen.getByTestId('new-case'));
    expect(screen.getByTestId('draft-restored')).toBeTruthy();
    expect(field('Customer name').value).toBe('Maija');
    await fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(field('Customer name').value).toBe('');
    expect(screen.queryByTestId('draft-restored')).toBeNull();
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('asks on "Cancel", then discards: the next form starts empty', async () => {
    fakeDesk('intake');
    await openIntake();
    await fireEvent.input(field('Customer name'), { target: { value: 'Maija Meikäläinen' } });
    await waitFor(() => expect(localStorage.getItem(DRAFT_KEY)).toContain('Maija'));
    await fireEvent.click(screen.getByTestId('cancel-intake'));
    expect(screen.getByTestId('confirm-discard').textContent).toContain('Discard what you typed?');
    await fireEvent.click(screen.getByRole('button', { name: 'Keep typing' }));
    expect(field('Customer name').value).toBe('Maija Meikäläinen');

    await fireEvent.click(screen.getByTestId('cancel-intake'));
    await fireEvent.click(screen.getByTestId('confirm-discard-yes'));
    await waitFor(() => expect(screen.queryByTestId('intake-form')).toBeNull());
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
    await fireEvent.click(screen.getByTestId('new-case'));
    expect(field('Customer name').value).toBe('');
  });

  it('never shows one person’s draft to another, nor a draft from another database', async () => {
    const desk = fakeDesk('intake');
    await openIntake();
    await fireEvent.input(field('Customer name'), { target: { value: 'Maija Meikäläinen' } });
    await fireEvent.input(field('Phone'), { target: { value: '040 123 4567' } });
    await waitFor(() => expect(localStorage.getItem(DRAFT_KEY)).toContain('040 123 4567'));
    cleanup();

    // Leena takes the keyboard: her form is empty; an old shared draft and another database's are ignored.
    desk.me = { name: 'Leena', role: 'lead', language: null };
    localStorage.setItem(LEGACY_DRAFT_KEY, localStorage.getItem(DRAFT_KEY) ?? '');
    localStorage.setItem(draftKey('/srv/other.db', 'Leena') ?? '', localStorage.getItem(DRAFT_KEY) ?? '');
    await openIntake();
    expect(field('Customer name').value).toBe('');
    expect(field('Phone').value).toBe('');
    expect(screen.queryByTestId('draft-restored')).toBeNull();
    expect(localStorage.getItem(LEGACY_DRAFT_KEY)).toBeNull();
    cleanup();

    // Aino comes back: her draft is still hers.
    desk.me = { name: 'Aino', role: 'agent', language: null };
    await openIntake();
    expect(field('Customer name').value).toBe('Maija Meikäläinen');
  });
});
