// Small pure helpers for what agents type and read: euro amounts and due times.
import { dateTimeFormat, formatDateTime, formatTime, inDeskZone, translate, type Language } from './i18n';

/** The largest amount the back end accepts: 1 000 000 000 € (its `MAX_AMOUNT_CENTS`). */
export const MAX_AMOUNT_CENTS = 100_000_000_000;

export type EuroError = 'empty' | 'not_a_number' | 'too_many_decimals' | 'not_positive' | 'too_large';
export type EuroParse = { ok: true; cents: number } | { ok: false; error: EuroError };

/**
 * Reads an amount as a Finnish agent types it: "25,50", "25", "1 234,5 €". A dot is accepted as
 * the decimal mark too ("25.50"), but never as a thousands separator: "1.234" has three decimals
 * and is refused rather than guessed. Counted in whole cents, never through floating point.
 */
export function parseEuros(text: string): EuroParse {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '').replace(/^€/, '');
  if (compact === '') return { ok: false, error: 'empty' };
  if (/^[-−]/.test(compact)) return { ok: false, error: 'not_positive' };
  const match = /^(\d*)(?:[,.](\d*))?$/.exec(compact);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return { ok: false, error: 'not_a_number' };
  const [, whole, decimals = ''] = match;
  if (decimals.length > 2) return { ok: false, error: 'too_many_decimals' };
  const euros = whole === '' ? 0 : Number(whole);
  if (euros > MAX_AMOUNT_CENTS / 100) return { ok: false, error: 'too_large' };
  const cents = euros * 100 + Number(decimals.padEnd(2, '0'));
  if (cents === 0) return { ok: false, error: 'not_positive' };
  if (cents > MAX_AMOUNT_CENTS) return { ok: false, error: 'too_large' };
  return { ok: true, cents };
}

const MINUTE = 60_000;

/** The calendar date of an instant in the desk's zone, e.g. "2026-11-23". */
export function deskDate(instant: Date): string {
  // Built from parts: how a locale orders a short date differs between ICU versions (WebKitGTK
  // formats en-CA as 11/23/2026 where Node gives 2026-11-23).
  const parts = dateTimeFormat('en-GB', inDeskZone({ year: 'numeric', month: '2-digit', day: '2-digit' })).formatToParts(
    instant,
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * How a reminder reads: "myöhässä 2 t" once the due time has passed, "erääntyy 14.15" later
 * today, "erääntyy 24.11.2026 klo 9.00" on another day. Words, so colour is never the only cue.
 */
export function dueText(language: Language, dueIso: string, now: Date): string {
  const due = new Date(dueIso);
  const late = Math.floor((now.getTime() - due.getTime()) / MINUTE);
  if (late >= 0 && now.getTime() > due.getTime()) {
    if (late < 60) return translate(language, 'due.late_minutes', { count: String(Math.max(late, 1)) });
    if (late < 24 * 60) return translate(language, 'due.late_hours', { count: String(Math.floor(late / 60)) });
    return translate(language, 'due.late_days', { count: String(Math.floor(late / (24 * 60))) });
  }
  if (deskDate(due) === deskDate(now)) {
    return translate(language, 'due.at_time', { time: formatTime(language, dueIso) });
  }
  return translate(language, 'due.at_datetime', { time: formatDateTime(language, dueIso) });
}

/** Offset of the desk's zone from UTC at `instant`, in milliseconds (+2 h or +3 h in Helsinki). */
function deskOffset(instant: number): number {
  const parts = dateTimeFormat(
    'en-US',
    inDeskZone({
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }),
  ).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * A `datetime-local` value ("2026-11-23T14:15") read as the desk's wall time, whatever zone the
 * computer is set to; `null` when it is empty or malformed.
 */
export function deskInputToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset on either side of a DST change.
  let instant = wall - deskOffset(wall);
  instant = wall - deskOffset(instant);
  return new Date(instant).toISOString();
}

/** The desk's wall time of an instant, as a `datetime-local` value. */
export function isoToDeskInput(iso: string): string {
  if (iso === '') return '';
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant)) return '';
  return new Date(instant + deskOffset(instant)).toISOString().slice(0, 16);
}
