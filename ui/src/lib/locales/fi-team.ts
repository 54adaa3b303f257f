// Suomi: tiimitila — otsikkorivin synkronoinnin tila, Asetukset → Tiimi, ristiriitamerkintä
// tapauksen aikajanalla ja tiimin palvelimen virheet.
import type { Part } from './en';
import type { enTeam } from './en-team';

export const fiTeam: Part<typeof enTeam> = {
  'team.connecting': 'Yhdistetään tiimin palvelimeen…',
  'team.history_arriving': 'Avoimet tapaukset ovat täällä · vanhempaa historiaa haetaan vielä tiimin palvelimelta…',
  'team.synced_today': 'Synkronoitu klo {time} · {pending} odottaa',
  'team.synced_earlier': 'Synkronoitu {when} · {pending} odottaa',
  'team.offline_today': 'Ei yhteyttä palvelimeen klo {time} lähtien · {pending} odottaa',
  'team.offline_earlier': 'Ei yhteyttä palvelimeen {when} lähtien · {pending} odottaa',
  'team.offline_never': 'Palvelimeen ei ole vielä saatu yhteyttä · {pending} odottaa',
  'team.heading': 'Tiimi',
  'team.intro_standalone':
    'Tämä työpiste toimii itsenäisesti. Jos haluat jakaa tapaukset tiimin muiden työpisteiden kanssa, liity tiimin palvelimeen ylläpitäjältä saamillasi tiedoilla.',
  'team.member': 'Tämä työpiste on {desk} tiimissä, jonka palvelin on {server}.',
  'team.flagged': 'Kahdella työpisteellä samaan aikaan kirjattuja tapahtumia tiiminvetäjän tarkistettavana: {count}',
  'team.server': 'Palvelimen osoite',
  'team.desk_name': 'Työpisteen nimi',
  'team.secret': 'Salasana',
  'team.join': 'Liity tiimiin',
  'team.joining': 'Liitytään… työpisteen tapaukset siirretään ensin palvelimelle.',
  'team.joined': 'Työpiste liittyi tiimiin nimellä {desk}.',
  'team.leave': 'Eroa tiimistä',
  'team.leave_confirm': 'Erotaanko tiimistä? Työpiste säilyttää kaikki tapauksensa ja toimii itsenäisesti; salasana unohdetaan.',
  'team.leave_yes': 'Eroa',
  'team.left': 'Työpiste erosi tiimistä ja toimii itsenäisesti.',
  'team.need_server': 'Kirjoita palvelimen osoite, esim. postgres://lupaus.example.fi/tiimi.',
  'team.need_desk': 'Kirjoita ylläpitäjän antama työpisteen nimi: 1–12 kirjainta A–Z tai numeroa, esim. KASSA2.',
  'team.need_secret': 'Kirjoita salasana, jonka ylläpitäjä antoi tälle työpisteelle.',
  'timeline.conflict':
    'Kirjattu samaan aikaan toisella työpisteellä, eikä sitä otettu käyttöön: tiimin yhteisessä järjestyksessä se tuli toisena. Tiiminvetäjä tarkistaa sen.',
  'error.server_unreachable':
    'Tiimin palvelimeen ei saada yhteyttä. Työpiste toimii normaalisti: tallennukset odottavat täällä ja siirtyvät palvelimelle, kun yhteys palaa.',
  'error.login_refused':
    'Tiimin palvelin ei hyväksynyt tämän työpisteen kirjautumista. Pyydä tiimin ylläpitäjältä uusi salasana ja liity uudelleen.',
  'error.server_schema_too_new':
    'Tiimin palvelin on päivitetty uudemmalle Lupauksen versiolle. Päivitä Lupaus tähän työpisteeseen; mitään ei muutettu.',
  'error.server_not_initialised':
    'Palvelimen tietokantaa ei ole vielä valmisteltu Lupaus-tiimille. Pyydä tiimin ylläpitäjää ajamaan lupaus-cli team server-init.',
  'error.server_refused': 'Tiimin palvelin hylkäsi tämän. Tähän työpisteeseen ei muutettu mitään.',
  'error.server_error': 'Tiimin palvelin vastasi virheellä. Työpiste toimii normaalisti ja yrittää pian uudelleen.',
  'error.secret_unavailable':
    'Työpisteen salasanaa tiimin palvelimelle ei voi lukea. Liity tiimiin uudelleen ylläpitäjältä saadulla salasanalla.',
  'error.not_in_team': 'Tämä työpiste ei kuulu tiimiin.',
  'error.attachment_not_on_server':
    'Tiimin palvelimella ei ole tätä tiedostoa: työpiste, joka liitti sen, ei ole vielä lähettänyt sitä tai sillä ei enää ole sitä. Yritä uudelleen, kun kyseinen työpiste on synkronoinut.',
  'reason.attachment_not_fetched':
    'Tiedosto {name} on tiimin palvelimella, eikä sitä ole vielä haettu tähän työpisteeseen. Avaa se, kun palvelimeen saadaan yhteys.',
  'reason.attachment_fetched_damaged':
    'Tiimin palvelimella oleva kopio tiedostosta {name} ei vastaa liitettyä tiedostoa (koko tai SHA-256 eroaa), joten sitä ei tallennettu. Pyydä liitteen lisännyttä työpistettä tarkistamaan oma kopionsa.',
  'attachments.on_server':
    'Tiimin palvelimella: haetaan tähän työpisteeseen, kun avaat sen',
  'attachments.fetching':
    'Haetaan tiedostoa {file} tiimin palvelimelta…',
  'attachments.fetch_offline':
    'Tiedosto {file} on tiimin palvelimella, eikä sitä ole vielä haettu tähän työpisteeseen. Palvelimeen ei juuri nyt saada yhteyttä; yritä uudelleen, kun yhteys palaa.',
  'team.ca_file':
    'Tiimin oman varmentajan varmenne (valinnainen)',
  'team.ca_file_hint':
    'Vain jos tiimin palvelimen varmenne on organisaationne oman varmentajan myöntämä: sen PEM-tiedoston polku, esim. C:\\Lupaus\\tiimi-ca.pem.',
  'error.server_not_trusted':
    'Työpiste ei luota tiimin palvelimen varmenteeseen, joten mitään ei lähetetty. Jos tiimillänne on oma varmentaja, anna sen varmenteen polku liittyessäsi (Asetukset → Tiimi).',
  'timeline.desk_title':
    'Kirjattu työpisteellä {desk}, sen kellon näyttämään aikaan',
};
