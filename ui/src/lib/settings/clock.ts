// Opening hours as people type and read them: a 24-hour clock in the desk's language ("8.00" in
// Finnish and Swedish, "08:00" in English), never the system's AM/PM that a time input shows.
import type { Language } from '../i18n';

export type ClockProblem = 'empty' | 'unreadable' | 'out_of_range';
export type ClockParse = { ok: true; value: string } | { ok: false; error: ClockProblem };

/** "08:00:00" as the back end stores it → "08.00" (fi, sv) or "08:00" (en). */
export function clockText(language: Language, stored: string): string {
  const [hours, minutes] = stored.split(':');
  return `${hours.padStart(2, '0')}${language === 'en' ? ':' : '.'}${(minutes ?? '00').padStart(2, '0')}`;
}

/** What people type: "8", "8.30", "08:30", "8,30", "830", "0830", "16" → "HH:MM:00". */
export function parseClock(text: string): ClockParse {
  const typed = text.trim();
  if (typed === '') return { ok: false, error: 'empty' };
  const parts =
    /^(\d{1,2})(?:[.:,](\d{2}))?$/.exec(typed) ?? // 8, 08, 8.30, 08:30, 8,30
    /^(\d{1,2})(\d{2})$/.exec(typed); // 830, 0830, 1630
  if (!parts) return { ok: false, error: 'unreadable' };
  const hours = Number(parts[1]);
  const minutes = Number(parts[2] ?? '0');
  if (hours > 23 || minutes > 59) return { ok: false, error: 'out_of_range' };
  return { ok: true, value: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:00` };
}
