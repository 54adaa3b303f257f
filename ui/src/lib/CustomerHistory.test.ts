import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import CustomerHistory from './CustomerHistory.svelte';
import type { CaseSummary } from './bindings';
import { promiseView } from '../test/fake-data';
import { speak } from '../test/speak';

function caseOn(id: number, reference: string, received_at: string): CaseSummary {
  return {
    id,
    reference,
    received_at,
    customer_name: 'Maija Meikäläinen',
    channel: 'phone',
    priority: 'normal',
    stage: 'intake',
    owner: 'Aino',
    summary: 'Pesukone vuotaa',
    next_promise_due: null,
    next_promise_soon_from: null,
  };
}

describe('a returning customer’s history in a team', () => {
  afterEach(() => cleanup());

  it('tells apart two desks’ cases of the same number by the other desk’s code', () => {
    speak('fi');
    // As the store sends them: desk B's first case and this desk's own first case.
    const onB = caseOn(2, 'R-2026-000001/B', '2026-11-02T08:00:00Z');
    const own = caseOn(1, 'R-2026-000001', '2026-11-01T08:00:00Z');
    const promise = { ...promiseView(5, '2026-11-24T12:00:00Z', 'open', 'Soitamme torstaina', 2), case_reference: 'R-2026-000001/B' };
    render(CustomerHistory, { history: { cases: [onB, own], open_promises: [promise] } });
    const references = screen.getAllByTestId('history-reference').map((cell) => cell.textContent);
    expect(references).toEqual(['R-2026-000001/B', 'R-2026-000001']);
    expect(new Set(references).size, 'each case named apart').toBe(2);
    expect(screen.getByTestId('history-open-promise').textContent).toContain('Avoin lupaus (R-2026-000001/B), erääntyy');
  });
});
