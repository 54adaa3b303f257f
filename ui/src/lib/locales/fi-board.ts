// Suomi: tiimitaulu (vain tiimitilassa): erääntyvät lupaukset kaikilta työpisteiltä, kunkin
// työpisteen viimeisin synkronointi, työkuorma, ristiriitojen tarkistus ja asetusten muutosloki.
import type { Part } from './en';
import type { enBoard } from './en-board';

export const fiBoard: Part<typeof enBoard> = {
  'teamboard.heading': 'Tiimitaulu',
  'teamboard.intro': 'Myöhässä olevat ja vuorokauden sisällä erääntyvät lupaukset tiimin kaikilta työpisteiltä. Työpisteellä, joka ei ole hetkeen synkronoinut, voi olla muitakin.',
  'teamboard.loading': 'Ladataan tiimitaulua…',
  'teamboard.desks_heading': 'Työpisteet',
  'teamboard.desk_synced': 'synkronoitu {when}',
  'teamboard.desk_never': 'ei ole vielä synkronoinut',
  'teamboard.desk_stale': 'ei yhteydessä: sen uusimmat tiedot voivat puuttua tästä',
  'teamboard.this_desk': 'tämä työpiste',
  'teamboard.group_by': 'Ryhmittely',
  'teamboard.by_person': 'Henkilö',
  'teamboard.by_desk': 'Työpiste',
  'teamboard.group_counts': '{overdue} myöhässä, {soon} erääntyy pian',
  'teamboard.empty': 'Millään työpisteellä ei ole myöhässä olevia eikä vuorokauden sisällä erääntyviä lupauksia.',
  'teamboard.truncated': 'Näytetään vain 500 ensimmäistä lupausta.',
  'teamboard.desk_of_case': 'Työpiste {desk}',
  'teamboard.workload_heading': 'Työkuorma',
  'teamboard.col_person': 'Henkilö',
  'teamboard.col_open_cases': 'Avoimet tapaukset',
  'teamboard.col_overdue': 'Myöhässä',
  'teamboard.col_due_soon': 'Erääntyy pian',
  'timeline.conflict_reviewed': 'Kirjattu samaan aikaan toisella työpisteellä, eikä sitä otettu huomioon. Ratkaissut: {by}.',
  'conflicts.heading': 'Työpisteiden väliset ristiriidat',
  'conflicts.intro':
    'Muutoksia, jotka kirjattiin samaan aikaan kahdella työpisteellä. Tiimin yhteinen järjestys piti niistä toisen, eikä toista otettu huomioon. Tarkista tapaus ja merkitse ristiriita ratkaistuksi: lopputulos jää voimaan ja merkintä poistuu kaikilta työpisteiltä.',
  'conflicts.loading': 'Ladataan ristiriitoja…',
  'conflicts.empty': 'Tarkistettavia ristiriitoja ei ole.',
  'conflicts.recorded_by': '{who}, {when}',
  'conflicts.resolve': 'Merkitse ratkaistuksi',
  'conflicts.resolved': 'Ratkaistu. Kaikki työpisteet näyttävät sen seuraavan synkronointinsa jälkeen.',
  'conflicts.promise_changed': 'Lupausta muutettu',
  'reason.lead_resolves_conflicts': 'Vain tiiminvetäjä ratkaisee työpisteiden väliset ristiriidat.',
  'reason.not_a_conflict': 'Tämä ei ole enää tarkistettava ristiriita. Lataa luettelo uudelleen.',
  'reason.conflict_already_reviewed': '{by} on jo ratkaissut tämän ristiriidan.',
  'figures.scope_desk': 'Työpiste',
  'figures.scope_all': 'Kaikki työpisteet',
  'figures.scope_agent': 'Henkilö',
  'figures.scope_everyone': 'Kaikki',
};
