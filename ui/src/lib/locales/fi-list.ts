// Suomi: virtuaalinen tapausluettelo ja seuraavan lupauksen läheisyys.
import type { Part } from './en';
import type { enList } from './en-list';

export const fiList: Part<typeof enList> = {
  'list.grid_label': 'Tapaukset, {count} ladattu',
  'list.grid_label_all': 'Tapaukset, yhteensä {count}',
  'list.keys_hint':
    'Avaa tapaus napsauttamalla riviä tai siirry sarkaimella ja nuolinäppäimillä (Page Up, Page Down, Home, End) ja paina Enter.',
  'list.loading_more': 'Ladataan lisää tapauksia…',
  'list.load_failed': 'Lisää tapauksia ei voitu ladata.',
  'list.retry': 'Yritä uudelleen',
  'closeness.none': 'ei lupausta',
  'closeness.overdue': 'myöhässä',
  'closeness.due_now': 'erääntyy nyt',
  'closeness.soon': 'erääntyy {relative}',
  'closeness.day_time': '{day} {time}',
  'closeness.later': 'erääntyy {time}',
};
