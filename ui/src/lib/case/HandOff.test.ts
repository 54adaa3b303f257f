import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../App.svelte';
import { argsOf, fakeDesk } from '../../test/fake-desk';

describe('the hand-off form', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('warns when the person was deactivated meanwhile and hands over once the sender confirms', async () => {
    const desk = fakeDesk('solving');
    render(App);
    await fireEvent.click(await screen.findByTestId('case-row'));
    await fireEvent.click(await screen.findByTestId('action-hand_off'));
    const form = screen.getByTestId('form-hand_off');
    await within(form).findByRole('option', { name: 'Mikko' });
    await fireEvent.change(within(form).getByTestId('hand-off-to'), { target: { value: 'Mikko' } });
    await fireEvent.input(within(form).getByLabelText('Note for the next person'), { target: { value: 'Varaosa tilattu' } });
    await fireEvent.input(within(form).getByLabelText('What the customer was told'), { target: { value: 'Mikko soittaa' } });
    expect(within(form).queryByTestId('hand-off-away-confirmed')).toBeNull();

    desk.failNextAct = {
      code: 'invalid_input',
      message: 'Mikko has been deactivated and may never see this case.',
      field: 'to',
      reason: 'hand_off_person_away',
      params: { name: 'Mikko' },
    };
    await fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Mikko has been deactivated');
    const confirm = within(form).getByTestId('hand-off-away-confirmed') as HTMLInputElement;
    await fireEvent.click(confirm);
    await fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(argsOf(desk, 'act_on_case')).toHaveLength(2));
    const [first, second] = argsOf(desk, 'act_on_case');
    expect(first).not.toHaveProperty('awayConfirmed');
    expect(second).toMatchObject({ caseId: 1, awayConfirmed: true, command: { kind: 'hand_off', to: 'Mikko' } });
  });
});
