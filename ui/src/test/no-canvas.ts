import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';

/**
 * For a `describe` whose views draw charts. jsdom has no canvas, so the charts draw nothing
 * and the tables below them must carry the numbers. Each test starts with nothing rendered
 * and no IPC mock left over.
 */
export function chartsDrawNothing(): void {
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => {
    cleanup();
    clearMocks();
    vi.restoreAllMocks();
  });
}
