// English: working as a team — hand-off notices, the away warning, the lead's escalated misses.
export const enTogether = {
  'reason.hand_off_person_absent':
    '{name} has not signed in on any desk for {days} business days and may not see this case soon. Choose someone else, or confirm that you hand it to {name} anyway.',
  'reason.away_days_out_of_range': 'Warn after at most {max} business days away (0 turns the warning off).',
  'settings.away_after_days': 'Warn about a hand-off to someone not signed in on any desk for this many business days (0: never)',
  'settings.whole_days': 'Type a whole number of business days, e.g. 5.',
  'notices.heading': 'Handed to you ({count})',
  'notices.from': '{from} handed you {reference} {customer} · {time}',
  'notices.note': 'Note: {note}',
  'notices.told': 'The customer was told: {told}',
  'notices.open': 'Open case',
  'notices.acknowledge': 'Got it',
  'escalated.heading': 'Missed promises escalated to the leads',
  'escalated.none': 'No missed promise has been escalated.',
  'escalated.promise': '{reference} {customer} · owner {owner} · was due {due}',
  'escalated.seen': 'Escalated {time} · seen by {who}',
  'escalated.seen_on_desk': '{who} (desk {desk})',
  'escalated.nobody': 'nobody signed in',
  'escalated.done': 'Now: {state}',
} as const;
