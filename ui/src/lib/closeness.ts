// How close a case's next promise is, in words an agent reads at a glance. The level drives the
// row's colour and icon; the words say the same thing, so colour is never the only cue.
import { dueText, helsinkiDate } from './format';
import { formatDateTime, formatTime, localeOf, translate, type Language } from './i18n';

export type ClosenessLevel = 'none' | 'overdue' | 'soon' | 'later';
export type Closeness = { level: ClosenessLevel; text: string };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** How far ahead a due promise counts as "soon" when the desk sets no earlier reminder. */
export const DEFAULT_SOON_MINUTES = 120;

/**
 * "myöhässä 2 t" once the due time has passed; "erääntyy 45 min päästä" within `soonMinutes`;
 * "tänään 16.00", "huomenna 10.00" or a date further ahead; "ei lupausta" without one.
 * Exactly at the due time the promise is "due now", not yet late.
 */
export function closeness(
  language: Language,
  dueIso: string | null,
  now: Date,
  soonMinutes: number = DEFAULT_SOON_MINUTES,
): Closeness {
  if (dueIso === null) return { level: 'none', text: translate(language, 'closeness.none') };
  const due = new Date(dueIso);
  const ahead = due.getTime() - now.getTime();
  if (ahead < 0) return { level: 'overdue', text: dueText(language, dueIso, now) };
  if (ahead < MINUTE) return { level: 'soon', text: translate(language, 'closeness.due_now') };
  if (ahead <= soonMinutes * MINUTE) {
    const relative = new Intl.RelativeTimeFormat(localeOf(language), { style: 'short', numeric: 'always' });
    const minutes = Math.floor(ahead / MINUTE);
    const words = minutes < 60 ? relative.format(minutes, 'minute') : relative.format(Math.floor(minutes / 60), 'hour');
    return { level: 'soon', text: translate(language, 'closeness.soon', { relative: words }) };
  }
  const days = Math.round((Date.parse(helsinkiDate(due)) - Date.parse(helsinkiDate(now))) / DAY);
  if (days <= 1) {
    // "today" and "tomorrow" in the language's own words (Intl.RelativeTimeFormat, numeric: auto).
    const day = new Intl.RelativeTimeFormat(localeOf(language), { numeric: 'auto' }).format(days, 'day');
    return { level: 'later', text: translate(language, 'closeness.day_time', { day, time: formatTime(language, dueIso) }) };
  }
  return { level: 'later', text: translate(language, 'closeness.later', { time: formatDateTime(language, dueIso) }) };
}

/**
 * The "soon" window of a desk: its earliest-firing reminder before the due time (the longest
 * lead), or two hours when it has none. Business-minute leads are read as wall minutes, which
 * errs towards warning early.
 */
export function soonMinutesOf(beforeDue: readonly ({ business_minutes: number } | { wall_minutes: number })[]): number {
  const leads = beforeDue.map((delay) => ('business_minutes' in delay ? delay.business_minutes : delay.wall_minutes));
  return Math.max(DEFAULT_SOON_MINUTES, ...leads);
}
