// Svenska: teamtavlan (endast i teamläge): förfallande löften från alla arbetsstationer, när
// varje arbetsstation senast synkroniserade, arbetsbörda, granskning av konflikter och
// inställningarnas ändringslogg.
import type { Part } from './en';
import type { enBoard } from './en-board';

export const svBoard: Part<typeof enBoard> = {
  'teamboard.heading': 'Teamtavla',
  'teamboard.intro': 'Löften som är försenade eller förfaller inom ett dygn på teamets alla arbetsstationer. En arbetsstation som inte har synkroniserat på en stund kan ha fler.',
  'teamboard.loading': 'Teamtavlan laddas…',
  'teamboard.desks_heading': 'Arbetsstationer',
  'teamboard.desk_synced': 'synkroniserad {when}',
  'teamboard.desk_never': 'har aldrig synkroniserat',
  'teamboard.desk_stale': 'ingen kontakt: dess senaste arbete kan saknas här',
  'teamboard.this_desk': 'den här arbetsstationen',
  'teamboard.group_by': 'Gruppera efter',
  'teamboard.by_person': 'Person',
  'teamboard.by_desk': 'Arbetsstation',
  'teamboard.group_counts': '{overdue} försenade, {soon} förfaller snart',
  'teamboard.empty': 'Ingen arbetsstation har löften som är försenade eller förfaller inom ett dygn.',
  'teamboard.truncated': 'Endast de 500 första löftena visas.',
  'teamboard.desk_of_case': 'Arbetsstation {desk}',
  'teamboard.workload_heading': 'Arbetsbörda',
  'teamboard.col_person': 'Person',
  'teamboard.col_open_cases': 'Öppna ärenden',
  'teamboard.col_overdue': 'Försenade',
  'teamboard.col_due_soon': 'Förfaller snart',
  'timeline.conflict_reviewed': 'Registrerades samtidigt på en annan arbetsstation och tillämpades inte. Löst av {by}.',
  'conflicts.heading': 'Konflikter mellan arbetsstationer',
  'conflicts.intro':
    'Ändringar som registrerades samtidigt på två arbetsstationer. Teamets gemensamma ordning behöll den ena; den andra tillämpades inte. Kontrollera ärendet och markera konflikten som löst: utfallet står fast och markeringen försvinner på alla arbetsstationer.',
  'conflicts.loading': 'Konflikterna laddas…',
  'conflicts.empty': 'Inga konflikter väntar på granskning.',
  'conflicts.recorded_by': '{who}, {when}',
  'conflicts.resolve': 'Markera som löst',
  'conflicts.resolved': 'Löst. Alla arbetsstationer visar det efter sin nästa synkronisering.',
  'conflicts.promise_changed': 'Löftet ändrades',
  'reason.lead_resolves_conflicts': 'Bara teamledaren löser konflikter mellan arbetsstationer.',
  'reason.not_a_conflict': 'Det här är inte längre en konflikt som väntar på granskning. Ladda om listan.',
  'reason.conflict_already_reviewed': '{by} har redan löst den här konflikten.',
  'figures.scope_desk': 'Arbetsstation',
  'figures.scope_all': 'Alla arbetsstationer',
  'figures.scope_agent': 'Person',
  'figures.scope_everyone': 'Alla',
};
