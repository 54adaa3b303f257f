// How a due time is read back to the agent while typing: the weekday first, because "by Friday"
// is what the customer heard: "pe 11.12. klo 16.00", "fre 11.12. kl. 16.00", "Fri 11 Dec at 16:00".
import { deskZone } from './desk-zone.svelte';
import { dateTimeFormat, localeOf, type Language } from './i18n';

function parts(language: Language, iso: string) {
  const at = new Date(iso);
  const numeric = dateTimeFormat('en-US', {
    timeZone: deskZone.name,
    hourCycle: 'h23',
    day: 'numeric',
    month: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => numeric.find((p) => p.type === type)?.value ?? '';
  const weekday = dateTimeFormat(localeOf(language), { timeZone: deskZone.name, weekday: 'short' }).format(at).replace(/\.$/, '');
  const monthName = dateTimeFormat('en-GB', { timeZone: deskZone.name, month: 'short' }).format(at);
  return { weekday, day: part('day'), month: part('month'), monthName, hour: part('hour'), minute: part('minute') };
}

/** The day alone, for the weekday buttons: "pe 11.12.", "fre 11.12.", "Fri 11 Dec". */
export function dueDay(language: Language, iso: string): string {
  const p = parts(language, iso);
  return language === 'en' ? `${p.weekday} ${p.day} ${p.monthName}` : `${p.weekday} ${p.day}.${p.month}.`;
}

/** Day and time: "pe 11.12. klo 16.00", "fre 11.12. kl. 16.00", "Fri 11 Dec at 16:00". */
export function dueEcho(language: Language, iso: string): string {
  const p = parts(language, iso);
  if (language === 'en') return `${dueDay(language, iso)} at ${p.hour.padStart(2, '0')}:${p.minute}`;
  // Finnish and Finland-Swedish write the hour without a leading zero: "klo 8.05".
  return `${dueDay(language, iso)} ${language === 'fi' ? 'klo' : 'kl.'} ${Number(p.hour)}.${p.minute}`;
}
