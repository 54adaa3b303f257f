// Svenska: den virtuella ärendelistan och hur nära nästa löfte är.
import type { Part } from './en';
import type { enList } from './en-list';

export const svList: Part<typeof enList> = {
  'list.grid_label': 'Ärenden, {count} inlästa',
  'list.grid_label_all': 'Ärenden, {count} totalt',
  'list.keys_hint':
    'Öppna ett ärende genom att klicka på raden, eller flytta med Tabb och piltangenterna (Page Up, Page Down, Home, End) och tryck Enter.',
  'list.loading_more': 'Läser in fler ärenden…',
  'list.load_failed': 'Fler ärenden kunde inte läsas in.',
  'list.retry': 'Försök igen',
  'closeness.none': 'inget löfte',
  'closeness.overdue': 'försenat',
  'closeness.due_now': 'förfaller nu',
  'closeness.soon': 'förfaller {relative}',
  'closeness.day_time': '{day} {time}',
  'closeness.later': 'förfaller {time}',
};
