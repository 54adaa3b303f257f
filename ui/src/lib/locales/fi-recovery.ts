// Suomi: palautusnäkymä, joka näytetään työpöydän sijaan, kun tietokantaa ei voi käyttää.
import type { Part } from './en';
import type { enRecovery } from './en-recovery';

export const fiRecovery: Part<typeof enRecovery> = {
  'recovery.heading': 'Tietokantaa ei voi avata',
  'recovery.problem.database_corrupt': 'Tietokantatiedosto on vioittunut, joten Lupaus lopetti sen käytön.',
  'recovery.problem.not_lupaus_database': 'Tämä tiedosto ei ole Lupauksen tietokanta, joten Lupaus ei avannut sitä.',
  'recovery.problem.database_too_new':
    'Tämä tietokanta on tallennettu Lupauksen uudemmalla versiolla. Päivitä Lupaus avataksesi sen.',
  'recovery.file': 'Tietokantatiedosto:',
  'recovery.untouched': 'Lupaus ei ole muuttanut tätä tiedostoa.',
  'recovery.how_restore':
    'Varmuuskopion palautus siirtää tämän tiedoston muuttumattomana sivuun uudella nimellä ja tuo varmuuskopion sen tilalle. Varmuuskopion oton jälkeen tallennetut tapaukset eivät ole siinä.',
  'recovery.too_new_advice':
    'Jos haluat säilyttää kaiken uudemmalla versiolla tallennetun, sulje Lupaus ja päivitä se. Vanhemman varmuuskopion palautuksessa sen jälkeen tallennettu jää pois.',
  'recovery.accept_older': 'Haluan silti vanhemman varmuuskopion (uudempi tiedosto säilytetään sivussa)',
  'recovery.backups': 'Varmuuskopiot, uusin ensin',
  'recovery.loading': 'Haetaan varmuuskopioita…',
  'recovery.no_backups':
    'Kansiossa {dir} ei ole varmuuskopioita. Lupaus jätti tiedoston {path} koskematta: kopioi se talteen ja pyydä IT-tukea korjaamaan se tai etsimään varmuuskopio.',
  'recovery.restore_latest': 'Palauta uusin varmuuskopio ({time})',
  'recovery.restore_this': 'Palauta tämä',
  'recovery.restoring': 'Palautetaan…',
  'recovery.col.taken': 'Otettu',
  'recovery.col.size': 'Koko',
  'recovery.col.cases': 'Tapauksia',
  'recovery.col.restore': 'Palautus',
  'recovery.not_counted': 'ei laskettu',
  'recovery.other_database': 'Kansiossa on toisen tietokannan varmuuskopioita: {count}. Niitä ei tarjota tässä.',
  'recovery.unusable': 'Ei palautettavissa: {problem}',
  'recovery.dismiss': 'OK',
  'recovery.quit': 'Sulje Lupaus',
  'recovery.restored':
    'Varmuuskopio ajalta {time} palautettiin ({cases} tapausta). Aiempi tiedosto säilytettiin muuttumattomana nimellä {kept}.',
  'error.database_corrupt': 'Tietokantatiedosto on vioittunut. Palauta varmuuskopio jatkaaksesi.',
  'error.database_unavailable': 'Tietokanta ei ole auki. Palauta varmuuskopio tai sulje Lupaus.',
  'error.older_backup_not_accepted':
    'Tämä tietokanta on Lupauksen uudemmasta versiosta. Rastita ruutu palauttaaksesi vanhemman varmuuskopion silti, tai päivitä Lupaus.',
  'error.backup_invalid': 'Tätä varmuuskopiota ei voi palauttaa. Mitään ei muutettu; valitse toinen varmuuskopio.',
  'error.no_room_for_backup': 'Varmuuskopiolle ei ole tarpeeksi tilaa kansiossa {dir}: se tarvitsee {needed_mb} Mt, vapaana on {free_mb} Mt. Mitään ei kirjoitettu. Vapauta tilaa tai varmuuskopioi toiselle levylle.',
};
