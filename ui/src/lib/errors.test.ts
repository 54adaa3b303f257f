import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_REASONS, IMPORT_FIELDS, IMPORT_REASONS } from './bindings';
import { dictionaries, errorSentence, errorText, LANGUAGES } from './i18n';

// ERROR_CODES and ERROR_REASONS are generated from the Rust side (`make bindings`), so a code or
// reason added there without words here fails this test.
describe('every error the back end can send has words in every language', () => {
  it.each(LANGUAGES)('%s has a sentence for every error code', (language) => {
    const dictionary = dictionaries[language] as Record<string, string>;
    const missing = ERROR_CODES.filter((code) => !dictionary[`error.${code}`]?.trim());
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('%s has a sentence for every refusal reason', (language) => {
    const dictionary = dictionaries[language] as Record<string, string>;
    const missing = ERROR_REASONS.filter((reason) => !dictionary[`reason.${reason}`]?.trim());
    expect(missing).toEqual([]);
  });
});

describe('an error as a person reads it', () => {
  const refused = {
    code: 'invalid_transition',
    message: "Cannot close in stage 'remedy_delivered': compensation #2 is waiting… Possible now: add a note.",
    field: null,
    reason: 'compensation_pending',
    params: { id: '2' },
  };

  it('words a refusal from its reason, with no English left in Finnish or Swedish', () => {
    expect(errorSentence('fi', refused)).toBe(
      'Tätä ei voi tehdä tapauksen nykyisessä vaiheessa. Korvaus #2 odottaa tiiminvetäjän hyväksyntää; se on ensin hyväksyttävä tai hylättävä.',
    );
    expect(errorSentence('sv', refused)).not.toContain('Possible now');
    expect(errorSentence('en', refused)).toContain('Compensation #2 is waiting for a lead’s approval');
  });

  it('names the limit of a file that is too large', () => {
    const tooLarge = { code: 'file_too_large', message: 'video.mp4 is 40 MB…', field: 'file', params: { max_mb: '25' } };
    expect(errorSentence('fi', tooLarge)).toMatch(/^Tiedosto on liian suuri: liitteen koko voi olla enintään 25 Mt\./);
  });

  it('says what is wrong with a field from the reason alone, next to that field', () => {
    const tooLong = {
      code: 'invalid_input',
      message: 'customer.name is 300 characters long; shorten it to at most 200.',
      field: 'customer.name',
      reason: 'too_long',
      params: { count: '300', max: '200' },
    };
    expect(errorSentence('sv', tooLong)).toBe('Det här är 300 tecken långt; korta det till högst 200.');
  });

  it('falls back to the back end’s sentence for a code or reason it has no words for', () => {
    expect(errorText('fi', 'invalid_input', 'The amount must be more than 0 €.')).toBe('The amount must be more than 0 €.');
    expect(errorSentence('en', { code: 'lead_only', message: 'Ask a lead.', reason: 'brand_new' })).toBe(
      'This needs a team lead. Ask a lead.',
    );
  });
});

// Refusals as the desk layer sends them (code, English message and reason key from lupaus-core's
// gate and settings): each must say its point once, in the person's language.
describe('a refusal says its point once', () => {
  const blameBeforeRemedy = {
    code: 'remedy_first',
    message: "Agree and deliver the customer's remedy first; root cause and responsibility come after.",
    field: null,
    reason: 'lock_agree_and_deliver_first',
  };
  const agentSavesSettings = {
    code: 'lead_only',
    message: 'Only a team lead can change the desk settings. Ask your team lead to make the change.',
    field: null,
    reason: 'lead_changes_settings',
  };

  it.each([
    ['fi', blameBeforeRemedy, 'Sovi ja toimita asiakkaan hyvitys ensin; juurisyy ja vastuutaho tulevat sen jälkeen.'],
    ['sv', blameBeforeRemedy, dictionaries.sv['reason.lock_agree_and_deliver_first']],
    ['en', blameBeforeRemedy, 'Agree and deliver the customer’s remedy first; root cause and responsibility come after.'],
    ['fi', agentSavesSettings, 'Vain tiiminvetäjä voi muuttaa palvelupisteen asetuksia. Pyydä tiiminvetäjää tekemään muutos.'],
    ['sv', agentSavesSettings, dictionaries.sv['reason.lead_changes_settings']],
    ['en', agentSavesSettings, 'Only a team lead can change the desk settings. Ask your team lead to make the change.'],
  ] as const)('%s: %j reads as its reason alone', (language, refusal, sentence) => {
    expect(errorSentence(language, refusal)).toBe(sentence);
  });

  it.each(LANGUAGES)('%s: no refusal repeats a sentence, whatever its code and reason', (language) => {
    for (const code of ['remedy_first', 'lead_only', 'invalid_transition']) {
      for (const reason of ERROR_REASONS) {
        const text = errorSentence(language, { code, message: 'x', reason, params: { id: '2', name: 'Mikko', ids: '#1' } });
        const sentences = text.split(/(?<=[.!?])\s+/).map((part) => part.trim().toLowerCase());
        expect(new Set(sentences).size, text).toBe(sentences.length);
        if (code !== 'invalid_transition') expect(text.startsWith(dictionaries[language][`error.${code}` as 'error.lead_only']), text).toBe(false);
      }
    }
  });
});

// IMPORT_REASONS and IMPORT_FIELDS are generated from lupaus-store's import (`make bindings`):
// a problem or a column added there without words here fails this test.
describe('every import problem and column has words in every language', () => {
  it.each(LANGUAGES)('%s has a sentence for every import problem', (language) => {
    const dictionary = dictionaries[language] as Record<string, string>;
    expect(IMPORT_REASONS.filter((reason) => !dictionary[`import.problem.${reason}`]?.trim())).toEqual([]);
  });

  it.each(LANGUAGES)('%s names every column the import knows', (language) => {
    const dictionary = dictionaries[language] as Record<string, string>;
    expect(IMPORT_FIELDS.filter((field) => !dictionary[`import.field.${field}`]?.trim())).toEqual([]);
  });
});
