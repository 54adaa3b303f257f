// English: team mode — the header's sync status, Settings → Team, the conflict flag in a
// case's timeline, and the team server's errors.
export const enTeam = {
  'team.connecting': 'Connecting to the team server…',
  'team.history_arriving': 'Open cases are here · older history still arriving from the team server…',
  'team.synced_today': 'Synced at {time} · {pending} waiting',
  'team.synced_earlier': 'Synced {when} · {pending} waiting',
  'team.offline_today': 'No connection to the server since {time} · {pending} waiting',
  'team.offline_earlier': 'No connection to the server since {when} · {pending} waiting',
  'team.offline_never': 'No connection to the server yet · {pending} waiting',
  'team.heading': 'Team',
  'team.intro_standalone':
    'This desk works on its own. To share cases with your team’s other desks, join the team’s server with the details your team’s admin gave you.',
  'team.member': 'This desk is {desk} in the team at {server}.',
  'team.flagged': 'Events recorded at the same time on two desks, waiting for a lead’s review: {count}',
  'team.server': 'Server address',
  'team.desk_name': 'Desk name',
  'team.secret': 'Password',
  'team.join': 'Join the team',
  'team.joining': 'Joining… this desk’s cases go to the server first.',
  'team.joined': 'This desk joined the team as {desk}.',
  'team.leave': 'Leave the team',
  'team.leave_confirm': 'Leave the team? This desk keeps every case it holds and works on its own; its password is forgotten.',
  'team.leave_yes': 'Leave',
  'team.left': 'This desk left the team and works on its own.',
  'team.need_server': 'Write the server address, e.g. postgres://lupaus.example.fi/tiimi.',
  'team.need_desk': 'Write the desk name the admin gave: 1–12 letters A–Z or digits, e.g. KASSA2.',
  'team.need_secret': 'Type the password the admin gave for this desk.',
  'timeline.conflict':
    'Recorded on another desk at the same time and not applied: in the team’s shared order it came second. A team lead will review it.',
  'error.server_unreachable':
    'The team server cannot be reached. This desk keeps working: what you save waits here and goes to the server when the connection returns.',
  'error.login_refused': 'The team server refused this desk’s login. Ask the team’s admin for a new password and join again.',
  'error.server_schema_too_new':
    'The team server has been updated for a newer Lupaus. Update Lupaus on this desk; nothing was changed.',
  'error.server_not_initialised':
    'The database on the server is not set up for a Lupaus team yet. Ask the team’s admin to run lupaus-cli team server-init.',
  'error.server_refused': 'The team server refused this. Nothing was changed on this desk.',
  'error.server_error': 'The team server answered with an error. This desk keeps working and tries again shortly.',
  'error.secret_unavailable':
    'This desk’s password for the team server cannot be read. Join the team again with the password from the team’s admin.',
  'error.not_in_team': 'This desk is not in a team.',
  'error.attachment_not_on_server':
    'The team server does not have this file: the desk that attached it has not sent it yet, or no longer has it. Try again once that desk has synced.',
  'reason.attachment_not_fetched':
    '{name} is on the team server and has not been fetched to this desk yet. Open it while the server can be reached.',
  'reason.attachment_fetched_damaged':
    'The team server’s copy of {name} does not match the file that was attached (its size or SHA-256 differs), so it was not kept. Ask the desk that attached it to check its copy.',
  'attachments.on_server':
    'On the team server: fetched to this desk when you open it',
  'attachments.fetching':
    'Fetching {file} from the team server…',
  'attachments.fetch_offline':
    '{file} is on the team server and has not been fetched to this desk yet. The server cannot be reached just now; try again when the connection is back.',
  'team.ca_file':
    'Certificate of the team’s own CA (optional)',
  'team.ca_file_hint':
    'Only if your team’s server uses a certificate from your organisation’s own certificate authority: the path of its PEM file, e.g. C:\\Lupaus\\tiimi-ca.pem.',
  'error.server_not_trusted':
    'This desk does not trust the team server’s certificate, so nothing was sent. If your team uses its own certificate authority, give the path of its certificate when joining (Settings → Team).',
  'timeline.desk_title':
    'Recorded on desk {desk}, at the time its clock showed',
};
