// Svenska: teamläget — synkroniseringens status i rubrikraden, Inställningar → Team,
// konfliktmarkeringen i ärendets tidslinje och teamserverns fel.
import type { Part } from './en';
import type { enTeam } from './en-team';

export const svTeam: Part<typeof enTeam> = {
  'team.connecting': 'Ansluter till teamets server…',
  'team.history_arriving': 'De öppna ärendena finns här · äldre historik hämtas ännu från teamets server…',
  'team.synced_today': 'Synkroniserat kl. {time} · {pending} väntar',
  'team.synced_earlier': 'Synkroniserat {when} · {pending} väntar',
  'team.offline_today': 'Ingen förbindelse med servern sedan kl. {time} · {pending} väntar',
  'team.offline_earlier': 'Ingen förbindelse med servern sedan {when} · {pending} väntar',
  'team.offline_never': 'Ännu ingen förbindelse med servern · {pending} väntar',
  'team.heading': 'Team',
  'team.intro_standalone':
    'Den här arbetsstationen arbetar på egen hand. För att dela ärenden med teamets andra arbetsstationer ansluter du till teamets server med uppgifterna från teamets administratör.',
  'team.member': 'Den här arbetsstationen är {desk} i teamet på {server}.',
  'team.flagged': 'Händelser som registrerades samtidigt på två arbetsstationer och väntar på teamledarens granskning: {count}',
  'team.server': 'Serverns adress',
  'team.desk_name': 'Arbetsstationens namn',
  'team.secret': 'Lösenord',
  'team.join': 'Anslut till teamet',
  'team.joining': 'Ansluter… arbetsstationens ärenden skickas först till servern.',
  'team.joined': 'Arbetsstationen anslöt till teamet som {desk}.',
  'team.leave': 'Lämna teamet',
  'team.leave_confirm': 'Lämna teamet? Arbetsstationen behåller alla sina ärenden och arbetar på egen hand; lösenordet glöms.',
  'team.leave_yes': 'Lämna',
  'team.left': 'Arbetsstationen lämnade teamet och arbetar på egen hand.',
  'team.need_server': 'Skriv serverns adress, t.ex. postgres://lupaus.example.fi/tiimi.',
  'team.need_desk': 'Skriv arbetsstationens namn från administratören: 1–12 bokstäver A–Z eller siffror, t.ex. KASSA2.',
  'team.need_secret': 'Skriv lösenordet som administratören gav för den här arbetsstationen.',
  'timeline.conflict':
    'Registrerades samtidigt på en annan arbetsstation och tillämpades inte: i teamets gemensamma ordning kom den i andra hand. En teamledare granskar den.',
  'error.server_unreachable':
    'Teamets server går inte att nå. Arbetsstationen fungerar som vanligt: det du sparar väntar här och skickas till servern när förbindelsen är tillbaka.',
  'error.login_refused':
    'Teamets server godkände inte arbetsstationens inloggning. Be teamets administratör om ett nytt lösenord och anslut igen.',
  'error.server_schema_too_new':
    'Teamets server har uppdaterats för en nyare Lupaus. Uppdatera Lupaus på den här arbetsstationen; inget ändrades.',
  'error.server_not_initialised':
    'Databasen på servern är ännu inte förberedd för ett Lupaus-team. Be teamets administratör köra lupaus-cli team server-init.',
  'error.server_refused': 'Teamets server avvisade detta. Inget ändrades på den här arbetsstationen.',
  'error.server_error': 'Teamets server svarade med ett fel. Arbetsstationen fungerar som vanligt och försöker igen om en stund.',
  'error.secret_unavailable':
    'Arbetsstationens lösenord till teamets server går inte att läsa. Anslut till teamet igen med lösenordet från administratören.',
  'error.not_in_team': 'Den här arbetsstationen hör inte till något team.',
  'error.attachment_not_on_server':
    'Teamets server har inte den här filen: arbetsstationen som bifogade den har inte skickat den ännu eller har den inte längre. Försök igen när den arbetsstationen har synkroniserat.',
  'reason.attachment_not_fetched':
    'Filen {name} finns på teamets server och har inte hämtats till den här arbetsstationen ännu. Öppna den när servern kan nås.',
  'reason.attachment_fetched_damaged':
    'Kopian av {name} på teamets server stämmer inte med filen som bifogades (storleken eller SHA-256 skiljer sig), så den sparades inte. Be arbetsstationen som bifogade filen att kontrollera sin kopia.',
  'attachments.on_server':
    'På teamets server: hämtas till den här arbetsstationen när du öppnar den',
  'attachments.fetching':
    'Hämtar {file} från teamets server…',
  'attachments.fetch_offline':
    'Filen {file} finns på teamets server och har inte hämtats till den här arbetsstationen ännu. Servern kan inte nås just nu; försök igen när förbindelsen är tillbaka.',
  'team.ca_file':
    'Certifikat för teamets egen certifikatutfärdare (valfritt)',
  'team.ca_file_hint':
    'Bara om teamets server har ett certifikat från er organisations egen certifikatutfärdare: sökvägen till dess PEM-fil, t.ex. C:\\Lupaus\\tiimi-ca.pem.',
  'error.server_not_trusted':
    'Arbetsstationen litar inte på teamserverns certifikat, så ingenting skickades. Om teamet har en egen certifikatutfärdare anger du sökvägen till dess certifikat när du ansluter (Inställningar → Team).',
  'timeline.desk_title':
    'Registrerat på arbetsstationen {desk}, vid den tid dess klocka visade',
};
