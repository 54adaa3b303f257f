// Suomi: tiimityö — siirtoilmoitukset, poissaolovaroitus ja tiiminvetäjälle nostetut myöhästymiset.
import type { enTogether } from './en-together';

export const fiTogether: Record<keyof typeof enTogether, string> = {
  'reason.hand_off_person_absent':
    '{name} ei ole kirjautunut millekään työpisteelle {days} arkipäivään eikä välttämättä näe tätä tapausta pian. Valitse joku muu tai vahvista, että siirrät tapauksen silti henkilölle {name}.',
  'reason.away_days_out_of_range': 'Varoitusraja voi olla enintään {max} arkipäivää (0 poistaa varoituksen käytöstä).',
  'settings.away_after_days': 'Varoita siirrosta henkilölle, joka ei ole kirjautunut millekään työpisteelle näin moneen arkipäivään (0: ei koskaan)',
  'settings.whole_days': 'Kirjoita arkipäivien määrä kokonaislukuna, esim. 5.',
  'notices.heading': 'Sinulle siirretyt tapaukset ({count})',
  'notices.from': '{from} siirsi sinulle tapauksen {reference} {customer} · {time}',
  'notices.note': 'Viesti: {note}',
  'notices.told': 'Asiakkaalle kerrottu: {told}',
  'notices.open': 'Avaa tapaus',
  'notices.acknowledge': 'Kuittaa luetuksi',
  'escalated.heading': 'Tiiminvetäjille ilmoitetut pitämättömät lupaukset',
  'escalated.none': 'Yhtään pitämätöntä lupausta ei ole ilmoitettu tiiminvetäjille.',
  'escalated.promise': '{reference} {customer} · vastuussa {owner} · määräaika oli {due}',
  'escalated.seen': 'Ilmoitettu {time} · näki {who}',
  'escalated.seen_on_desk': '{who} (työpiste {desk})',
  'escalated.nobody': 'kukaan ei ollut kirjautuneena',
  'escalated.done': 'Nyt: {state}',
};
