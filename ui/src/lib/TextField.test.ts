import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import Harness from '../test/TextFieldHarness.svelte';
import { Submission } from './case/submission.svelte';
import { speak } from '../test/speak';

describe('TextField', () => {
  afterEach(cleanup);

  it.each(['text', 'email', 'tel', 'password', 'multiline'] as const)('ties its label to the %s input and keeps the name', (type) => {
    speak('en');
    render(Harness, { props: { type } });
    const input = screen.getByLabelText('Customer name') as HTMLInputElement | HTMLTextAreaElement;
    expect(input.tagName).toBe(type === 'multiline' ? 'TEXTAREA' : 'INPUT');
    if (type !== 'multiline') expect(input.getAttribute('type')).toBe(type);
    expect(input.getAttribute('name')).toBe('customer_name');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });

  it.each(['text', 'multiline'] as const)('binds the value both ways (%s)', async (type) => {
    render(Harness, { props: { type } });
    const input = screen.getByLabelText('Customer name') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: 'Maija' } });
    expect(screen.getByTestId('bound').textContent).toBe('"Maija"');
    await fireEvent.click(screen.getByRole('button', { name: 'Fill' }));
    expect(input.value).toBe('Set by the form');
  });

  it('binds a number field as a number', async () => {
    render(Harness, { props: { type: 'number' } });
    await fireEvent.input(screen.getByLabelText('Customer name'), { target: { value: '42' } });
    expect(screen.getByTestId('bound').textContent).toBe('42');
  });

  it('shows the submission error for its field, announced and described, and only that one', async () => {
    speak('en');
    const submission = new Submission();
    render(Harness, { props: { submission, field: 'customer.name', hint: 'As on the receipt' } });
    const input = screen.getByLabelText('Customer name');
    const hint = screen.getByText('As on the receipt');
    expect(input.getAttribute('aria-describedby')).toBe(hint.id);

    submission.refuse('customer.email', 'Check the e-mail address.');
    await Promise.resolve();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('false');

    submission.refuse('customer.name', 'Type the customer’s name.');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Type the customer’s name.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toEqual([hint.id, alert.id]);
  });

  it.each([
    ['fi', '(pakollinen)'],
    ['sv', '(obligatoriskt)'],
    ['en', '(required)'],
  ] as const)('marks a required field in words and for assistive technology, named once (%s)', (language, mark) => {
    speak(language);
    const { container } = render(Harness, { props: { required: true } });
    const input = screen.getByLabelText('Customer name');
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(container.querySelector('.required-mark')?.textContent?.trim()).toBe(mark);
  });
});
