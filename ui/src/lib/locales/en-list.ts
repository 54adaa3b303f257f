// English: the virtual case list and how close each next promise is.

export const enList = {
  'list.grid_label': 'Cases, {count} loaded',
  'list.grid_label_all': 'Cases, {count} in all',
  'list.keys_hint':
    'Open a case by clicking its row, or move with Tab and the arrow keys (Page Up, Page Down, Home, End) and press Enter.',
  'list.loading_more': 'Loading more cases…',
  'list.load_failed': 'More cases could not be loaded.',
  'list.retry': 'Try again',
  'closeness.none': 'no promise',
  'closeness.overdue': 'overdue',
  'closeness.due_now': 'due now',
  'closeness.soon': 'due {relative}',
  'closeness.day_time': '{day} {time}',
  'closeness.later': 'due {time}',
};
