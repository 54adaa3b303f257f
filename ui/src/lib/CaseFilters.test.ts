import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import App from '../App.svelte';

describe('the case list filters', () => {
  afterEach(() => {
    cleanup();
    clearMocks();
  });

  it('sends the chosen view, my name for "only mine", the search and the order', async () => {
    const filters: Record<string, unknown>[] = [];
    mockIPC((command, args) => {
      const payload = args as Record<string, unknown>;
      switch (command) {
        case 'app_info':
          return { version: '0.1.0', db_path: '/tmp/x.db', locale: 'fi-FI', person: 'Aino' };
        case 'current_person':
          return { name: 'Aino', role: 'agent' };
        case 'browse_cases':
          filters.push(payload.filter as Record<string, unknown>);
          return [];
        case 'due_promises':
        case 'list_people':
          return [];
        default:
          return null;
      }
    });
    render(App);
    await waitFor(() => expect(filters.length).toBeGreaterThan(0));
    expect(filters[0]).toMatchObject({ view: 'all', owner: null, search: null, sort: 'newest' });

    await fireEvent.change(screen.getByTestId('filter-view'), { target: { value: 'overdue' } });
    await waitFor(() => expect(filters.at(-1)).toMatchObject({ view: 'overdue' }));
    await fireEvent.click(screen.getByTestId('filter-mine'));
    await waitFor(() => expect(filters.at(-1)).toMatchObject({ view: 'overdue', owner: 'Aino' }));
    await fireEvent.input(screen.getByTestId('filter-search'), { target: { value: 'laskutus' } });
    await waitFor(() => expect(filters.at(-1)).toMatchObject({ search: 'laskutus' }), { timeout: 2000 });
    expect(screen.getByLabelText('Näytä')).toBeTruthy();
  });
});
