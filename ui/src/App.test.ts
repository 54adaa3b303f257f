import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import type { CaseIntake, CaseSummary, Customer, CustomerHistory, NewPromise } from './lib/bindings';
import { promiseView } from './test/fake-data';
import { deskZone } from './lib/desk-zone.svelte';

const earlierCase: CaseSummary = {
  id: 41,
  reference: 'R-2026-000041',
  received_at: '2026-11-02T08:00:00Z',
  customer_name: 'Maija Meikäläinen',
  channel: 'phone',
  priority: 'normal',
  stage: 'remedy_agreed',
  owner: 'Aino',
  summary: 'Pesukone vuotaa',
  next_promise_due: '2026-11-24T12:00:00Z',
  next_promise_soon_from: null,
};
const earlierPromise = promiseView(9, '2026-11-24T12:00:00Z', 'open', 'Soitamme, kun asentaja on käynyt', 41);

// A tiny in-memory back end with the same command names and shapes as the Rust one.
function fakeBackend(locale: string, zone = 'Europe/Helsinki') {
  const stored: CaseSummary[] = [];
  const calls: string[] = [];
  const promises: { caseId: unknown; promise: NewPromise }[] = [];
  const customers: Customer[] = [
    { id: 7, name: 'Maija Meikäläinen', email: 'maija@example.fi', phone: '040 123 4567', customer_number: null, case_count: 3 },
  ];
  const history = (customerId: unknown): CustomerHistory => ({
    cases: customerId === 7 ? [earlierCase] : [],
    open_promises: customerId === 7 ? [earlierPromise] : [],
  });
  mockIPC((command, args) => {
    calls.push(command);
    const payload = args as Record<string, unknown>;
    switch (command) {
      case 'due_promises':
        return [];
      case 'find_customers': {
        const query = String(payload.query).toLowerCase();
        return customers.filter((customer) => customer.name.toLowerCase().startsWith(query));
      }
      case 'suggest_due':
        return '2026-11-23T14:00:00Z';
      case 'make_promise':
        promises.push({ caseId: payload.caseId, promise: payload.promise as NewPromise });
        return { id: 1 };
      case 'app_info':
        return { version: '0.1.0', db_path: '/tmp/test.db', locale, person: 'Aino', time_zone: zone };
      case 'list_cases':
      case 'browse_cases':
        return [...stored].reverse();
      case 'customer_history':
        return history(payload.customerId);
      case 'create_case': {
        const { case: intake, callback } = payload.intake as CaseIntake;
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
          next_promise_soon_from: null,
        };
        stored.push(created);
        if (callback) promises.push({ caseId: created.id, promise: { ...callback, owner: callback.owner ?? 'Aino' } });
        return { case: created, callback: callback ? { id: promises.length } : null };
      }
      default:
        throw { code: 'internal', message: `unexpected command ${command}`, field: null };
    }
  }, { shouldMockEvents: true });
  return { stored, calls, promises };
}

describe('the case list screen', () => {
  // Unmount first: components stop listening to events before the mocks go away.
  afterEach(() => {
    cleanup();
    clearMocks();
    localStorage.clear(); // No intake draft carries over to the next test.
  });

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

  it('saves the call-back promise made at intake, with Ctrl+Enter', async () => {
    const backend = fakeBackend('en-US');
    render(App);
    await fireEvent.click(await screen.findByTestId('new-case'));
    await fireEvent.input(screen.getByLabelText('Customer name'), { target: { value: 'Pekka' } });
    await fireEvent.input(screen.getByLabelText('What happened, in the customer’s words'), {
      target: { value: 'Lasku tuli kahdesti' },
    });
    await fireEvent.click(screen.getByLabelText('We promised to call the customer back'));
    await fireEvent.click(screen.getByRole('button', { name: 'Within 4 hours' }));
    await waitFor(() => expect(screen.getByTestId('due-chosen').textContent).toBe('23/11/2026, 16:00'));
    await fireEvent.keyDown(screen.getByLabelText('Customer name'), { key: 'Enter', ctrlKey: true });

    expect(await screen.findByText('Saved as R-2026-000001. Tell the customer the reference.')).toBeTruthy();
    expect(backend.promises).toEqual([
      {
        caseId: 1,
        promise: { text: 'We will call you back about your complaint.', channel: 'call', due_at: '2026-11-23T14:00:00Z', owner: 'Aino' },
      },
    ]);
  });

  it('asks for the call-back time before saving anything', async () => {
    const backend = fakeBackend('en-US');
    render(App);
    await fireEvent.click(await screen.findByTestId('new-case'));
    await fireEvent.click(screen.getByLabelText('We promised to call the customer back'));
    await fireEvent.click(screen.getByTestId('save-case'));
    expect(await screen.findByText('Choose when the promise is due.')).toBeTruthy();
    expect(backend.calls).not.toContain('create_case');
  });

  it('jumps to the case search with Ctrl+F', async () => {
    fakeBackend('en-US');
    render(App);
    await screen.findByText('No complaints yet');
    await fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    expect(document.activeElement).toBe(screen.getByTestId('filter-search'));
  });

  it('shows earlier complaints of a known customer while the name is typed', async () => {
    fakeBackend('fi-FI');
    render(App);
    await fireEvent.click(await screen.findByTestId('new-case'));
    await fireEvent.input(screen.getByLabelText('Asiakkaan nimi'), { target: { value: 'Maija' } });
    const matches = await screen.findByTestId('customer-matches', {}, { timeout: 2000 });
    expect(matches.textContent).toContain('3 aiempaa reklamaatiota');
    await fireEvent.click(screen.getByRole('button', { name: 'Käytä asiakkaan Maija Meikäläinen tietoja' }));
    expect((screen.getByLabelText('Puhelin') as HTMLInputElement).value).toBe('040 123 4567');
    expect((screen.getByLabelText('Asiakkaan nimi') as HTMLInputElement).value).toBe('Maija Meikäläinen');
  });

  it('shows times in the desk’s own zone, which app_info names', async () => {
    fakeBackend('fi-FI', 'Europe/Stockholm');
    render(App);
    await screen.findByText('Ei vielä reklamaatioita');
    await waitFor(() => expect(deskZone.name).toBe('Europe/Stockholm'));
    deskZone.set('Europe/Helsinki');
  });

  it('shows a picked customer’s earlier cases and the promise still open to them', async () => {
    fakeBackend('fi-FI');
    render(App);
    await fireEvent.click(await screen.findByTestId('new-case'));
    await fireEvent.input(screen.getByLabelText('Asiakkaan nimi'), { target: { value: 'Maija' } });
    await screen.findByTestId('customer-matches', {}, { timeout: 2000 });
    await fireEvent.click(screen.getByRole('button', { name: 'Käytä asiakkaan Maija Meikäläinen tietoja' }));
    const history = await screen.findByTestId('customer-history');
    expect(history.textContent).toContain('R-2026-000041');
    expect(screen.getByTestId('history-open-promise').textContent).toContain('Soitamme, kun asentaja on käynyt');
    expect(screen.getByTestId('history-open-promise').textContent).toContain('Avoin lupaus (R-2026-000041), erääntyy');
    // Typing another name forgets the picked customer's history.
    await fireEvent.input(screen.getByLabelText('Asiakkaan nimi'), { target: { value: 'Pekka' } });
    expect(screen.queryByTestId('customer-history')).toBeNull();
  });
});
