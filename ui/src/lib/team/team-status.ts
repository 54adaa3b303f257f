// The header's one line about the desk's team link, in the desk's language and time zone:
// "Synkronoitu klo 12.03 · 0 odottaa", "Ei yhteyttä palvelimeen klo 11.40 lähtien · 7 odottaa".
import type { TeamView } from '../bindings';
import { dateTimeFormat, formatDateTime, formatTime, inDeskZone, translate, type Language } from '../i18n';

/** The calendar day of `at` in the desk's zone, e.g. "2026-12-06". */
function deskDay(at: Date): string {
  return dateTimeFormat('en-CA', inDeskZone({ year: 'numeric', month: '2-digit', day: '2-digit' })).format(at);
}

export function statusLine(language: Language, view: TeamView, now: Date = new Date()): string {
  const pending = String(view.pending);
  // A desk joining a long history: its open cases are usable while the older ones arrive.
  if (view.history_arriving && view.link !== 'offline') return translate(language, 'team.history_arriving');
  if (view.link === 'connecting') return translate(language, 'team.connecting');
  const last = view.last_sync_at;
  const state = view.link === 'online' ? 'synced' : 'offline';
  if (last === null) {
    return view.link === 'online'
      ? translate(language, 'team.connecting')
      : translate(language, 'team.offline_never', { pending });
  }
  if (deskDay(new Date(last)) === deskDay(now)) {
    return translate(language, `team.${state}_today`, { time: formatTime(language, last), pending });
  }
  return translate(language, `team.${state}_earlier`, { when: formatDateTime(language, last), pending });
}
