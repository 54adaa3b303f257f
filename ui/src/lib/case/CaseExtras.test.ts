import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks, mockWindows } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import App from '../../App.svelte';
import type { Role, Stage } from '../bindings';
import { argsOf, fakeDesk, promiseView, type FakeDesk } from '../../test/fake-desk';

async function openCase(stage: Stage, locale = 'en-US', role: Role = 'agent', prepare?: (desk: FakeDesk) => void) {
  const desk = fakeDesk(stage, locale, role);
  prepare?.(desk);
  render(App);
  await fireEvent.click(await screen.findByTestId('case-row'));
  await screen.findByTestId('stage-panel');
  return desk;
}

describe('the case view’s helpers', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
    vi.unstubAllGlobals();
  });

  it('fills the reply templates from the case in Finnish, Swedish and English', async () => {
    await openCase('solving', 'fi-FI', 'agent', (desk) => {
      desk.detail.promises = [promiseView(7, '2026-11-24T08:00:00Z', 'open', 'Soitamme huollosta')];
    });
    const templates = screen.getByTestId('templates');
    const text = () => (within(templates).getByTestId('template-text') as HTMLTextAreaElement).value;
    const choose = (testid: string, value: string) => fireEvent.change(within(templates).getByTestId(testid), { target: { value } });

    expect(text()).toMatch(/^Hei Maija Meikäläinen,\n\nKiitos yhteydenotostasi\. .*tunnuksella R-2026-000001\./);
    expect(text()).toContain('Palaamme asiaan viimeistään 24.11.2026 klo 10.00.');
    expect(text()).toMatch(/Ystävällisin terveisin\nAino$/);

    await choose('template-language', 'sv');
    await waitFor(() => expect(text()).toMatch(/^Hej Maija Meikäläinen,\n\nTack för att du kontaktade oss\. .*referensen R-2026-000001\./));
    expect(text()).toContain('Vi återkommer senast 24.11.2026 kl. 10.00.');

    await choose('template-language', 'en');
    await choose('template-kind', 'callback');
    await waitFor(() => expect(text()).toMatch(/^Hello Maija Meikäläinen,\n\nThank you for talking with us about your complaint R-2026-000001\./));
    expect(text()).toContain('As agreed, we will call you on Tuesday, 24 November 2026 at 10:00.');

    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await fireEvent.click(within(templates).getByRole('button', { name: 'Kopioi' }));
    expect(writeText).toHaveBeenCalledWith(text());
    expect(await within(templates).findByText('Kopioitu. Liitä teksti sähköpostiin tai chattiin.')).toBeTruthy();
  });

  it('shows the SLA due times in words, paused while waiting', async () => {
    await openCase('solving', 'en-US', 'agent', (desk) => {
      desk.detail.sla = { ...desk.detail.sla, remedy_due: '2099-01-01T10:00:00Z', remedy_met: null, close_met: null, paused: true };
    });
    expect(screen.getByTestId('sla-remedy').textContent).toBe('Remedy due: 01/01/2099, 12:00 in time so far');
    expect(screen.getByTestId('sla-paused').textContent).toBe('Paused while waiting');
  });

  it('attaches dropped files and says which one was refused and why', async () => {
    mockWindows('main');
    const desk = await openCase('solving');
    const panel = screen.getByTestId('attachments');
    expect(within(panel).getByText('No files yet.')).toBeTruthy();
    await waitFor(async () => {
      await emit('tauri://drag-enter', { paths: [], position: { x: 10, y: 10 } });
      expect(screen.getByTestId('drop-overlay').textContent).toBe('Drop the files to attach them to case R-2026-000001.');
    });
    // The drop listener is registered right after the enter listener, a few promise turns later.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await emit('tauri://drag-drop', { paths: ['/home/aino/kuitti.pdf', '/home/aino/levykuva.iso'], position: { x: 10, y: 10 } });
    await waitFor(() => expect(argsOf(desk, 'attach_file')).toHaveLength(2));
    expect(argsOf(desk, 'attach_file')[0]).toEqual({ caseId: 1, path: '/home/aino/kuitti.pdf' });
    expect((await within(panel).findByTestId('attachment-error')).textContent).toBe(
      'levykuva.iso was not attached: The file is too large: attachments can be at most 25 MB. Choose a smaller file or compress it.',
    );
    const item = await within(panel).findByTestId('attachment');
    expect(item.textContent).toContain('kuitti.pdf');
    expect(item.textContent).toContain('240 kB');
    expect(item.textContent).toContain('SHA-256 ab12cd34ef56…');
    expect(screen.queryByTestId('drop-overlay')).toBeNull();
  });

  it('opens an attachment by its id alone, and says why a program file is not opened', async () => {
    mockWindows('main');
    const desk = await openCase('solving');
    const panel = screen.getByTestId('attachments');
    await fireEvent.input(within(panel).getByTestId('attachment-path'), { target: { value: '/home/aino/kuitti.pdf' } });
    await fireEvent.click(within(panel).getByRole('button', { name: 'Attach' }));
    await fireEvent.input(within(panel).getByTestId('attachment-path'), { target: { value: '/home/aino/lasku.pdf.exe' } });
    await fireEvent.click(within(panel).getByRole('button', { name: 'Attach' }));
    await waitFor(() => expect(within(panel).getAllByTestId('attachment')).toHaveLength(2));
    await fireEvent.click(within(panel).getByRole('button', { name: 'Open kuitti.pdf in its own program' }));
    await waitFor(() => expect(argsOf(desk, 'open_attachment')).toHaveLength(1));
    expect(argsOf(desk, 'open_attachment')[0]).toEqual({ attachmentId: desk.detail.attachments[0].id });
    expect(within(panel).queryByTestId('attachment-open-error')).toBeNull();
    await fireEvent.click(within(panel).getByRole('button', { name: 'Open lasku.pdf.exe in its own program' }));
    expect((await within(panel).findByTestId('attachment-open-error')).textContent).toBe(
      'lasku.pdf.exe could not be opened: Lupaus does not open lasku.pdf.exe (application/octet-stream) in another program: only photos, PDFs, documents and recordings are opened.',
    );
  });

  it('shows an anonymised attachment as deleted, with nothing to open', async () => {
    await openCase('closed', 'en-US', 'agent', (desk) => {
      const at = '2026-11-20T10:00:00Z';
      desk.detail.attachments = [
        { id: 7, case_id: 1, file_name: '[poistettu]', media_type: 'image/jpeg', size_bytes: 1000, sha256: 'ab'.repeat(32), added_by: 'Aino', added_at: at, removed_at: at, on_desk: true },
      ];
    });
    const panel = screen.getByTestId('attachments');
    expect(within(panel).getByTestId('attachment-removed').textContent).toContain('The file was deleted when the customer’s data was anonymised');
    expect(within(panel).queryByTestId('attachment-open')).toBeNull();
  });

  it('lists another desk’s file with its name and size, fetches it when opened, and says so when offline', async () => {
    const desk = await openCase('solving', 'fi-FI', 'agent', (desk) => {
      desk.teamServerUp = false;
      desk.detail.attachments = [
        { id: 9, case_id: 1, file_name: 'valokuva.jpg', media_type: 'image/jpeg', size_bytes: 4_000_000, sha256: 'cd'.repeat(32), added_by: 'Ville', added_at: '2026-11-20T10:00:00Z', removed_at: null, on_desk: false },
      ];
    });
    const panel = screen.getByTestId('attachments');
    const item = within(panel).getByTestId('attachment');
    expect(item.textContent).toContain('valokuva.jpg');
    expect(item.textContent).toContain('4 MB');
    expect(within(panel).getByTestId('attachment-on-server').textContent).toBe('Tiimin palvelimella: haetaan tähän työpisteeseen, kun avaat sen');
    await fireEvent.click(within(panel).getByTestId('attachment-open'));
    expect((await within(panel).findByTestId('attachment-open-error')).textContent).toBe(
      'Tiedosto valokuva.jpg on tiimin palvelimella, eikä sitä ole vielä haettu tähän työpisteeseen. Palvelimeen ei juuri nyt saada yhteyttä; yritä uudelleen, kun yhteys palaa.',
    );
    desk.teamServerUp = true;
    await fireEvent.click(within(panel).getByTestId('attachment-open'));
    await waitFor(() => expect(within(panel).queryByTestId('attachment-on-server')).toBeNull());
    expect(within(panel).queryByTestId('attachment-open-error')).toBeNull();
    expect(argsOf(desk, 'open_attachment')).toEqual([{ attachmentId: 9 }, { attachmentId: 9 }]);
  });

  it('marks a case for a debrief; only a lead may record what was learned', async () => {
    const agent = await openCase('solving');
    const panel = screen.getByTestId('lessons-panel');
    expect(within(panel).queryByTestId('record-lesson')).toBeNull();
    await fireEvent.click(within(panel).getByTestId('mark-debrief'));
    await fireEvent.input(within(panel).getByLabelText('Why this case should be talked through'), { target: { value: 'Asiakas huusi' } });
    await fireEvent.click(within(panel).getByRole('button', { name: 'Save' }));
    expect(await within(panel).findByText('The case is marked for a debrief. It shows in Lessons.')).toBeTruthy();
    expect(argsOf(agent, 'add_lesson_entry')).toEqual([{ caseId: 1, entry: { kind: 'debrief_requested', reason: 'Asiakas huusi' } }]);
    cleanup();
    clearMocks();

    const lead = await openCase('closed', 'en-US', 'lead');
    await fireEvent.click(screen.getByTestId('record-lesson'));
    await fireEvent.input(screen.getByLabelText('What we learned'), { target: { value: 'Soita takaisin samana päivänä' } });
    await fireEvent.click(within(screen.getByTestId('form-lesson')).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(argsOf(lead, 'add_lesson_entry')).toEqual([{ caseId: 1, entry: { kind: 'lesson_recorded', text: 'Soita takaisin samana päivänä' } }]),
    );
  });
});
