import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import type { CaseSummary, NewCase } from './lib/bindings';

// A tiny in-memory back end with the same command names and shapes as the Rust one.
function fakeBackend(locale: string) {
  const stored: CaseSummary[] = [];
  const calls: string[] = [];
  mockIPC((command, args) => {
    calls.push(command);
    const payload = args as Record<string, unknown>;
    switch (command) {
      case 'app_info':
        return { version: '0.1.0', db_path: '/tmp/test.db', locale, person: 'Aino' };
      case 'list_cases':
        return [...stored].reverse();
      case 'create_case': {
        const intake = payload.intake as NewCase;
        if (intake.customer.name.trim() === '') {
          throw { code: 'invalid_input', message: 'Fill in customer.name: it cannot be empty.', field: 'customer.name' };
        }
        const created: CaseSummary = {
          id: stored.length + 1,
          reference: `R-2026-${String(stored.length + 1).padStart(6, '0')}`,
          received_at: '2026-11-23T08:00:00Z',
          customer_name: intake.customer.name,
          channel: intake.channel,
          priority: intake.priority,
          stage: 'intake',
          owner: 'Aino',
          summary: intake.description,
          next_promise_due: null,
        };
        stored.push(created);
        return created;
      }
      default:
        throw { code: 'internal', message: `unexpected command ${command}`, field: null };
    }
  });
  return { stored, calls };
}

describe('the case list screen', () => {
  beforeEach(() => cleanup());
  afterEach(() => clearMocks());

  it('explains the empty state in Finnish on a Finnish system', async () => {
    fakeBackend('fi-FI');
    render(App);
    expect(await screen.findByText('Ei vielä reklamaatioita')).toBeTruthy();
  });

  it('explains the empty state in English elsewhere', async () => {
    fakeBackend('en-US');
    render(App);
    expect(await screen.findByText('No complaints yet')).toBeTruthy();
  });

  it('creates a case and lists it, showing hostile text as text', async () => {
    const backend = fakeBackend('en-US');
    render(App);
    await fireEvent.click(await screen.findByTestId('new-case'));
    await fireEvent.input(screen.getByLabelText('Customer name'), { target: { value: 'Maija Meikäläinen' } });
    const hostile = '<img src=x onerror=alert(1)>';
    await fireEvent.input(screen.getByLabelText('What happened, in the customer’s words'), {
      target: { value: hostile },
    });
    await fireEvent.input(screen.getByLabelText('What the customer asks for'), { target: { value: 'Refund' } });
    await fireEvent.click(screen.getByTestId('save-case'));

    expect(await screen.findByText('Saved as R-2026-000001. Tell the customer the reference.')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(1));
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(backend.stored).toHaveLength(1);
  });

  it('shows a refused field next to the field and keeps what was typed', async () => {
    fakeBackend('en-US');
    render(App);
    await fireEvent.click(await screen.findByTestId('new-case'));
    await fireEvent.input(screen.getByLabelText('What happened, in the customer’s words'), {
      target: { value: 'Lasku väärin' },
    });
    await fireEvent.click(screen.getByTestId('save-case'));
    const nameInput = screen.getByLabelText(/Customer name/);
    await waitFor(() => expect(nameInput.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Fill in customer.name: it cannot be empty.')).toBeTruthy();
    expect((screen.getByLabelText('What happened, in the customer’s words') as HTMLTextAreaElement).value).toBe(
      'Lasku väärin',
    );
  });
});
