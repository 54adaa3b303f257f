import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../App.svelte';
import { argsOf, fakeDesk, type FakeDesk } from '../../test/fake-desk';
import type { Stage } from '../bindings';

async function openCase(stage: Stage, locale = 'en-US'): Promise<FakeDesk> {
  const desk = fakeDesk(stage, locale);
  render(App);
  await fireEvent.click(await screen.findByTestId('case-row'));
  await screen.findByTestId('stage-panel');
  return desk;
}


describe('the case view', () => {
  // Unmount first: components stop listening to events before the mocks go away.
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('opens from the list and shows the stage, the next step and the customer’s words as text', async () => {
    await openCase('intake');
    expect(screen.getByTestId('case-heading').textContent).toBe('Case R-2026-000001');
    expect(screen.getByTestId('stage-now').textContent).toBe('Current stage: Received');
    const current = document.querySelector('[aria-current="step"]');
    expect(current?.textContent).toContain('Received');
    expect(current?.textContent).toContain('current stage');
    expect(screen.getByTestId('next-step').textContent).toBe('Start solving');
    expect(screen.getByTestId('customer-case-count').textContent).toBe('(This customer’s 3 cases)');
    expect(screen.getByTestId('customer-words').textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows the stages as a progress indicator, not as pills that look clickable', async () => {
    await openCase('solving');
    const progress = screen.getByRole('list', { name: 'Progress: stage 2 of 6' });
    const steps = within(progress).getAllByRole('listitem');
    expect(steps).toHaveLength(6);
    expect(progress.classList.contains('progress')).toBe(true);
    expect(within(progress).queryAllByRole('button')).toHaveLength(0);
    expect(steps.every((step) => !step.hasAttribute('tabindex'))).toBe(true);
  });

  it('opens with Enter on a focused row and goes back with Escape', async () => {
    fakeDesk('solving');
    render(App);
    const row = await screen.findByTestId('case-row');
    row.focus();
    await fireEvent.keyDown(row, { key: 'Enter' });
    expect((await screen.findByTestId('stage-now')).textContent).toBe('Current stage: Solving');
    expect(screen.getByTestId('next-step').textContent).toBe('Agree the remedy');
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('case-view')).toBeNull());
    expect(await screen.findByTestId('case-row')).toBeTruthy();
  });

  it('runs the next step and shows the new stage and timeline entry', async () => {
    const desk = await openCase('intake');
    await fireEvent.click(screen.getByTestId('next-step'));
    await waitFor(() => expect(screen.getByTestId('stage-now').textContent).toBe('Current stage: Solving'));
    expect(argsOf(desk, 'act_on_case')).toEqual([{ caseId: 1, command: { kind: 'start_solving' } }]);
    const entries = screen.getAllByTestId('timeline-entry');
    expect(entries.at(-1)?.textContent).toContain('Work on the case started');
    expect(entries.at(-1)?.textContent).toContain('Stage: Received → Solving');
  });

  it('keeps root cause, responsibility and cost locked before delivery, with the reason', async () => {
    await openCase('remedy_agreed');
    const blame = screen.getByTestId('blame-section');
    expect(within(blame).getByTestId('lock-reason').textContent).toContain(
      'Deliver the agreed remedy and tell the customer first; root cause and responsibility come after.',
    );
    const controls = blame.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea');
    expect(controls.length).toBeGreaterThan(0);
    // `:disabled` is what the browser applies: the control's own flag or a disabled fieldset.
    for (const control of controls) expect(control.matches(':disabled')).toBe(true);
    expect(within(blame).queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Record the root cause' })).toBeNull();
  });

  it('says "locked until the remedy is delivered" only while it is not', async () => {
    await openCase('remedy_agreed');
    expect(within(screen.getByTestId('blame-section')).getByTestId('lock-badge').textContent).toBe(
      'Locked until the remedy is delivered',
    );
    cleanup();
    clearMocks();
    await openCase('closed');
    const blame = screen.getByTestId('blame-section');
    expect(within(blame).getByTestId('lock-badge').textContent).toBe('Locked');
    expect(within(blame).getByTestId('lock-reason').textContent).toContain('The case is closed; a lead can reopen it.');
  });

  it('says only "locked" while a declined complaint waits to be told: there is no remedy to deliver', async () => {
    const desk = fakeDesk('remedy_agreed');
    desk.detail = {
      ...desk.detail,
      root_cause_lock: 'Tell the customer about the decline first; root cause and responsibility come after.',
      root_cause_lock_reason: 'lock_tell_decline_first',
    };
    render(App);
    await fireEvent.click(await screen.findByTestId('case-row'));
    const blame = await screen.findByTestId('blame-section');
    expect(within(blame).getByTestId('lock-badge').textContent).toBe('Locked');
    expect(within(blame).getByTestId('lock-reason').textContent).toContain('Tell the customer about the decline first');
  });

  it('opens the blame side once the remedy is delivered', async () => {
    await openCase('remedy_delivered');
    const blame = screen.getByTestId('blame-section');
    expect(within(blame).queryByTestId('lock-reason')).toBeNull();
    expect(screen.getByTestId('next-step').textContent).toBe('Record the root cause');
    await fireEvent.click(screen.getByTestId('next-step'));
    const form = within(blame).getByTestId('form-record_root_cause');
    expect((within(form).getByLabelText('Category') as HTMLSelectElement).disabled).toBe(false);
  });

  it('presets no root cause and no responsibility: the agent chooses, or the form says so', async () => {
    const desk = await openCase('remedy_delivered');
    await fireEvent.click(screen.getByTestId('next-step'));
    const form = screen.getByTestId('form-record_root_cause');
    const category = within(form).getByLabelText('Category') as HTMLSelectElement;
    expect(category.value).toBe('');
    expect(category.selectedOptions[0].textContent).toBe('– choose –');
    await fireEvent.input(within(form).getByLabelText('What caused it'), { target: { value: 'Asennusohje puuttui' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Choose one before saving.');
    expect(category.getAttribute('aria-invalid')).toBe('true');
    expect(argsOf(desk, 'act_on_case')).toEqual([]);

    await fireEvent.click(screen.getByTestId('action-assign_responsibility'));
    const party = within(screen.getByTestId('form-assign_responsibility')).getByLabelText('Responsible party') as HTMLSelectElement;
    expect(party.value).toBe('');
  });

  it('says why the blame side is locked in the person’s language', async () => {
    await openCase('remedy_agreed', 'sv-FI');
    expect(within(screen.getByTestId('blame-section')).getByTestId('lock-reason').textContent).toContain(
      'Leverera den överenskomna gottgörelsen och meddela kunden först; grundorsak och ansvar kommer sedan.',
    );
  });

  it('shows a remedy_first refusal as a sentence next to the form, with what to do first', async () => {
    const desk = await openCase('remedy_delivered');
    await fireEvent.click(screen.getByTestId('next-step'));
    const form = screen.getByTestId('form-record_root_cause');
    await fireEvent.input(within(form).getByLabelText('What caused it'), { target: { value: 'Asennusohje puuttui' } });
    await fireEvent.change(within(form).getByLabelText('Category'), { target: { value: 'communication' } });
    desk.failNextAct = {
      code: 'remedy_first',
      message: "Agree and deliver the customer's remedy first; root cause and responsibility come after.",
      field: null,
      reason: 'lock_agree_and_deliver_first',
    };
    await fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const alert = await within(form).findByRole('alert');
    // Said once: the reason already says "first", so the code's "Solve first" is not added.
    expect(alert.textContent).toBe('Agree and deliver the customer’s remedy first; root cause and responsibility come after.');
    expect(screen.getAllByText(/root cause and responsibility come after/)).toHaveLength(1);
    expect((within(form).getByLabelText('What caused it') as HTMLTextAreaElement).value).toBe('Asennusohje puuttui');
  });

  it('shows the Finnish sentence for a refusal in a Finnish UI', async () => {
    const desk = await openCase('solving', 'fi-FI');
    await fireEvent.click(screen.getByTestId('next-step'));
    const form = screen.getByTestId('form-agree_remedy');
    desk.failNextAct = {
      code: 'lead_only',
      message: 'Only a lead can decide on compensation above the agent’s limit.',
      field: null,
      reason: 'lead_decides_compensation',
    };
    await fireEvent.click(within(form).getByRole('button', { name: 'Tallenna' }));
    // All Finnish: the back end's English sentence is not shown when the reason has words.
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Vain tiiminvetäjä voi päättää korvauksesta, joka ylittää asiakaspalvelijan rajan.',
    );
  });

  it('checks a euro amount typed with a decimal comma before sending it', async () => {
    const desk = await openCase('solving');
    await fireEvent.click(screen.getByTestId('action-propose_compensation'));
    const form = screen.getByTestId('form-propose_compensation');
    const amount = within(form).getByLabelText(/^Amount in euros/);
    await fireEvent.input(amount, { target: { value: '25,505' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert').textContent).toBe('Use at most two decimals (cents), e.g. 25,50.');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(argsOf(desk, 'act_on_case')).toEqual([]);
  });

  it('makes a promise with a suggested due time', async () => {
    const desk = await openCase('solving');
    const panel = screen.getByTestId('promises-panel');
    expect(within(panel).getByText('No promises on this case yet.')).toBeTruthy();
    await fireEvent.click(within(panel).getByTestId('make-promise-open'));
    const form = within(panel).getByTestId('make-promise');
    await fireEvent.input(within(form).getByLabelText('What we promise, in the words the customer heard'), {
      target: { value: 'Huoltoliike soittaa ja sopii käyntiajan' },
    });
    await fireEvent.click(within(form).getByRole('button', { name: 'Next business day' }));
    await waitFor(() => expect(within(form).getByTestId('due-chosen').textContent).toBe('Tue 24 Nov at 10:00'));
    expect(argsOf(desk, 'suggest_due')).toEqual([{ within: { days: 1 } }]);
    const owner = within(form).getByTestId('promise-owner') as HTMLSelectElement;
    await waitFor(() => expect([...owner.options].map((option) => option.value)).toContain('Leena'));
    expect(owner.value).toBe('Aino');
    expect(owner.tagName).toBe('SELECT');
    await fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(argsOf(desk, 'make_promise')).toEqual([
        {
          caseId: 1,
          promise: { text: 'Huoltoliike soittaa ja sopii käyntiajan', channel: 'call', due_at: '2026-11-24T08:00:00Z', owner: 'Aino', outside_hours_confirmed: false },
        },
      ]),
    );
    const promise = await within(panel).findByTestId('promise');
    expect(promise.textContent).toContain('Open');
    expect(promise.textContent).toContain('Due 24/11/2026, 10:00');
    expect(promise.textContent).toContain('Huoltoliike soittaa ja sopii käyntiajan');
  });

  it('says so when the case does not exist', async () => {
    const desk = fakeDesk('intake');
    desk.detail.summary.id = 2;
    render(App);
    await fireEvent.click(await screen.findByTestId('case-row'));
    expect((await screen.findByTestId('case-error')).textContent).toBe(
      'It was not found. It may have been removed; go back to the list and try again.',
    );
  });
});
