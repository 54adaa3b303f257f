// Svenska: vad importen hittade fel (`import.problem.*`, enligt bakändans orsaksnyckel) och
// kolumnernas namn (`import.field.*`), så som de kan skrivas på rubrikraden.
import type { Part } from './en';
import type { enImport } from './en-import';

export const svImport: Part<typeof enImport> = {
  'import.problem.not_a_date':
    '”{value}” är inte ett datum. Skriv det som 24.12.2025 eller 24.12.2025 14.30 (dag.månad.år, lokal tid).',
  'import.problem.unreadable_time': 'Klockslaget i ”{value}” går inte att läsa. Skriv det som 14.30 eller 14:30 (24-timmarsklocka).',
  'import.problem.skipped_local_time':
    'Tiden {value} finns inte i tidszonen {zone}, eftersom klockan då ställdes fram en timme. Kontrollera klockslaget.',
  'import.problem.in_the_future': '{value} ligger i framtiden. Kontrollera datumet (dag.månad.år).',
  'import.problem.before_1990': '{value} är före 1990. Kontrollera året.',
  'import.problem.not_an_amount': '”{value}” är inte ett belopp i euro. Skriv det som 49,90.',
  'import.problem.negative_amount': '”{value}” är negativt. Ett belopp till kunden är noll eller mer.',
  'import.problem.unknown_channel':
    'Lupaus känner inte till kanalen ”{value}”. Skriv telefon, disk, e-post, chat, webblankett eller brev.',
  'import.problem.unknown_priority': '”{value}” är ingen prioritet. Skriv låg, normal, hög eller brådskande.',
  'import.problem.not_yes_or_no': '”{value}” är varken ja eller nej. Skriv ja eller nej.',
  'import.problem.unknown_basis':
    '”{value}” är ingen grund för ersättning. Skriv avtal, konsumentskyddslagen, garanti eller goodwill.',
  'import.problem.not_a_phone_number':
    '”{value}” kan inte vara ett telefonnummer. Kontrollera det (t.ex. 040 123 4567 eller +358 40 123 4567) eller lämna cellen tom.',
  'import.problem.excel_error': 'Cellen visar ett Excel-fel ({value}). Rätta formeln eller skriv in värdet.',
  'import.problem.not_an_excel_date':
    'Datumcellen innehåller {value}, som inte är ett datum som Excel kan visa. Skriv datumet som 24.12.2025.',
  'import.problem.received_empty': 'Mottagningsdatumet saknas. Fyll i det, t.ex. 24.12.2025.',
  'import.problem.already_imported':
    'Reklamationen finns redan i Lupaus som {reference} (samma kund, tid och beskrivning). Ta bort raden så att den inte importeras två gånger.',
  'import.problem.duplicate_column':
    'Kolumnerna ”{first}” och ”{header}” innehåller båda samma uppgift ({field}). Behåll bara den ena.',
  'import.problem.missing_column':
    'Filen saknar den obligatoriska kolumnen ”{field}”. Lägg till den (rubriken kan vara på finska, svenska eller engelska).',
  'import.problem.file_too_large':
    'Filen är {size_mb} MB, och högst {max_mb} MB kan importeras åt gången. Dela upp den i flera filer.',
  'import.problem.binary_file':
    'Filen innehåller binärdata, inte text. Spara den i Excel som ”CSV (semikolonavgränsad)” och importera den.',
  'import.problem.csv_row_unreadable': 'Raden kan inte läsas som CSV ({detail}). Kontrollera radens citattecken.',
  'import.problem.too_many_rows': 'Filen har fler än {max} rader. Importera den i delar.',
  'import.problem.file_empty': 'Filen är tom. Den första raden ska innehålla kolumnernas rubriker.',
  'import.problem.workbook_unreadable':
    'Arbetsboken kan inte läsas ({detail}). Öppna den i Excel och spara den på nytt, eller spara den som ”CSV (semikolonavgränsad)” och importera den.',
  'import.problem.sheet_empty': 'Det första bladet är tomt. Dess första rad ska innehålla kolumnernas rubriker.',
  'import.problem.undecodable_cell':
    'Cellen innehåller tecken som inte är {encoding}-text, fast märkningen i början av filen (BOM) säger det: ”{value}”. Rätta cellen eller spara filen på nytt som ”CSV UTF-8”.',
  'import.problem.check_value': 'Kontrollera värdet i den här cellen.',
  'import.problem.required': 'Cellen är tom, men uppgiften är obligatorisk. Fyll i den.',
  'import.problem.too_long': 'Cellen har {count} tecken. Korta den till högst {max}.',
  'import.problem.not_an_email': '”{email}” är inte en e-postadress. Kontrollera den eller lämna cellen tom.',
  'import.field.customer': 'kund',
  'import.field.email': 'e-post',
  'import.field.phone': 'telefon',
  'import.field.customer_number': 'kundnummer',
  'import.field.description': 'beskrivning',
  'import.field.requested_remedy': 'önskemål',
  'import.field.channel': 'kanal',
  'import.field.received': 'mottagen',
  'import.field.product': 'produkt/beställning',
  'import.field.priority': 'prioritet',
  'import.field.category': 'kategori',
  'import.field.tags': 'taggar',
  'import.field.amount': 'ersättning',
  'import.field.claimed': 'yrkat belopp',
  'import.field.basis': 'grund',
  'import.field.acknowledged': 'kvitterad',
  'import.field.former_ref': 'referens',
};
