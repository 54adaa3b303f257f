// English: the lead's team board (team mode only): due promises across desks, each desk's last
// sync, workload, the conflict review list and the settings audit trail.
export const enBoard = {
  'teamboard.heading': 'Team board',
  'teamboard.intro': 'Promises overdue or due within a day on every desk of the team. A desk that has not synced lately may hold more.',
  'teamboard.loading': 'Loading the team board…',
  'teamboard.desks_heading': 'Desks',
  'teamboard.desk_synced': 'synced {when}',
  'teamboard.desk_never': 'never synced',
  'teamboard.desk_stale': 'out of touch: its latest work may be missing here',
  'teamboard.this_desk': 'this desk',
  'teamboard.group_by': 'Group by',
  'teamboard.by_person': 'Person',
  'teamboard.by_desk': 'Desk',
  'teamboard.group_counts': '{overdue} overdue, {soon} due soon',
  'teamboard.empty': 'No promise on any desk is overdue or due within a day.',
  'teamboard.truncated': 'Only the first 500 promises are shown.',
  'teamboard.desk_of_case': 'Desk {desk}',
  'teamboard.workload_heading': 'Workload',
  'teamboard.col_person': 'Person',
  'teamboard.col_open_cases': 'Open cases',
  'teamboard.col_overdue': 'Overdue',
  'teamboard.col_due_soon': 'Due soon',
};
