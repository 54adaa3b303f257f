import { describe, expect, it } from 'vitest';
import { dictionaries, errorText, formatDateTime, label, languageFor, translate } from './i18n';
import * as enums from './case/enums';
import type { ActionKind, CaseEvent, PromiseStatus } from './bindings';

describe('translations', () => {
  const reference = Object.keys(dictionaries.en).sort();

  it.each(['fi', 'sv'] as const)('%s has exactly the English keys, none empty', (language) => {
    const dictionary = dictionaries[language] as Record<string, string>;
    expect(Object.keys(dictionary).sort()).toEqual(reference);
    for (const key of reference) expect(dictionary[key].trim(), key).not.toBe('');
  });

  it('keeps the same placeholders in every language', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of reference) {
      const english = placeholders((dictionaries.en as Record<string, string>)[key]);
      expect(placeholders((dictionaries.fi as Record<string, string>)[key]), key).toEqual(english);
      expect(placeholders((dictionaries.sv as Record<string, string>)[key]), key).toEqual(english);
    }
  });

  it('picks the language from the OS locale', () => {
    expect(languageFor('fi-FI')).toBe('fi');
    expect(languageFor('sv_FI.UTF-8')).toBe('sv');
    expect(languageFor('de-DE')).toBe('en');
    expect(languageFor(undefined)).toBe('en');
  });

  it('fills placeholders', () => {
    expect(translate('fi', 'intake.saved', { reference: 'R-2026-000001' })).toBe(
      'Tallennettu tunnuksella R-2026-000001. Kerro tunnus asiakkaalle.',
    );
  });

  it('turns known error codes into a sentence in the user’s language', () => {
    expect(errorText('fi', 'disk_full', 'The disk is full')).toMatch(/^Levy on täynnä/);
    expect(errorText('en', 'some_new_code', 'Exactly this.')).toBe('Exactly this.');
  });

  it('shows times in Helsinki time, across the DST change', () => {
    expect(formatDateTime('fi', '2026-03-29T00:30:00Z')).toContain('2.30');
    expect(formatDateTime('fi', '2026-03-29T01:30:00Z')).toContain('4.30');
  });

  it.each([
    ['remedy_first', 'fi', 'Ratkaise ensin: asiakkaan hyvitys on toimitettava ennen juurisyytä, vastuutahoa tai kustannuksia. Deliver first.'],
    ['invalid_transition', 'sv', 'Det här går inte att göra i ärendets nuvarande skede. Possible now: resume.'],
    ['lead_only', 'en', 'This needs a team lead. Ask a lead.'],
  ] as const)('adds the back end’s advice to %s', (code, language, expected) => {
    const advice = { remedy_first: 'Deliver first.', invalid_transition: 'Possible now: resume.', lead_only: 'Ask a lead.' }[code];
    expect(errorText(language, code, advice)).toBe(expected);
  });

  it('explains not_found in the user’s words only', () => {
    expect(errorText('fi', 'not_found', 'There is no case 9.')).toBe(
      'Tietoa ei löytynyt. Se on ehkä poistettu; palaa luetteloon ja yritä uudelleen.',
    );
  });

  it('has words for every enum value the case view shows, in every language', () => {
    const groups: [string, readonly string[]][] = [
      ['stage', enums.STAGES],
      ['channel', enums.CHANNELS],
      ['promise_channel', enums.PROMISE_CHANNELS],
      ['remedy_form', enums.REMEDY_FORMS],
      ['decline_basis', enums.DECLINE_BASES],
      ['compensation_basis', enums.COMPENSATION_BASES],
      ['root_cause', enums.ROOT_CAUSES],
      ['party', enums.PARTIES],
      ['waiting_on', enums.WAITING_ON],
      ['visibility', enums.VISIBILITIES],
      ['direction', enums.DIRECTIONS],
      ['measure', enums.MEASURES],
      ['reopen_to', enums.REOPEN_TARGETS],
    ];
    // Records keyed by the generated unions: adding a variant in Rust breaks the type check here.
    const statuses: Record<PromiseStatus, true> = { open: true, kept: true, kept_late: true, broken: true, renegotiated: true, withdrawn: true };
    const events: Record<CaseEvent['kind'], true> = {
      opened: true, solving_started: true, remedy_option_proposed: true, wait_started: true, wait_ended: true,
      remedy_agreed: true, complaint_declined: true, remedy_delivered: true, decline_communicated: true,
      compensation_proposed: true, compensation_approved: true, compensation_rejected: true, handed_off: true,
      note_added: true, contact_recorded: true, root_cause_recorded: true, responsibility_assigned: true,
      cost_recorded: true, corrective_action_added: true, closed: true, reopened: true,
    };
    const actions: Record<ActionKind, true> = {
      start_solving: true, propose_remedy_option: true, wait_for: true, resume: true, agree_remedy: true,
      decline_complaint: true, deliver_remedy: true, communicate_decline: true, propose_compensation: true,
      approve_compensation: true, reject_compensation: true, hand_off: true, add_note: true, record_contact: true,
      record_root_cause: true, assign_responsibility: true, record_cost: true, add_corrective_action: true,
      close: true, reopen: true,
    };
    groups.push(['promise_status', Object.keys(statuses)], ['event', Object.keys(events)], ['do', Object.keys(actions)]);
    for (const [prefix, values] of groups) {
      for (const value of values) {
        expect(`${prefix}.${value}` in dictionaries.en, `${prefix}.${value}`).toBe(true);
        for (const language of ['fi', 'sv', 'en'] as const) expect(label(language, prefix, value)).not.toBe(value);
      }
    }
    expect(label('fi', 'stage', 'root_cause')).toBe('Juurisyy');
  });
});
