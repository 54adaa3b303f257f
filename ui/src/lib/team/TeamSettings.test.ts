import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import TeamSettings from './TeamSettings.svelte';
import type { TeamView } from '../bindings';
import { speak } from '../../test/speak';

const JOINED: TeamView = {
  desk_name: 'kassa2',
  desk_code: 'KASSA2',
  server: '10.0.0.5:5432/tiimi',
  link: 'online',
  last_sync_at: new Date().toISOString(),
  pending: 0,
  flagged: 2,
  history_arriving: false,
  problem: null,
};

/** The shell: standalone until joined; `refusal` makes join_team fail with it. */
function backEnd(startJoined = false, refusal: unknown = null) {
  const calls: { command: string; args: Record<string, unknown> }[] = [];
  let joined = startJoined;
  mockIPC((command, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ command, args });
    switch (command) {
      case 'team_status':
        return joined ? JOINED : null;
      case 'join_team':
        if (refusal) throw refusal;
        joined = true;
        return JOINED;
      case 'leave_team':
        joined = false;
        return null;
      default:
        throw { code: 'internal', message: `unexpected ${command}`, field: null };
    }
  });
  return calls;
}

async function fill(server: string, desk: string, secret: string) {
  await fireEvent.input(await screen.findByTestId('team-server'), { target: { value: server } });
  await fireEvent.input(screen.getByTestId('team-desk'), { target: { value: desk } });
  await fireEvent.input(screen.getByTestId('team-secret'), { target: { value: secret } });
  await fireEvent.submit(screen.getByTestId('team-join'));
}

describe('Settings → Team', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('passes the team’s own CA file, and says in Swedish why an untrusted server is refused', async () => {
    const calls = backEnd(false, { code: 'server_not_trusted', message: 'untrusted', field: null });
    speak('sv');
    render(TeamSettings);
    await fireEvent.input(await screen.findByTestId('team-ca-file'), { target: { value: ' C:\\Lupaus\\tiimi-ca.pem ' } });
    await fill('postgres://lupaus.example.fi/tiimi', 'kassa2', 'hunter2-long-secret');
    expect((await screen.findByTestId('team-error')).textContent).toBe(
      'Arbetsstationen litar inte på teamserverns certifikat, så ingenting skickades. Om teamet har en egen certifikatutfärdare anger du sökvägen till dess certifikat när du ansluter (Inställningar → Team).',
    );
    expect(calls.find((call) => call.command === 'join_team')?.args.caFile).toBe('C:\\Lupaus\\tiimi-ca.pem');
  });

  it('joins a team with the password typed into a password field, then forgets it', async () => {
    const calls = backEnd();
    speak('fi');
    render(TeamSettings);
    await fill('postgres://10.0.0.5/tiimi', 'kassa2', 'hunter2-long-secret');
    expect((await screen.findByTestId('team-notice')).textContent).toBe('Työpiste liittyi tiimiin nimellä KASSA2.');
    expect(calls.find((call) => call.command === 'join_team')?.args).toEqual({
      server: 'postgres://10.0.0.5/tiimi',
      desk: 'kassa2',
      secret: 'hunter2-long-secret',
      caFile: null,
    });
    expect(screen.getByTestId('team-member').textContent).toBe('Tämä työpiste on KASSA2 tiimissä, jonka palvelin on 10.0.0.5:5432/tiimi.');
    expect(screen.getByTestId('team-flagged').textContent).toContain(': 2');
  });

  it('keeps the password out of sight and out of the window once sent', async () => {
    backEnd(false, { code: 'login_refused', message: 'The team server refused the desk’s login (password authentication failed).', field: null });
    speak('sv');
    render(TeamSettings);
    const secret = (await screen.findByTestId('team-secret')) as HTMLInputElement;
    expect(secret.type).toBe('password');
    await fill('postgres://10.0.0.5/tiimi', 'KASSA2', 'wrong');
    expect((await screen.findByTestId('team-error')).textContent).toBe(
      'Teamets server godkände inte arbetsstationens inloggning. Be teamets administratör om ett nytt lösenord och anslut igen.',
    );
    expect((screen.getByTestId('team-secret') as HTMLInputElement).value).toBe('');
  });

  it('says what to fix before asking the server', async () => {
    const calls = backEnd();
    speak('fi');
    render(TeamSettings);
    await fill('10.0.0.5', 'KASSA2', 'x');
    const serverError = await screen.findByTestId('team-error');
    expect(serverError.textContent).toBe('Kirjoita palvelimen osoite, esim. postgres://lupaus.example.fi/tiimi.');
    // Next to the field it is about, and read out with it.
    expect(screen.getByTestId('team-server').getAttribute('aria-describedby')).toBe(serverError.id);
    expect(screen.getByTestId('team-server').getAttribute('aria-invalid')).toBe('true');
    await fill('postgres://10.0.0.5/tiimi', 'kassa 2!', 'x');
    expect(screen.getByTestId('team-error').textContent).toMatch(/^Kirjoita ylläpitäjän antama työpisteen nimi/);
    await fill('postgres://10.0.0.5/tiimi', 'KASSA2', '   ');
    expect(screen.getByTestId('team-error').textContent).toBe('Kirjoita salasana, jonka ylläpitäjä antoi tälle työpisteelle.');
    expect(screen.getByTestId('team-secret').getAttribute('aria-describedby')).toBe(screen.getByTestId('team-error').id);
    expect(screen.getAllByTestId('team-error')).toHaveLength(1);
    expect(calls.filter((call) => call.command === 'join_team')).toEqual([]);
  });

  it('leaves the team only after confirming', async () => {
    const calls = backEnd(true);
    speak('en');
    render(TeamSettings);
    await fireEvent.click(await screen.findByTestId('team-leave'));
    expect(calls.filter((call) => call.command === 'leave_team')).toEqual([]);
    expect(screen.getByTestId('team-leave-confirm').textContent).toContain('keeps every case it holds');
    await fireEvent.click(screen.getByTestId('team-leave-yes'));
    expect((await screen.findByTestId('team-notice')).textContent).toBe('This desk left the team and works on its own.');
    expect(calls.filter((call) => call.command === 'leave_team')).toHaveLength(1);
    expect(screen.getByTestId('team-join')).toBeTruthy();
  });
});
