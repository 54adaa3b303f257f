// Svenska svarsmallar; platshållarna som i de engelska.
import type { Part } from './en';
import type { enTemplates } from './en-templates';

export const svTemplates: Part<typeof enTemplates> = {
  'template.acknowledgement.title': 'Mottagningsbekräftelse med referens',
  'template.callback.title': 'Bekräftelse av återuppringning',
  'template.remedy_offered.title': 'Erbjuden gottgörelse',
  'template.closing.title': 'Avslutning av ärendet',
  'template.greeting': 'Hej {customer},',
  'template.signoff': 'Med vänliga hälsningar\n{agent}',
  'template.acknowledgement.body':
    'Tack för att du kontaktade oss. Vi har tagit emot din reklamation och registrerat den med referensen {reference}. Ange referensen när du kontaktar oss i ärendet.\n\n{due_line}',
  'template.callback.body':
    'Tack för samtalet om din reklamation {reference}. {due_line} Om tiden inte passar dig kan du svara på det här meddelandet, så kommer vi överens om en ny tid.',
  'template.remedy_offered.body':
    'Vi har utrett din reklamation {reference}. För att rätta till saken erbjuder vi dig följande:\n\n{remedy}\n\nMeddela oss gärna om det passar dig. {due_line}',
  'template.closing.body':
    'Din reklamation {reference} är nu behandlad och vi har avslutat ärendet. Tack för ditt tålamod och för att du hörde av dig – din respons hjälper oss att bli bättre. Om något i ärendet fortfarande är öppet kan du svara på det här meddelandet och ange referensen.',
  'template.line.contact_by': 'Vi återkommer senast {due}.',
  'template.line.contact_soon': 'Vi återkommer så snart vi kan.',
  'template.line.call_at': 'Som vi kom överens om ringer vi dig {due}.',
  'template.line.call_soon': 'Som vi kom överens om ringer vi upp dig; vi bekräftar tiden inom kort.',
  'template.line.remedy_by': 'Vi ser till att det är gjort senast {due}.',
  'template.remedy_placeholder': '[beskriv gottgörelsen]',
};
