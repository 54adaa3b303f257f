import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The built front end is embedded into the Rust binary from `dist/`; no dev server is needed.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  build: { target: 'safari15', outDir: 'dist', emptyOutDir: true },
  // A generous timeout: a loaded CI machine is slow, and speed is measured in benchmarks, not here.
  test: { environment: 'jsdom', include: ['src/**/*.test.ts'], testTimeout: 30_000 },
  // Tests mount components in jsdom, so they need Svelte's browser build.
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
}));
