// Suomi: mitä tuonti löysi vialta (`import.problem.*`, taustajärjestelmän syyavaimen mukaan)
// ja sarakkeiden nimet (`import.field.*`), sellaisina kuin ne voi kirjoittaa otsikkoriville.
import type { Part } from './en';
import type { enImport } from './en-import';

export const fiImport: Part<typeof enImport> = {
  'import.problem.not_a_date':
    '”{value}” ei ole päivämäärä. Kirjoita muodossa 24.12.2025 tai 24.12.2025 14.30 (päivä.kuukausi.vuosi, paikallista aikaa).',
  'import.problem.unreadable_time': 'Kohdan ”{value}” kellonaikaa ei voi lukea. Kirjoita muodossa 14.30 tai 14:30 (24 tunnin kello).',
  'import.problem.skipped_local_time':
    'Aikaa {value} ei ole olemassa aikavyöhykkeellä {zone}, koska kelloja siirrettiin silloin tunnilla eteenpäin. Tarkista kellonaika.',
  'import.problem.in_the_future': '{value} on tulevaisuudessa. Tarkista päivämäärä (päivä.kuukausi.vuosi).',
  'import.problem.before_1990': '{value} on ennen vuotta 1990. Tarkista vuosi.',
  'import.problem.not_an_amount': '”{value}” ei ole euromäärä. Kirjoita muodossa 49,90.',
  'import.problem.negative_amount': '”{value}” on negatiivinen. Asiakkaalle annettava summa on nolla tai enemmän.',
  'import.problem.unknown_channel':
    'Lupaus ei tunne kanavaa ”{value}”. Kirjoita puhelin, tiski, sähköposti, chat, verkkolomake tai kirje.',
  'import.problem.unknown_priority': '”{value}” ei ole kiireellisyys. Kirjoita matala, normaali, korkea tai kiireellinen.',
  'import.problem.not_yes_or_no': '”{value}” ei ole kyllä eikä ei. Kirjoita kyllä tai ei.',
  'import.problem.unknown_basis':
    '”{value}” ei ole korvausperuste. Kirjoita sopimus, kuluttajansuojalaki, takuu tai hyvä tahto.',
  'import.problem.not_a_phone_number':
    '”{value}” ei voi olla puhelinnumero. Tarkista se (esim. 040 123 4567 tai +358 40 123 4567) tai jätä solu tyhjäksi.',
  'import.problem.excel_error': 'Solussa näkyy Excelin virhe ({value}). Korjaa kaava tai kirjoita arvo soluun.',
  'import.problem.not_an_excel_date':
    'Päivämääräsolussa on arvo {value}, joka ei ole Excelin näyttämä päivämäärä. Kirjoita päivämäärä muodossa 24.12.2025.',
  'import.problem.received_empty': 'Vastaanottopäivä puuttuu. Täytä se, esim. 24.12.2025.',
  'import.problem.already_imported':
    'Tämä reklamaatio on jo Lupauksessa tunnuksella {reference} (sama asiakas, aika ja kuvaus). Poista rivi, ettei sitä tuoda kahteen kertaan.',
  'import.problem.duplicate_column':
    'Sarakkeissa ”{first}” ja ”{header}” on molemmissa sama tieto ({field}). Jätä niistä vain toinen.',
  'import.problem.missing_column':
    'Tiedostosta puuttuu pakollinen sarake ”{field}”. Lisää se (otsikon voi kirjoittaa suomeksi, ruotsiksi tai englanniksi).',
  'import.problem.file_too_large':
    'Tiedosto on {size_mb} Mt, ja kerralla voi tuoda enintään {max_mb} Mt. Jaa tiedosto useampaan osaan.',
  'import.problem.binary_file':
    'Tiedostossa ei ole tekstiä vaan binääridataa. Tallenna se Excelissä muodossa ”CSV (luetteloerotin)” ja tuo se.',
  'import.problem.csv_row_unreadable': 'Riviä ei voi lukea CSV-muodossa ({detail}). Tarkista rivin lainausmerkit.',
  'import.problem.too_many_rows': 'Tiedostossa on yli {max} riviä. Tuo se osissa.',
  'import.problem.file_empty': 'Tiedosto on tyhjä. Ensimmäisellä rivillä on oltava sarakkeiden otsikot.',
  'import.problem.workbook_unreadable':
    'Työkirjaa ei voi lukea ({detail}). Avaa se Excelissä ja tallenna uudelleen, tai tallenna se muodossa ”CSV (luetteloerotin)” ja tuo se.',
  'import.problem.sheet_empty': 'Ensimmäinen taulukko on tyhjä. Sen ensimmäisellä rivillä on oltava sarakkeiden otsikot.',
  'import.problem.undecodable_cell':
    'Solussa on merkkejä, jotka eivät ole {encoding}-tekstiä, vaikka tiedoston alussa oleva merkintä (BOM) niin kertoo: ”{value}”. Korjaa solu tai tallenna tiedosto uudelleen muodossa ”CSV UTF-8”.',
  'import.problem.check_value': 'Tarkista tämän solun arvo.',
  'import.problem.required': 'Solu on tyhjä, mutta tieto on pakollinen. Täytä se.',
  'import.problem.too_long': 'Solussa on {count} merkkiä. Lyhennä se enintään {max} merkkiin.',
  'import.problem.not_an_email': '”{email}” ei ole sähköpostiosoite. Tarkista se tai jätä solu tyhjäksi.',
  'import.field.customer': 'asiakas',
  'import.field.email': 'sähköposti',
  'import.field.phone': 'puhelin',
  'import.field.customer_number': 'asiakasnumero',
  'import.field.description': 'kuvaus',
  'import.field.requested_remedy': 'toive',
  'import.field.channel': 'kanava',
  'import.field.received': 'vastaanotettu',
  'import.field.product': 'tuote/tilaus',
  'import.field.priority': 'kiireellisyys',
  'import.field.category': 'luokka',
  'import.field.tags': 'tunnisteet',
  'import.field.amount': 'korvaus',
  'import.field.claimed': 'vaadittu summa',
  'import.field.basis': 'peruste',
  'import.field.acknowledged': 'kuitattu',
  'import.field.former_ref': 'viite',
};
