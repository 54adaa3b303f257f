// Finnish, Swedish and English text. English is the reference: the other languages must have
// every key (the type checker and `i18n.test.ts` both fail otherwise). The words live in
// `locales/`; this module picks and fills them.
import { deskZone } from './desk-zone.svelte';
import { en, type Dictionary, type MessageKey } from './locales/en';
import { fi } from './locales/fi';
import { sv } from './locales/sv';

export type { MessageKey };

export const dictionaries: { fi: Dictionary; sv: Dictionary; en: Dictionary } = { fi, sv, en };
export type Language = keyof typeof dictionaries;

/** Finnish for a Finnish locale, Swedish for a Swedish one, English otherwise. */
export function languageFor(locale: string | null | undefined): Language {
  const tag = (locale ?? '').toLowerCase();
  if (tag.startsWith('fi')) return 'fi';
  if (tag.startsWith('sv')) return 'sv';
  return 'en';
}

export function translate(language: Language, key: MessageKey, values: Record<string, string> = {}): string {
  const template = dictionaries[language][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The words for one value of a back-end enum, e.g. `label('fi', 'party', 'us')`. */
export function label(language: Language, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return key in en ? translate(language, key as MessageKey) : value;
}

/**
 * Codes whose back-end message says what to do next ("Possible now: …"): without a reason key
 * the UI shows its own sentence and then the back end's.
 */
const EXPLAINED_BY_BACK_END = new Set(['remedy_first', 'invalid_transition', 'lead_only']);

/**
 * Codes whose reasons already say the code's sentence ("Only a team lead can…" after "This needs
 * a team lead."): the reason is shown alone, so a refusal says its point once.
 */
const SAID_BY_REASON = new Set(['remedy_first', 'lead_only']);

/** What the back end says besides the code: why (`reason`, a key) and the values to name. */
export type ErrorDetail = { reason?: string | null; params?: Record<string, string> | null };

/**
 * The sentence to show for a back-end error, in the person's language: the code's sentence, then
 * the reason's (e.g. "This cannot be done at this stage. Compensation #2 is waiting for a
 * lead's approval…"). The back end's English is shown only for a code or reason without words.
 */
export function errorText(language: Language, code: string, message: string, detail: ErrorDetail = {}): string {
  const params = detail.params ?? {};
  const reasonKey = `reason.${detail.reason}` as MessageKey;
  const because = detail.reason && reasonKey in en ? translate(language, reasonKey, params) : null;
  // Bad input is shown next to its field: the reason alone says what to fix there.
  if (code === 'invalid_input' || (because && SAID_BY_REASON.has(code))) return because ?? message;
  const key = `error.${code}` as MessageKey;
  if (!(key in en)) return message;
  const sentence = translate(language, key, params);
  if (because) return `${sentence} ${because}`;
  return EXPLAINED_BY_BACK_END.has(code) && message.trim() !== '' ? `${sentence} ${message}` : sentence;
}

/** [`errorText`] for an error as the back end sent it. */
export function errorSentence(language: Language, error: { code: string; message: string } & ErrorDetail): string {
  return errorText(language, error.code, error.message, error);
}

const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
export const LANGUAGES: readonly Language[] = ['fi', 'sv', 'en'];
/** Each language by its own name, as a language menu lists them. */
export const NATIVE_NAMES: Record<Language, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

/** The BCP 47 locale numbers and dates are written in, e.g. `fi-FI`. */
export function localeOf(language: Language): string {
  return LOCALES[language];
}

/** Where older versions kept a chosen language, in the web view's storage. */
const LEGACY_LANGUAGE_KEY = 'lupaus.language';

/**
 * A language chosen by hand in an older version, which kept it in the web view's storage; read
 * once and forgotten, so the window can hand it to the back end, which now keeps it with the person.
 */
export function takeLegacyLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(LEGACY_LANGUAGE_KEY);
    localStorage.removeItem(LEGACY_LANGUAGE_KEY);
    return LANGUAGES.find((language) => language === stored) ?? null;
  } catch {
    return null; // Storage unavailable: nothing to move.
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One date formatter per locale and options, made once: making one loads ICU's locale and zone
 * data and costs far more than formatting with it, and every list row formats a time each minute.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formatting options in the desk's time zone (see `desk-zone.svelte.ts`). */
export function inDeskZone(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions {
  return { timeZone: deskZone.name, ...options };
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/**
 * Finland-Swedish as it is written in Finland, "18.12.2026 16.00", built from numbers: WebKitGTK's
 * locale data reads sv-FI as Sweden's "2026-12-18 16:00".
 */
function finlandSwedish(at: Date, timeZone: string, withDate: boolean): string {
  const parts = dateTimeFormat('en-US', { ...DATE_TIME, timeZone, hourCycle: 'h23', hour: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour').padStart(2, '0')}.${part('minute')}`;
  return withDate ? `${part('day')}.${part('month')}.${part('year')} ${time}` : time;
}

/** Date and time as the desk reads it: in the desk's zone (Europe/Helsinki by default). */
export function formatDateTime(language: Language, iso: string): string {
  if (language === 'sv') return finlandSwedish(new Date(iso), deskZone.name, true);
  return dateTimeFormat(LOCALES[language], inDeskZone(DATE_TIME)).format(new Date(iso));
}

/** Only the clock time, e.g. "14.15", in the desk's zone. */
export function formatTime(language: Language, iso: string): string {
  if (language === 'sv') return finlandSwedish(new Date(iso), deskZone.name, false);
  return dateTimeFormat(LOCALES[language], inDeskZone(TIME)).format(new Date(iso));
}

/**
 * A local date and time without a zone (a backup's name gives the desk's local time), shown as
 * it is, e.g. "23.11.2026 15.03".
 */
export function formatLocalDateTime(language: Language, naive: string): string {
  if (language === 'sv') return finlandSwedish(new Date(`${naive}Z`), 'UTC', true);
  return dateTimeFormat(LOCALES[language], { ...DATE_TIME, timeZone: 'UTC' }).format(new Date(`${naive}Z`));
}

/** Euro cents as money, e.g. "25,50 €". */
export function formatEuros(language: Language, cents: number): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
