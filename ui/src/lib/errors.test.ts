import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_REASONS } from './bindings';
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
