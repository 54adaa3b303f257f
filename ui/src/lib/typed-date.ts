// A calendar date as the desk's language writes it and as people type it. The browser's own
// date input follows the operating system's locale instead (12/01/2026 under an American X
// server), so date fields are text fields that read and write the desk's way: Finnish and
// Finland-Swedish "1.12.2026", English "01/12/2026" (the app's en-GB).
import { translate, type Language } from './i18n';

/** A calendar date, "2026-12-01". */
export type IsoDate = string;

export type TypedDateError = 'empty' | 'not_a_date' | 'no_such_day';
export type TypedDate = { ok: true; date: IsoDate } | { ok: false; error: TypedDateError };

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-01" as the desk writes it: "1.12.2026" in Finnish and Swedish, "01/12/2026" in English. */
export function writeDate(language: Language, date: IsoDate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return '';
  const [, year, month, day] = match;
  if (language === 'en') return `${day}/${month}/${year}`;
  return `${Number(day)}.${Number(month)}.${year}`;
}

/** How to write a date, for a field's hint and its errors: "1.12.2026", "01/12/2026". */
export function dateExample(language: Language): string {
  return writeDate(language, '2026-12-01');
}

/**
 * Reads a typed date, day first as in all three languages: "1.12.2026", "01.12.2026", "1.12.26",
 * "1/12/2026", "1-12-2026", or a pasted "2026-12-01". Without a year ("1.12.") it is the year of
 * `today`. A day the calendar does not have (31.11.) is refused, never rolled over to December.
 */
export function readDate(text: string, today: IsoDate): TypedDate {
  const typed = text.trim();
  if (typed === '') return { ok: false, error: 'empty' };
  let day: number, month: number, year: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const dayFirst = /^(\d{1,2})\s*([./-])\s*(\d{1,2})(?:\s*\2\s*(\d{2}|\d{4})?)?\.?$/.exec(typed);
  if (iso) {
    [year, month, day] = iso.slice(1).map(Number);
  } else if (dayFirst) {
    day = Number(dayFirst[1]);
    month = Number(dayFirst[3]);
    const written = dayFirst[4];
    if (written === undefined) year = Number(today.slice(0, 4));
    else year = written.length === 2 ? 2000 + Number(written) : Number(written);
  } else {
    return { ok: false, error: 'not_a_date' };
  }
  if (month < 1 || month > 12 || day < 1 || year < 1900) return { ok: false, error: 'no_such_day' };
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > lastDay) return { ok: false, error: 'no_such_day' };
  return { ok: true, date: `${year}-${pad(month)}-${pad(day)}` };
}

/** What to fix in a date that could not be read, in the desk's language, with an example. */
export function dateProblem(language: Language, error: TypedDateError, text: string): string {
  return translate(language, `date.${error}`, { text: text.trim(), example: dateExample(language) });
}
