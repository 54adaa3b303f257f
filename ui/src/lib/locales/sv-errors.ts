// Svenska: varför det bakre systemet vägrade (`reason.*`) och felkoder som kärnfilerna inte formulerar.
import type { Part } from './en';
import type { enErrors } from './en-errors';

export const svErrors: Part<typeof enErrors> = {
  'error.file_too_large': 'Filen är för stor: bilagor får vara högst {max_mb} MB. Välj en mindre fil eller komprimera den.',
  'error.not_lupaus_database': 'Filen är inte en Lupaus-databas; den lämnades orörd. Välj en annan fil eller återställ en säkerhetskopia.',
  'error.database_too_new': 'Databasen skrevs av en nyare Lupaus. Uppdatera Lupaus för att öppna den; filen lämnades orörd.',
  'error.import_rejected': 'Filen har fel, så inget importerades. Rätta de listade raderna och importera igen.',
  'error.autostart_failed': 'Start vid inloggning kunde inte ändras. Kontrollera att inställningsmappen är skrivbar.',
  'error.autostart_unavailable':
    'Lupaus hittar inte var den här datorn sparar inloggningsprogram, så den kan inte starta vid inloggning.',
  'error.pin_wait': 'För många felaktiga PIN-koder. Vänta {seconds} sekunder och försök sedan igen.',
  'error.unsupported_platform': 'Start vid inloggning stöds inte på det här systemet.',
  'reason.case_closed': 'Ärendet är stängt; en teamledare kan öppna det igen.',
  'reason.already_started': 'Arbetet med ärendet har redan börjat.',
  'reason.remedy_already_agreed': 'En gottgörelse är redan överenskommen; kom överens om en annan för att ändra den.',
  'reason.remedy_delivered': 'Gottgörelsen är levererad; en teamledare kan öppna ärendet igen om den inte höll.',
  'reason.already_waiting': 'Ärendet väntar redan; återuppta det först.',
  'reason.not_waiting': 'Ärendet väntar inte.',
  'reason.no_compensation_pending': 'Ingen ersättning väntar på godkännande.',
  'reason.nothing_to_reopen': 'Ärendet håller fortfarande på att lösas; det finns inget att öppna igen.',
  'reason.already_delivered': 'Kunden har redan fått gottgörelsen eller beslutet.',
  'reason.declined_tell_instead': 'Reklamationen avslogs; registrera i stället att kunden har informerats.',
  'reason.agreed_deliver_instead': 'En gottgörelse har avtalats; markera den som levererad i stället.',
  'reason.agree_remedy_first': 'Kom först överens med kunden om en gottgörelse (eller avslå reklamationen).',
  'reason.compensation_pending': 'Ersättning #{id} väntar på en teamledares godkännande; den måste först godkännas eller avslås.',
  'reason.compensation_not_pending': 'Ersättning #{id} väntar inte på godkännande.',
  'reason.deliver_before_close': 'Leverera gottgörelsen (eller meddela kunden avslaget) innan ärendet stängs.',
  'reason.analysis_needs_closed_case': 'Ärendet är fortfarande öppet; bara ett stängt ärende går tillbaka till analys.',
  'reason.lead_decides_compensation': 'Bara en teamledare kan besluta om ersättning över handläggarens gräns.',
  'reason.lead_closes_without_root_cause':
    'Registrera grundorsaken först; bara en teamledare kan stänga ett ärende utan den och ange varför den inte analyserades.',
  'reason.lead_reopens': 'Bara en teamledare kan öppna ett ärende igen.',
  'reason.hand_back_bounces':
    '{person} lämnade just över ärendet; att lämna tillbaka det direkt bollar runt kunden. Lös det, ge det till någon annan eller be en teamledare om hjälp.',
  'reason.lock_agree_and_deliver_first': 'Kom överens om och leverera kundens gottgörelse först; grundorsak och ansvar kommer sedan.',
  'reason.lock_deliver_agreed_first':
    'Leverera den överenskomna gottgörelsen och meddela kunden först; grundorsak och ansvar kommer sedan.',
  'reason.lock_tell_decline_first': 'Meddela kunden avslaget först; grundorsak och ansvar kommer sedan.',
  'reason.required': 'Fyll i det här: det får inte vara tomt.',
  'reason.too_long': 'Det här är {count} tecken långt; korta det till högst {max}.',
};
