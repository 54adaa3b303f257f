import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import PersonSwitch from './PersonSwitch.svelte';
import type { CurrentPerson, IpcError, Person } from './bindings';
import type { Language } from './i18n';
import { speak } from '../test/speak';

const PEOPLE: Person[] = [
  { name: 'Aino', role: 'agent', has_pin: false },
  { name: 'Leena', role: 'lead', has_pin: true },
];

/** A back end where Leena's PIN is 2468; `wait` makes every PIN try wait that many seconds. */
function backEnd(wait: number | null = null) {
  const switches: Record<string, unknown>[] = [];
  mockIPC((command, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    if (command === 'list_people') return PEOPLE;
    if (command !== 'switch_person') throw { code: 'internal', message: `unexpected ${command}`, field: null };
    switches.push(args);
    const person = PEOPLE.find((p) => p.name === args.name) ?? { name: String(args.name), role: 'agent', has_pin: false };
    if (person.has_pin) {
      const refuse = (error: IpcError) => {
        throw error;
      };
      if (wait !== null) {
        refuse({ code: 'pin_wait', message: `Too many wrong PINs for Leena. Wait ${wait} seconds, then try again.`, field: 'pin', params: { seconds: String(wait) } });
      }
      if (!args.pin) refuse({ code: 'pin_required', message: 'Leena has a PIN. Type it to continue as Leena.', field: 'pin' });
      if (args.pin !== '2468') refuse({ code: 'wrong_pin', message: "That is not Leena's PIN.", field: 'pin' });
    }
    return { name: person.name, role: person.role };
  });
  return switches;
}

function show(options: { language?: Language; me?: CurrentPerson | null; ask?: boolean } = {}) {
  const onswitched = vi.fn();
  const me = options.me === undefined ? { name: 'Aino', role: 'agent' as const, language: null } : options.me;
  speak(options.language ?? 'en');
  render(PersonSwitch, { props: { me, fallbackName: me?.name ?? '', ask: options.ask ?? false, onswitched } });
  return onswitched;
}

async function choose(name: string) {
  const choice = await screen.findByLabelText('Who is at the keyboard');
  await waitFor(() => expect(choice.querySelectorAll('option').length).toBeGreaterThanOrEqual(2));
  await fireEvent.change(choice, { target: { value: name } });
}

describe('the person switch', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('asks for the PIN of a person who has one and switches only with the right one', async () => {
    const switches = backEnd();
    const onswitched = show();
    await fireEvent.click(screen.getByRole('button', { name: 'Switch person' }));
    await choose('Leena');
    const pin = screen.getByLabelText('PIN') as HTMLInputElement;
    expect(pin.type).toBe('password');

    await fireEvent.input(pin, { target: { value: '1111' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Switch' }));
    await waitFor(() =>
      expect(screen.getByTestId('pin-error').textContent).toBe(
        'That PIN is not right. Check it and try again; a team lead can clear a forgotten PIN.',
      ),
    );
    expect(pin.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(pin));
    expect(pin.value).toBe('');
    expect(onswitched).not.toHaveBeenCalled();

    await fireEvent.input(pin, { target: { value: '2468' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Switch' }));
    await waitFor(() => expect(onswitched).toHaveBeenCalledWith({ name: 'Leena', role: 'lead' }));
    expect(switches).toEqual([
      { name: 'Leena', pin: '1111' },
      { name: 'Leena', pin: '2468' },
    ]);
  });

  it('sends no PIN for a person without one', async () => {
    const switches = backEnd();
    const onswitched = show({ me: { name: 'Leena', role: 'lead', language: null } });
    await fireEvent.click(screen.getByRole('button', { name: 'Switch person' }));
    await choose('Aino');
    expect(screen.queryByLabelText('PIN')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Switch' }));
    await waitFor(() => expect(onswitched).toHaveBeenCalledWith({ name: 'Aino', role: 'agent' }));
    expect(switches).toEqual([{ name: 'Aino' }]);
  });

  it('tells how long to wait after too many wrong PINs, in the person’s language', async () => {
    backEnd(27);
    show({ language: 'fi' });
    await fireEvent.click(screen.getByRole('button', { name: 'Vaihda henkilöä' }));
    const choice = await screen.findByLabelText('Kuka on koneella');
    await waitFor(() => expect(choice.querySelectorAll('option')).toHaveLength(2));
    await fireEvent.change(choice, { target: { value: 'Leena' } });
    await fireEvent.input(screen.getByLabelText('PIN-koodi'), { target: { value: '2468' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Vaihda' }));
    await waitFor(() =>
      expect(screen.getByTestId('pin-error').textContent).toBe('Liian monta väärää PIN-koodia. Odota 27 sekuntia ja yritä sitten uudelleen.'),
    );
  });

  it('opens by itself when nobody is at the keyboard yet, focused on the choice', async () => {
    backEnd();
    show({ me: null, ask: true });
    expect(screen.getByTestId('current-person').textContent?.trim()).toBe('Nobody is chosen at this keyboard yet.');
    const choice = await screen.findByLabelText('Who is at the keyboard');
    await waitFor(() => expect(document.activeElement).toBe(choice));
    await choose('Leena');
    await fireEvent.click(screen.getByRole('button', { name: 'Switch' }));
    await waitFor(() => expect(screen.getByTestId('pin-error').textContent).toBe('Type the PIN to continue.'));
  });
});
