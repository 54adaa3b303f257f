// How the lead view writes its numbers: percentages and decimals in the reader's locale
// ("84,5 %"), business time in words ("1 arkipäivä 2 t"), and the calendar days of a period.
import { localeOf, translate, type Language } from '../i18n';

/** The core counts a business day as eight business hours (its SLA defaults do the same). */
export const BUSINESS_DAY_MINUTES = 8 * 60;

/** A share already in percent (0–100), e.g. 84.48 → "84,5 %"; '–' when there is none. */
export function formatPercent(language: Language, percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return '–';
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

/** A ratio such as contacts per case, with one decimal: "2,4". */
export function formatDecimal(language: Language, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
}

/** Business minutes in words: "45 min", "3 h 20 min", "2 business days 1 h". */
export function businessTime(language: Language, minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return '–';
  const whole = Math.max(0, Math.round(minutes));
  const days = Math.floor(whole / BUSINESS_DAY_MINUTES);
  const hours = Math.floor((whole % BUSINESS_DAY_MINUTES) / 60);
  const rest = whole % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(translate(language, days === 1 ? 'duration.day' : 'duration.days', { count: String(days) }));
  if (hours > 0) parts.push(translate(language, 'duration.hours', { count: String(hours) }));
  if (rest > 0 && days === 0) parts.push(translate(language, 'duration.minutes', { count: String(rest) }));
  return parts.length > 0 ? parts.join(' ') : translate(language, 'duration.minutes', { count: '0' });
}

/** Business minutes as hours for an input, e.g. 90 → 1.5. */
export const minutesToHours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;
export const hoursToMinutes = (hours: number): number => Math.round(hours * 60);

/** The ISO week number of a calendar date ("2026-11-02" → 45). */
export function isoWeek(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // The Thursday of the same week decides its year.
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** A calendar date `days` later (or earlier), "2026-11-30" + 1 → "2026-12-01". */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The first and last day of the month `date` falls in. */
export function monthOf(date: string): { from: string; to: string } {
  const [y, m] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const month = String(m).padStart(2, '0');
  return { from: `${y}-${month}-01`, to: `${y}-${month}-${String(last).padStart(2, '0')}` };
}

/** A calendar date as the reader writes it, e.g. "24.11.2026" or "24/11/2026". */
export function formatDate(language: Language, date: string, weekday = false): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: 'UTC',
    weekday: weekday ? 'short' : undefined,
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** File sizes: "840 kB", "2,4 MB". */
export function formatBytes(language: Language, bytes: number): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return format(bytes / 1000, 'kB');
  return format(bytes / 1_000_000, 'MB');
}
