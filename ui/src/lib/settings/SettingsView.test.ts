import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../App.svelte';
import { argsOf, fakeDesk, type FakeDesk } from '../../test/fake-desk';
import { deskSettings } from '../../test/fake-lead-data';
import type { Role } from '../bindings';

async function openSettings(role: Role, locale = 'en-US'): Promise<FakeDesk> {
  const desk = fakeDesk('intake', locale, role);
  render(App);
  await screen.findByTestId('case-row');
  await fireEvent.click(screen.getByTestId('nav-settings'));
  await screen.findByTestId('desk-settings');
  return desk;
}

describe('the settings', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
    localStorage.clear();
  });

  it('labels each weekday box by what ticking it means, not by the day’s current state', async () => {
    await openSettings('lead', 'fi-FI');
    const form = screen.getByTestId('desk-settings');
    // Saturday is closed in the fake desk: the box is unticked and still says what it does.
    const saturday = within(form).getByRole('checkbox', { name: 'Lauantai: auki' }) as HTMLInputElement;
    expect(saturday.checked).toBe(false);
    const monday = within(form).getByRole('checkbox', { name: 'Maanantai: auki' }) as HTMLInputElement;
    expect(monday.checked).toBe(true);
    expect(within(form).queryByRole('checkbox', { name: /suljettu/ })).toBeNull();
  });

  it('takes a closure day typed the desk’s way, in Finnish and in Swedish', async () => {
    for (const [locale, wrong, refusal, added] of [
      ['fi-FI', '31.2.2027', 'Päivää 31.2.2027 ei ole kalenterissa: tarkista päivä ja kuukausi.', 'Lisää sulkupäivä'],
      ['sv-FI', 'julafton', '”julafton” går inte att läsa som ett datum. Skriv dagen först, till exempel 1.12.2026.', 'Lägg till stängningsdag'],
    ]) {
      const desk = await openSettings('lead', locale);
      const form = screen.getByTestId('desk-settings');
      const day = within(form).getByTestId('date-closure_day') as HTMLInputElement;
      expect(day.type).toBe('text');
      await fireEvent.input(day, { target: { value: wrong } });
      await fireEvent.click(within(form).getByRole('button', { name: added }));
      expect(within(form).getByRole('alert').textContent).toBe(refusal);
      await fireEvent.input(day, { target: { value: '24.12.27' } });
      await fireEvent.blur(day);
      expect(day.value).toBe('24.12.2027');
      await fireEvent.click(within(form).getByRole('button', { name: added }));
      expect(day.value).toBe('');
      await fireEvent.click(within(form).getByTestId('save-settings'));
      await waitFor(() => expect(argsOf(desk, 'save_settings')).toHaveLength(1));
      const saved = argsOf(desk, 'save_settings')[0] as { settings: { calendar: { closure_days: string[] } } };
      expect(saved.settings.calendar.closure_days).toContain('2027-12-24');
      cleanup();
      clearMocks();
    }
  });

  it('saves exactly the edited settings', async () => {
    const desk = await openSettings('lead');
    const form = screen.getByTestId('desk-settings');
    await fireEvent.input(within(form).getByLabelText(/^Time zone/), { target: { value: 'Europe/Stockholm' } });
    await fireEvent.click(within(form).getByLabelText('Saturday:', { exact: false }));
    await fireEvent.input(within(form).getByLabelText('Urgent: Remedy (h)'), { target: { value: '6' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Remove reminder 2' }));
    await fireEvent.click(within(form).getByLabelText('Remind again while a promise is overdue'));
    await fireEvent.click(within(form).getByRole('button', { name: 'Remove 23/12/2026' }));
    await fireEvent.input(within(form).getByLabelText(/^Agents may grant compensation/), { target: { value: '150,50' } });
    await fireEvent.click(within(form).getByTestId('save-settings'));

    const expected = deskSettings();
    expected.calendar.time_zone = 'Europe/Stockholm';
    expected.calendar.opening_hours.saturday = { open: '08:00:00', close: '16:00:00' };
    expected.calendar.closure_days = [];
    expected.sla_targets.urgent.remedy_minutes = 360;
    expected.reminder_plan.before_due = [{ business_minutes: 60 }];
    expected.reminder_plan.overdue_every = null;
    expected.policy.compensation_lead_limit_cents = 15050;
    await waitFor(() => expect(argsOf(desk, 'save_settings')).toEqual([{ settings: expected }]));
    expect((await screen.findByTestId('settings-saved')).textContent).toBe(
      'Settings saved. Reminders of open promises follow the new plan.',
    );
  });

  it.each([
    ['sv-FI', '08.00', '16.00'],
    ['fi-FI', '08.00', '16.00'],
    ['en-GB', '08:00', '16:00'],
  ])('shows opening hours on the 24-hour clock in the desk’s language, never AM/PM (%s)', async (locale, opens, closes) => {
    await openSettings('lead', locale);
    const monday = (which: string) => screen.getByTestId(`hours-monday-${which}`) as HTMLInputElement;
    expect(monday('open').type).toBe('text');
    expect(monday('open').value).toBe(opens);
    expect(monday('close').value).toBe(closes);
  });

  it('accepts hours the way people type them and saves them as the back end keeps them', async () => {
    const desk = await openSettings('lead', 'sv-FI');
    const field = (which: string) => screen.getByTestId(`hours-monday-${which}`) as HTMLInputElement;
    await fireEvent.input(field('open'), { target: { value: '830' } });
    await fireEvent.blur(field('open'));
    expect(field('open').value).toBe('08.30');
    await fireEvent.input(field('close'), { target: { value: '17' } });
    await fireEvent.blur(field('close'));
    expect(field('close').value).toBe('17.00');
    await fireEvent.input(screen.getByTestId('hours-tuesday-close'), { target: { value: '16:45' } });
    await fireEvent.blur(screen.getByTestId('hours-tuesday-close'));
    expect((screen.getByTestId('hours-tuesday-close') as HTMLInputElement).value).toBe('16.45');
    await fireEvent.click(screen.getByTestId('save-settings'));

    const expected = deskSettings();
    expected.calendar.opening_hours.monday = { open: '08:30:00', close: '17:00:00' };
    expected.calendar.opening_hours.tuesday = { open: expected.calendar.opening_hours.tuesday!.open, close: '16:45:00' };
    await waitFor(() => expect(argsOf(desk, 'save_settings')).toEqual([{ settings: expected }]));
  });

  it('says what to fix in a time it cannot read, and does not save until it is fixed', async () => {
    const desk = await openSettings('lead', 'fi-FI');
    const opens = screen.getByTestId('hours-monday-open') as HTMLInputElement;
    await fireEvent.input(opens, { target: { value: '8 AM' } });
    await fireEvent.blur(opens);
    const alert = within(opens.closest('td')!).getByRole('alert');
    expect(alert.textContent).toBe('Kirjoita aika tunteina ja minuutteina, esimerkiksi 8.30 tai 16.00.');
    expect(opens.getAttribute('aria-invalid')).toBe('true');
    expect(opens.getAttribute('aria-describedby')).toBe(alert.id);
    expect(opens.value).toBe('8 AM');

    await fireEvent.click(screen.getByTestId('save-settings'));
    expect((await screen.findByText('Korjaa yllä merkityt aukioloajat ennen tallentamista.')).getAttribute('role')).toBe('alert');
    expect(argsOf(desk, 'save_settings')).toEqual([]);

    await fireEvent.input(opens, { target: { value: '25' } });
    await fireEvent.blur(opens);
    expect(within(opens.closest('td')!).getByRole('alert').textContent).toBe('Tunnit ovat 0–23 ja minuutit 00–59.');
    await fireEvent.input(opens, { target: { value: '7.45' } });
    await fireEvent.blur(opens);
    expect(within(opens.closest('td')!).queryByRole('alert')).toBeNull();
    await fireEvent.click(screen.getByTestId('save-settings'));
    await waitFor(() => expect(argsOf(desk, 'save_settings')).toHaveLength(1));
    expect(argsOf(desk, 'save_settings')[0]).toMatchObject({ settings: { calendar: { opening_hours: { monday: { open: '07:45:00' } } } } });
  });

  it('shows a lead_only refusal as a sentence by the Save button', async () => {
    const desk = await openSettings('lead');
    desk.refuseSettings = {
      code: 'lead_only',
      message: 'Only a team lead can change the desk settings. Ask your team lead to make the change.',
      field: null,
    };
    await fireEvent.click(screen.getByTestId('save-settings'));
    expect((await screen.findByTestId('settings-error')).textContent).toBe(
      'This needs a team lead. Only a team lead can change the desk settings. Ask your team lead to make the change.',
    );
    expect(screen.queryByTestId('settings-saved')).toBeNull();
  });

  it('lets an agent read but not change the desk settings', async () => {
    const desk = await openSettings('agent', 'fi-FI');
    expect(screen.getByTestId('read-only').textContent).toBe(
      'Vain tiiminvetäjä voi muuttaa palvelupisteen asetuksia; voit lukea ne tästä.',
    );
    expect((screen.getByTestId('time-zone') as HTMLInputElement).value).toBe('Europe/Helsinki');
    expect(screen.getByTestId('time-zone').matches(':disabled')).toBe(true);
    expect(screen.queryByTestId('save-settings')).toBeNull();
    expect(argsOf(desk, 'save_settings')).toEqual([]);
  });

  it('refuses a mistyped compensation limit before sending anything', async () => {
    const desk = await openSettings('lead');
    const limit = screen.getByTestId('compensation-limit');
    await fireEvent.input(limit, { target: { value: '100,505' } });
    await fireEvent.click(screen.getByTestId('save-settings'));
    expect(await screen.findByText('Use at most two decimals (cents), e.g. 25,50.')).toBeTruthy();
    expect(limit.getAttribute('aria-invalid')).toBe('true');
    expect(argsOf(desk, 'save_settings')).toEqual([]);
  });

  it('previews the next 14 days from the calendar', async () => {
    const desk = await openSettings('lead');
    const preview = screen.getByTestId('calendar-preview');
    const days = await within(preview).findAllByTestId('calendar-day');
    expect(days).toHaveLength(14);
    const [call] = argsOf(desk, 'calendar_days');
    expect(days[0].textContent).toContain(new Date(`${String(call.from)}T00:00:00Z`).getUTCDate().toString());
    const words = days.map((day) => day.lastElementChild?.textContent);
    expect(words).toContain('business day');
    expect(words.filter((word) => word?.startsWith('not a business day')).length).toBeGreaterThanOrEqual(4);
  });

  it('keeps a language chosen by hand over the system’s', async () => {
    await openSettings('lead', 'fi-FI');
    expect(screen.getByRole('heading', { level: 2, name: 'Asetukset' })).toBeTruthy();
    await fireEvent.change(screen.getByTestId('language-choice'), { target: { value: 'sv' } });
    expect(await screen.findByRole('heading', { level: 2, name: 'Inställningar' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('sv');
    cleanup();
    render(App);
    expect(await screen.findByRole('button', { name: /^Ny reklamation/ })).toBeTruthy();
  });

  it('backs up now and says where the backup is', async () => {
    await openSettings('agent');
    await fireEvent.click(screen.getByTestId('backup-now'));
    expect((await screen.findByTestId('backup-notice')).textContent).toBe(
      'Backup made and verified: /home/aino/.local/share/lupaus/backups/lupaus-2026-11-23.db',
    );
  });
});
