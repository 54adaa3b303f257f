// Finnish, Swedish and English text. English is the reference: the other languages must have
// every key (the type checker and `i18n.test.ts` both fail otherwise).

const en = {
  'app.title': 'Lupaus — complaint desk',
  'app.person': 'Signed in as {person}',
  'list.heading': 'Cases',
  'list.empty.title': 'No complaints yet',
  'list.empty.body':
    'When a customer contacts you with a complaint, press “New complaint” (or Alt+N) and write down what happened and what the customer asks for. Every case you log appears here.',
  'list.loading': 'Loading cases…',
  'list.col.reference': 'Reference',
  'list.col.received': 'Received',
  'list.col.customer': 'Customer',
  'list.col.summary': 'What happened',
  'list.col.stage': 'Stage',
  'list.col.next_promise': 'Next promise',
  'list.no_promise': 'none',
  'action.new_case': 'New complaint',
  'action.save_case': 'Save complaint',
  'action.cancel': 'Cancel',
  'intake.heading': 'New complaint',
  'intake.customer_name': 'Customer name',
  'intake.customer_phone': 'Phone',
  'intake.customer_email': 'E-mail',
  'intake.channel': 'Channel',
  'intake.product_ref': 'Product, order or invoice',
  'intake.description': 'What happened, in the customer’s words',
  'intake.requested_remedy': 'What the customer asks for',
  'intake.priority': 'Priority',
  'intake.acknowledged': 'The customer was told the case is received and given its reference',
  'intake.saved': 'Saved as {reference}. Tell the customer the reference.',
  'channel.phone': 'Phone',
  'channel.counter': 'Counter',
  'channel.email': 'E-mail',
  'channel.chat': 'Chat',
  'channel.web_form': 'Web form',
  'channel.letter': 'Letter',
  'priority.low': 'Low',
  'priority.normal': 'Normal',
  'priority.high': 'High',
  'priority.urgent': 'Urgent',
  'stage.intake': 'Received',
  'stage.solving': 'Solving',
  'stage.remedy_agreed': 'Remedy agreed',
  'stage.remedy_delivered': 'Remedy delivered',
  'stage.analysis': 'Root cause',
  'stage.closed': 'Closed',
  'error.invalid_input': 'Check this field.',
  'error.database_busy': 'The database is busy. Try again in a moment.',
  'error.disk_full': 'The disk is full, so nothing was saved. Free some space and try again.',
  'error.internal': 'Something went wrong and nothing was saved. Try again; if it repeats, restart Lupaus.',
  'error.storage_error': 'The database could not save this. Try again; if it repeats, restart Lupaus.',
};

export type MessageKey = keyof typeof en;
type Dictionary = Record<MessageKey, string>;

const fi: Dictionary = {
  'app.title': 'Lupaus — reklamaatiot',
  'app.person': 'Kirjautuneena: {person}',
  'list.heading': 'Tapaukset',
  'list.empty.title': 'Ei vielä reklamaatioita',
  'list.empty.body':
    'Kun asiakas ottaa yhteyttä reklamaation vuoksi, paina ”Uusi reklamaatio” (tai Alt+N) ja kirjaa mitä tapahtui ja mitä asiakas toivoo. Jokainen kirjattu tapaus näkyy tässä.',
  'list.loading': 'Ladataan tapauksia…',
  'list.col.reference': 'Tunnus',
  'list.col.received': 'Vastaanotettu',
  'list.col.customer': 'Asiakas',
  'list.col.summary': 'Mitä tapahtui',
  'list.col.stage': 'Vaihe',
  'list.col.next_promise': 'Seuraava lupaus',
  'list.no_promise': 'ei lupauksia',
  'action.new_case': 'Uusi reklamaatio',
  'action.save_case': 'Tallenna reklamaatio',
  'action.cancel': 'Peruuta',
  'intake.heading': 'Uusi reklamaatio',
  'intake.customer_name': 'Asiakkaan nimi',
  'intake.customer_phone': 'Puhelin',
  'intake.customer_email': 'Sähköposti',
  'intake.channel': 'Kanava',
  'intake.product_ref': 'Tuote, tilaus tai lasku',
  'intake.description': 'Mitä tapahtui, asiakkaan sanoin',
  'intake.requested_remedy': 'Mitä asiakas toivoo',
  'intake.priority': 'Kiireellisyys',
  'intake.acknowledged': 'Asiakkaalle kerrottiin, että asia on vastaanotettu, ja annettiin tunnus',
  'intake.saved': 'Tallennettu tunnuksella {reference}. Kerro tunnus asiakkaalle.',
  'channel.phone': 'Puhelin',
  'channel.counter': 'Asiakaspalvelupiste',
  'channel.email': 'Sähköposti',
  'channel.chat': 'Chat',
  'channel.web_form': 'Verkkolomake',
  'channel.letter': 'Kirje',
  'priority.low': 'Matala',
  'priority.normal': 'Normaali',
  'priority.high': 'Korkea',
  'priority.urgent': 'Kiireellinen',
  'stage.intake': 'Vastaanotettu',
  'stage.solving': 'Ratkaistaan',
  'stage.remedy_agreed': 'Hyvitys sovittu',
  'stage.remedy_delivered': 'Hyvitys toimitettu',
  'stage.analysis': 'Juurisyy',
  'stage.closed': 'Suljettu',
  'error.invalid_input': 'Tarkista tämä kenttä.',
  'error.database_busy': 'Tietokanta on varattu. Yritä hetken päästä uudelleen.',
  'error.disk_full': 'Levy on täynnä, joten mitään ei tallennettu. Vapauta tilaa ja yritä uudelleen.',
  'error.internal': 'Jotain meni vikaan eikä mitään tallennettu. Yritä uudelleen; jos vika toistuu, käynnistä Lupaus uudelleen.',
  'error.storage_error': 'Tietokanta ei pystynyt tallentamaan tätä. Yritä uudelleen; jos vika toistuu, käynnistä Lupaus uudelleen.',
};

const sv: Dictionary = {
  'app.title': 'Lupaus — reklamationer',
  'app.person': 'Inloggad som {person}',
  'list.heading': 'Ärenden',
  'list.empty.title': 'Inga reklamationer ännu',
  'list.empty.body':
    'När en kund kontaktar er med en reklamation, tryck på ”Ny reklamation” (eller Alt+N) och skriv ner vad som hände och vad kunden önskar. Varje ärende du registrerar visas här.',
  'list.loading': 'Ärenden laddas…',
  'list.col.reference': 'Referens',
  'list.col.received': 'Mottaget',
  'list.col.customer': 'Kund',
  'list.col.summary': 'Vad hände',
  'list.col.stage': 'Skede',
  'list.col.next_promise': 'Nästa löfte',
  'list.no_promise': 'inga löften',
  'action.new_case': 'Ny reklamation',
  'action.save_case': 'Spara reklamationen',
  'action.cancel': 'Avbryt',
  'intake.heading': 'Ny reklamation',
  'intake.customer_name': 'Kundens namn',
  'intake.customer_phone': 'Telefon',
  'intake.customer_email': 'E-post',
  'intake.channel': 'Kanal',
  'intake.product_ref': 'Produkt, order eller faktura',
  'intake.description': 'Vad hände, med kundens egna ord',
  'intake.requested_remedy': 'Vad kunden önskar',
  'intake.priority': 'Prioritet',
  'intake.acknowledged': 'Kunden fick veta att ärendet tagits emot och fick referensen',
  'intake.saved': 'Sparat som {reference}. Ge kunden referensen.',
  'channel.phone': 'Telefon',
  'channel.counter': 'Kundtjänstdisk',
  'channel.email': 'E-post',
  'channel.chat': 'Chatt',
  'channel.web_form': 'Webbformulär',
  'channel.letter': 'Brev',
  'priority.low': 'Låg',
  'priority.normal': 'Normal',
  'priority.high': 'Hög',
  'priority.urgent': 'Brådskande',
  'stage.intake': 'Mottaget',
  'stage.solving': 'Under lösning',
  'stage.remedy_agreed': 'Gottgörelse överenskommen',
  'stage.remedy_delivered': 'Gottgörelse levererad',
  'stage.analysis': 'Grundorsak',
  'stage.closed': 'Avslutat',
  'error.invalid_input': 'Kontrollera det här fältet.',
  'error.database_busy': 'Databasen är upptagen. Försök igen om en stund.',
  'error.disk_full': 'Disken är full, så inget sparades. Frigör utrymme och försök igen.',
  'error.internal': 'Något gick fel och inget sparades. Försök igen; om felet upprepas, starta om Lupaus.',
  'error.storage_error': 'Databasen kunde inte spara detta. Försök igen; om felet upprepas, starta om Lupaus.',
};

export const dictionaries = { fi, sv, en } as const;
export type Language = keyof typeof dictionaries;

/** Finnish for a Finnish locale, Swedish for a Swedish one, English otherwise. */
export function languageFor(locale: string | null | undefined): Language {
  const tag = (locale ?? '').toLowerCase();
  if (tag.startsWith('fi')) return 'fi';
  if (tag.startsWith('sv')) return 'sv';
  return 'en';
}

export function translate(language: Language, key: MessageKey, values: Record<string, string> = {}): string {
  const template = dictionaries[language][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The sentence to show for a back-end error code; falls back to the back end's own message. */
export function errorText(language: Language, code: string, message: string): string {
  const key = `error.${code}` as MessageKey;
  if (key in en && code !== 'invalid_input') return translate(language, key);
  return message;
}

/** Date and time as a Finnish desk reads it: in the desk's zone, Europe/Helsinki. */
export function formatDateTime(language: Language, iso: string): string {
  const locale = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[language];
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Helsinki',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
