// Suomi: miksi taustajärjestelmä kieltäytyi (`reason.*`) ja virhekoodit, joita ydintiedostot eivät sanoita.
import type { Part } from './en';
import type { enErrors } from './en-errors';

export const fiErrors: Part<typeof enErrors> = {
  'error.file_too_large': 'Tiedosto on liian suuri: liitteen koko voi olla enintään {max_mb} Mt. Valitse pienempi tiedosto tai pakkaa se.',
  'error.not_lupaus_database': 'Tiedosto ei ole Lupauksen tietokanta; siihen ei koskettu. Valitse toinen tiedosto tai palauta varmuuskopio.',
  'error.database_too_new': 'Tietokanta on tallennettu uudemmalla Lupauksella. Päivitä Lupaus avataksesi sen; tiedostoon ei koskettu.',
  'error.import_rejected': 'Tiedostossa on virheitä, joten mitään ei tuotu. Korjaa luetellut rivit ja tuo uudelleen.',
  'error.autostart_failed': 'Käynnistystä kirjautuessa ei voitu muuttaa. Tarkista, että asetuskansioon voi kirjoittaa.',
  'error.autostart_unavailable':
    'Lupaus ei löydä, minne tämä kone tallentaa kirjautuessa käynnistyvät ohjelmat, joten se ei voi käynnistyä kirjautuessa.',
  'error.pin_wait': 'Liian monta väärää PIN-koodia. Odota {seconds} sekuntia ja yritä sitten uudelleen.',
  'error.unsupported_platform': 'Käynnistystä kirjautuessa ei tueta tässä järjestelmässä.',
  'reason.case_closed': 'Tapaus on suljettu; tiiminvetäjä voi avata sen uudelleen.',
  'reason.already_started': 'Tapauksen käsittely on jo aloitettu.',
  'reason.remedy_already_agreed': 'Hyvitys on jo sovittu; sovi toinen, jos haluat muuttaa sitä.',
  'reason.remedy_delivered': 'Hyvitys on toimitettu; tiiminvetäjä voi avata tapauksen uudelleen, jos se ei riittänyt.',
  'reason.already_waiting': 'Tapaus odottaa jo; jatka sitä ensin.',
  'reason.not_waiting': 'Tapaus ei odota mitään.',
  'reason.no_compensation_pending': 'Mikään korvaus ei odota hyväksyntää.',
  'reason.nothing_to_reopen': 'Tapausta ratkaistaan yhä; avattavaa ei ole.',
  'reason.already_delivered': 'Asiakas on jo saanut hyvityksen tai päätöksen.',
  'reason.declined_tell_instead': 'Reklamaatio hylättiin; kirjaa sen sijaan, että asiakkaalle on kerrottu.',
  'reason.agreed_deliver_instead': 'Hyvitys on sovittu; merkitse se sen sijaan toimitetuksi.',
  'reason.agree_remedy_first': 'Sovi ensin hyvityksestä asiakkaan kanssa (tai hylkää reklamaatio).',
  'reason.compensation_pending': 'Korvaus #{id} odottaa tiiminvetäjän hyväksyntää; se on ensin hyväksyttävä tai hylättävä.',
  'reason.compensation_not_pending': 'Korvaus #{id} ei odota hyväksyntää.',
  'reason.deliver_before_close': 'Toimita hyvitys (tai kerro asiakkaalle hylkäyksestä) ennen sulkemista.',
  'reason.analysis_needs_closed_case': 'Tapaus on yhä auki; vain suljettu tapaus palaa analyysiin.',
  'reason.lead_decides_compensation': 'Vain tiiminvetäjä voi päättää korvauksesta, joka ylittää asiakaspalvelijan rajan.',
  'reason.lead_closes_without_root_cause':
    'Kirjaa ensin juurisyy; vain tiiminvetäjä voi sulkea tapauksen ilman sitä ja kertoa, miksi sitä ei analysoitu.',
  'reason.lead_reopens': 'Vain tiiminvetäjä voi avata tapauksen uudelleen.',
  'reason.hand_back_bounces':
    '{person} siirsi tapauksen juuri sinulle; suoraan takaisin siirtäminen pompottelee asiakasta. Ratkaise se, siirrä se jollekulle muulle tai pyydä apua tiiminvetäjältä.',
  'reason.lock_agree_and_deliver_first': 'Sovi ja toimita asiakkaan hyvitys ensin; juurisyy ja vastuutaho tulevat sen jälkeen.',
  'reason.lock_deliver_agreed_first':
    'Toimita sovittu hyvitys ja kerro asiakkaalle ensin; juurisyy ja vastuutaho tulevat sen jälkeen.',
  'reason.lock_tell_decline_first': 'Kerro asiakkaalle hylkäyksestä ensin; juurisyy ja vastuutaho tulevat sen jälkeen.',
  'reason.required': 'Täytä tämä: se ei voi olla tyhjä.',
  'reason.too_long': 'Tässä on {count} merkkiä; lyhennä se enintään {max} merkkiin.',
};
