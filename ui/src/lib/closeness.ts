// How close a case's next promise is, in words an agent reads at a glance. The level drives the
// row's colour and icon; the words say the same thing, so colour is never the only cue.
import { dueText, deskDate } from './format';
import { formatDateTime, formatTime, localeOf, translate, type Language } from './i18n';

export type ClosenessLevel = 'none' | 'overdue' | 'soon' | 'later';
export type Closeness = { level: ClosenessLevel; text: string };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** How far ahead a due promise reads "in 45 min" rather than its day and time. */
const RELATIVE_MINUTES = 120;

/**
 * "myöhässä 2 t" once the due time has passed; "soon" (amber) from `soonFromIso`, the time the
 * back end says the desk's earliest reminder for it fires (business time on the desk's calendar),
 * or two hours ahead when it gives none; within two hours "erääntyy 45 min päästä", else
 * "tänään 16.00", "huomenna 10.00" or a date; "ei lupausta" without one.
 * Exactly at the due time the promise is "due now", not yet late.
 */
export function closeness(language: Language, dueIso: string | null, now: Date, soonFromIso: string | null = null): Closeness {
  if (dueIso === null) return { level: 'none', text: translate(language, 'closeness.none') };
  const due = new Date(dueIso);
  const ahead = due.getTime() - now.getTime();
  if (ahead < 0) return { level: 'overdue', text: dueText(language, dueIso, now) };
  if (ahead < MINUTE) return { level: 'soon', text: translate(language, 'closeness.due_now') };
  const soonFrom = soonFromIso === null ? due.getTime() - RELATIVE_MINUTES * MINUTE : Date.parse(soonFromIso);
  const level: ClosenessLevel = now.getTime() >= soonFrom ? 'soon' : 'later';
  if (ahead <= RELATIVE_MINUTES * MINUTE) {
    const relative = new Intl.RelativeTimeFormat(localeOf(language), { style: 'short', numeric: 'always' });
    const minutes = Math.floor(ahead / MINUTE);
    const words = minutes < 60 ? relative.format(minutes, 'minute') : relative.format(Math.floor(minutes / 60), 'hour');
    return { level, text: translate(language, 'closeness.soon', { relative: words }) };
  }
  const days = Math.round((Date.parse(deskDate(due)) - Date.parse(deskDate(now))) / DAY);
  if (days <= 1) {
    // "today" and "tomorrow" in the language's own words (Intl.RelativeTimeFormat, numeric: auto).
    const day = new Intl.RelativeTimeFormat(localeOf(language), { numeric: 'auto' }).format(days, 'day');
    return { level, text: translate(language, 'closeness.day_time', { day, time: formatTime(language, dueIso) }) };
  }
  return { level, text: translate(language, 'closeness.later', { time: formatDateTime(language, dueIso) }) };
}
