import { describe, expect, it } from 'vitest';
import { dictionaries, errorText, formatDateTime, languageFor, translate } from './i18n';

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
});
