import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import PeopleSettings from './PeopleSettings.svelte';
import type { CurrentPerson, IpcError, Person, Role } from '../bindings';
import type { Language } from '../i18n';
import { speak } from '../../test/speak';

/** An in-memory desk with the back end's answers: each change returns the list as it now is. */
function backEnd(me: CurrentPerson, people: Person[]) {
  const calls: { command: string; args: Record<string, unknown> }[] = [];
  let list = structuredClone(people);
  const leadOnly: IpcError = { code: 'lead_only', message: 'Only a team lead can add people or change their roles. Ask your team lead.', field: null };
  mockIPC((command, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ command, args });
    const name = String(args.name);
    switch (command) {
      case 'current_person':
        return me;
      case 'list_people':
        return list;
      case 'save_person':
        if (me.role !== 'lead' && list.some((p) => p.role === 'lead')) throw leadOnly;
        list = [...list.filter((p) => p.name !== name), { name, role: args.role as Role, has_pin: false }].sort((a, b) => a.name.localeCompare(b.name));
        return list;
      case 'deactivate_person':
        list = list.filter((p) => p.name !== name);
        return list;
      case 'clear_pin':
      case 'set_pin':
        list = list.map((p) => (p.name === name ? { ...p, has_pin: command === 'set_pin' } : p));
        return list;
      default:
        throw { code: 'internal', message: `unexpected ${command}`, field: null };
    }
  });
  return calls;
}

const argsOf = (calls: ReturnType<typeof backEnd>, command: string) => calls.filter((c) => c.command === command).map((c) => c.args);

const DESK: Person[] = [
  { name: 'Aino', role: 'agent', has_pin: true },
  { name: 'Leena', role: 'lead', has_pin: false },
];

async function show(language: Language = 'en') {
  speak(language);
  render(PeopleSettings);
  return screen.findByTestId('people-table');
}

const rowOf = (name: string) => screen.getAllByTestId('person-row').find((row) => row.querySelector('th')?.textContent === name) as HTMLElement;

describe('the people settings', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('lets a lead add a person, change a role, clear a forgotten PIN and deactivate with a confirmation', async () => {
    const calls = backEnd({ name: 'Leena', role: 'lead', language: null }, DESK);
    await show();
    expect(within(rowOf('Aino')).getByRole('cell', { name: 'PIN set' })).toBeTruthy();

    await fireEvent.input(screen.getByLabelText(/^Name/), { target: { value: '  Ville  ' } });
    await fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'lead' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByTestId('people-notice')).textContent).toBe('Ville was added as team lead.');
    expect(argsOf(calls, 'save_person')).toEqual([{ name: 'Ville', role: 'lead' }]);

    // With two leads either may step down; the only lead is never offered it.
    await fireEvent.click(screen.getByRole('button', { name: 'Make Ville an agent' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Make Leena an agent' })).toBeNull());
    expect(screen.queryByRole('button', { name: 'Deactivate Leena' })).toBeNull();
    await waitFor(() => expect(screen.getByTestId('people-notice').textContent).toBe('Ville is now agent.'));

    await fireEvent.click(screen.getByRole('button', { name: 'Clear Aino’s PIN' }));
    await waitFor(() => expect(screen.getByTestId('people-notice').textContent).toBe('Aino’s PIN was cleared.'));
    expect(within(rowOf('Aino')).getByRole('cell', { name: 'no PIN' })).toBeTruthy();
    expect(argsOf(calls, 'clear_pin')).toEqual([{ name: 'Aino' }]);

    await fireEvent.click(screen.getByRole('button', { name: 'Deactivate Aino' }));
    expect(argsOf(calls, 'deactivate_person')).toEqual([]);
    const confirm = screen.getByTestId('confirm-deactivate');
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    expect(rowOf('Aino').textContent).toContain('Deactivate Aino? Their name stays on everything they did.');
    await fireEvent.click(confirm);
    await waitFor(() => expect(screen.getAllByTestId('person-row').map((row) => row.querySelector('th')?.textContent)).toEqual(['Leena', 'Ville']));
    expect(argsOf(calls, 'deactivate_person')).toEqual([{ name: 'Aino' }]);
  });

  it('shows an agent the list without lead actions, and lets them set their own PIN', async () => {
    const calls = backEnd({ name: 'Aino', role: 'agent', language: null }, [{ ...DESK[0], has_pin: false }, DESK[1]]);
    await show('fi');
    expect(screen.queryByTestId('add-person')).toBeNull();
    expect(screen.queryByRole('button', { name: /Poista .* käytöstä/ })).toBeNull();

    const pin = screen.getByLabelText(/^Uusi PIN-koodi henkilölle Aino/);
    await fireEvent.input(pin, { target: { value: '12a4' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Tallenna PIN-koodi' }));
    expect((await screen.findByRole('alert')).textContent).toBe('PIN-koodissa on 4–8 numeroa (0–9) eikä muuta.');
    expect(pin.getAttribute('aria-invalid')).toBe('true');
    expect(argsOf(calls, 'set_pin')).toEqual([]);

    await fireEvent.input(pin, { target: { value: '97531' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Tallenna PIN-koodi' }));
    expect((await screen.findByTestId('people-notice')).textContent).toBe('PIN-koodisi on tallennettu. Sinuksi vaihtaminen kysyy sitä nyt.');
    expect(argsOf(calls, 'set_pin')).toEqual([{ name: 'Aino', pin: '97531' }]);
    expect(within(rowOf('Aino')).getByRole('button', { name: 'Poista henkilön Aino PIN-koodi' })).toBeTruthy();
  });

  it('on a desk with no lead yet, offers to add the first lead', async () => {
    const calls = backEnd({ name: 'aino', role: 'agent', language: null }, []);
    speak('sv');
    render(PeopleSettings);
    expect((await screen.findByTestId('first-lead')).textContent).toBe(
      'Kontoret har ingen teamledare ännu. Lägg till den första teamledaren: hen kan sedan lägga till alla andra.',
    );
    expect((screen.getByLabelText('Roll') as HTMLSelectElement).value).toBe('lead');
    await fireEvent.click(screen.getByRole('button', { name: 'Lägg till' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Skriv personens namn.');
    await fireEvent.input(screen.getByLabelText(/^Namn/), { target: { value: 'Leena' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Lägg till' }));
    await screen.findByTestId('people-table');
    expect(argsOf(calls, 'save_person')).toEqual([{ name: 'Leena', role: 'lead' }]);
  });
});
