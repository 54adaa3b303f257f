// Svenska: teamarbete — meddelanden om överlämningar, frånvarovarningen och missade löften som
// lyfts till teamledarna.
import type { enTogether } from './en-together';

export const svTogether: Record<keyof typeof enTogether, string> = {
  'reason.hand_off_person_absent':
    '{name} har inte loggat in vid någon arbetsstation på {days} arbetsdagar och ser kanske inte ärendet snart. Välj någon annan, eller bekräfta att du ändå överför ärendet till {name}.',
  'reason.away_days_out_of_range': 'Varningen kan vänta högst {max} arbetsdagar (0 stänger av varningen).',
  'settings.away_after_days': 'Varna för en överlämning till någon som inte har loggat in vid någon arbetsstation på så här många arbetsdagar (0: aldrig)',
  'settings.whole_days': 'Skriv ett helt antal arbetsdagar, t.ex. 5.',
  'notices.heading': 'Ärenden överförda till dig ({count})',
  'notices.from': '{from} överförde ärendet {reference} {customer} till dig · {time}',
  'notices.note': 'Meddelande: {note}',
  'notices.told': 'Kunden har fått veta: {told}',
  'notices.open': 'Öppna ärendet',
  'notices.acknowledge': 'Markera som läst',
  'escalated.heading': 'Missade löften som lyfts till teamledarna',
  'escalated.none': 'Inga missade löften har lyfts till teamledarna.',
  'escalated.promise': '{reference} {customer} · ansvarig {owner} · tidsfristen var {due}',
  'escalated.seen': 'Lyft {time} · sågs av {who}',
  'escalated.seen_on_desk': '{who} (arbetsstation {desk})',
  'escalated.nobody': 'ingen var inloggad',
  'escalated.done': 'Nu: {state}',
};
