import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../App.svelte';
import { cells } from '../../test/table';
import { argsOf, fakeDesk, type FakeDesk } from '../../test/fake-desk';


async function openFiles(desk: FakeDesk): Promise<FakeDesk> {
  render(App);
  await screen.findByTestId('case-row');
  await fireEvent.click(screen.getByTestId('nav-files'));
  await screen.findByTestId('import-wizard');
  return desk;
}

describe('import and export without a terminal', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('shows the dry run’s problems by row and column, imports nothing, and imports once the file is fixed', async () => {
    const desk = await openFiles(fakeDesk('intake', 'fi-FI', 'agent'));
    desk.importProblems = [
      { row: 3, column: 'Vastaanotettu', message: "'31.2.2025' is not a date; …", reason: 'not_a_date', params: { value: '31.2.2025' } },
      { row: 0, column: '', message: 'The first sheet is empty: …', reason: 'sheet_empty', params: {} },
    ];
    await fireEvent.click(screen.getByTestId('import-choose'));
    const table = await screen.findByTestId('import-problems');
    expect(cells(table)).toEqual([
      ['3', 'Vastaanotettu', '”31.2.2025” ei ole päivämäärä. Kirjoita muodossa 24.12.2025 tai 24.12.2025 14.30 (päivä.kuukausi.vuosi, paikallista aikaa).'],
      ['koko tiedosto', '', 'Ensimmäinen taulukko on tyhjä. Sen ensimmäisellä rivillä on oltava sarakkeiden otsikot.'],
    ]);
    expect(screen.getByTestId('import-problem-count').textContent).toContain('Tiedostosta löytyi 2 ongelmaa, joten mitään ei tuotu.');
    expect(screen.queryByTestId('import-run')).toBeNull();
    expect(argsOf(desk, 'run_import')).toEqual([]);

    desk.importProblems = [];
    await fireEvent.click(screen.getByTestId('import-again'));
    expect((await screen.findByTestId('import-clean')).textContent).toBe('Tiedosto on kunnossa: tuodaan 3 reklamaatiota ja 2 uutta asiakasta.');
    await fireEvent.click(screen.getByTestId('import-run'));
    expect((await screen.findByTestId('import-done')).textContent).toBe(
      'Tiedostosta vanhat reklamaatiot.xlsx tuotiin 3 reklamaatiota ja 2 uutta asiakasta; 1 riviä liitettiin jo tunnettuun asiakkaaseen.',
    );
    expect(argsOf(desk, 'check_import').map((args) => args.path)).toEqual([desk.chosenFile, desk.chosenFile]);
    expect(argsOf(desk, 'run_import').map((args) => args.path)).toEqual([desk.chosenFile]);
  });

  it('says the problems in Swedish, naming a missing column as a Swedish header would', async () => {
    const desk = await openFiles(fakeDesk('intake', 'sv-FI', 'agent'));
    desk.importProblems = [
      { row: 1, column: 'kuvaus / description', message: 'The file has no kuvaus / description column…', reason: 'missing_column', params: { field: 'description' } },
      { row: 4, column: 'Kanal', message: "'kirjekyyhky' is not a channel…", reason: 'unknown_channel', params: { value: 'kirjekyyhky' } },
      // A compensation the lifecycle refuses carries the core's reason, which the UI words too.
      { row: 5, column: 'Ersättning', message: 'The amount must be more than 0 €.', reason: 'amount_not_positive', params: {} },
    ];
    await fireEvent.click(screen.getByTestId('import-choose'));
    expect(cells(await screen.findByTestId('import-problems'))).toEqual([
      ['1', 'beskrivning', 'Filen saknar den obligatoriska kolumnen ”beskrivning”. Lägg till den (rubriken kan vara på finska, svenska eller engelska).'],
      ['4', 'Kanal', 'Lupaus känner inte till kanalen ”kirjekyyhky”. Skriv telefon, disk, e-post, chat, webblankett eller brev.'],
      ['5', 'Ersättning', 'Beloppet måste vara mer än 0 €.'],
    ]);
    expect(screen.getByTestId('import-problems').textContent).not.toMatch(/is not|The file|amount/);
  });

  it('a closed file dialog checks nothing', async () => {
    const desk = await openFiles(fakeDesk('intake', 'en-US', 'agent'));
    desk.chosenFile = null;
    await fireEvent.click(screen.getByTestId('import-choose'));
    await waitFor(() => expect(argsOf(desk, 'choose_import_file')).toHaveLength(1));
    expect(argsOf(desk, 'check_import')).toEqual([]);
    expect(screen.queryByTestId('import-read')).toBeNull();
  });

  it('exports what the person picked, in the format they picked, and says where it went', async () => {
    const desk = await openFiles(fakeDesk('intake', 'sv-FI', 'agent'));
    await fireEvent.change(screen.getByTestId('export-what'), { target: { value: 'promises' } });
    await fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'csv' } });
    await fireEvent.click(screen.getByTestId('export-save'));
    expect((await screen.findByTestId('export-saved')).textContent).toBe('42 rader sparades i /home/aino/Documents/lupaus-promises.csv');
    expect(argsOf(desk, 'export_data')).toEqual([{ what: 'promises', format: 'csv' }]);
  });

  it('saves my calendar once, and keeps a calendar file in a folder until told to stop', async () => {
    const desk = await openFiles(fakeDesk('intake', 'en-US', 'agent'));
    await fireEvent.click(screen.getByTestId('calendar-save'));
    expect((await screen.findByTestId('calendar-notice')).textContent).toContain('3 open promises saved to /home/aino/Documents/lupaukset.ics');
    await fireEvent.click(screen.getByTestId('calendar-keep'));
    expect((await screen.findByTestId('calendar-kept')).textContent).toBe('Lupaus keeps /home/aino/Documents/lupaus-Aino.ics up to date (3 open promises now).');
    await fireEvent.click(screen.getByTestId('calendar-stop'));
    await waitFor(() => expect(screen.queryByTestId('calendar-kept')).toBeNull());
    expect(desk.calendarFeed).toBeNull();
  });

  it('privacy requests are a lead’s: the anonymisation says what will happen before it happens', async () => {
    await openFiles(fakeDesk('intake', 'en-US', 'agent'));
    expect(screen.queryByTestId('privacy-panel')).toBeNull();
    cleanup();
    clearMocks();

    const desk = await openFiles(fakeDesk('intake', 'fi-FI', 'lead'));
    await fireEvent.input(screen.getByTestId('privacy-query'), { target: { value: 'Maija' } });
    await fireEvent.submit(screen.getByTestId('privacy-query').closest('form') as HTMLFormElement);
    await screen.findByTestId('privacy-customer');
    await fireEvent.click(screen.getByTestId('privacy-export'));
    expect((await screen.findByTestId('privacy-notice')).textContent).toContain('Kaikki asiakkaan Maija Meikäläinen tiedot (2 reklamaatiota)');

    await fireEvent.click(screen.getByTestId('privacy-anonymise'));
    const confirmation = await screen.findByTestId('privacy-confirmation');
    expect(confirmation.textContent).toContain('Anonymisoidaanko Maija Meikäläinen?');
    expect(confirmation.textContent).toContain('Tätä ei voi perua.');
    expect(argsOf(desk, 'anonymise_customer')).toEqual([]);
    await fireEvent.click(screen.getByTestId('privacy-confirm'));
    await waitFor(() => expect(screen.getByTestId('privacy-notice').textContent).toContain('Anonymisoitu: 2 reklamaatiota, 9 historiamerkintää'));
    expect(argsOf(desk, 'anonymise_customer')).toEqual([{ customerId: 7 }]);
  });
});
