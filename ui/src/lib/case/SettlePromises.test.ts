import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../App.svelte';
import type { Stage } from '../bindings';
import { argsOf, fakeDesk, promiseView } from '../../test/fake-desk';

async function openCaseWithPromise(stage: Stage, locale: string) {
  const desk = fakeDesk(stage, locale);
  desk.detail.promises = [promiseView(7, '2026-11-27T12:00:00Z', 'open', 'Soitamme perjantaina')];
  render(App);
  await fireEvent.click(await screen.findByTestId('case-row'));
  await screen.findByTestId('stage-panel');
  return desk;
}

describe('ending a case with a promise still open', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('the close form says which promises to settle first, and withdrawing one needs a reason', async () => {
    const desk = await openCaseWithPromise('root_cause', 'fi-FI');
    await fireEvent.click(screen.getByTestId('next-step'));
    const notice = await screen.findByTestId('open-promises-notice');
    expect(notice.textContent).toContain('Tapauksella on avoimia lupauksia (1)');
    expect(notice.textContent).toContain('Soitamme perjantaina');

    await fireEvent.click(screen.getByTestId('promise-withdraw'));
    await fireEvent.input(screen.getByTestId('withdraw-reason'), { target: { value: 'Asiakas perui valituksen' } });
    const form = screen.getByTestId('withdraw-reason').closest('form') as HTMLFormElement;
    await fireEvent.submit(form);
    await waitFor(() => expect(argsOf(desk, 'withdraw_promise')).toEqual([{ promiseId: 7, reason: 'Asiakas perui valituksen' }]));
    const promise = await screen.findByTestId('withdrawn-reason');
    expect(promise.textContent).toContain('Asiakas perui valituksen');
    await waitFor(() => expect(screen.queryByTestId('open-promises-notice')).toBeNull());
  });

  it('the decline form warns too, in Swedish', async () => {
    await openCaseWithPromise('solving', 'sv-FI');
    await fireEvent.click(screen.getByTestId('action-decline_complaint'));
    const form = await screen.findByTestId('form-decline_complaint');
    expect(within(form).getByTestId('open-promises-notice').textContent).toContain('Ärendet har öppna löften (1)');
  });
});
