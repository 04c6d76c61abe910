// Three projects: `unit` (pure, fast, no engine), `component` (the renderer's Svelte components
// and helpers in jsdom with @testing-library/svelte; every renderer/**/*.test.ts) and
// `integration` (real Docker engine, real cluster; files named *.int.test.ts). Run one alone with
// `vitest run --project NAME`.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

export default defineConfig({
  test: {
    retry: 0,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['main/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        // Svelte's browser build (not its SSR build) so components mount; the DOM is cleaned
        // after each test by svelteTesting's setup file.
        plugins: [svelte({ configFile: './svelte.config.js' }), svelteTesting()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'component',
          include: ['renderer/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'jsdom',
          setupFiles: ['renderer/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['main/**/*.int.test.ts', 'lab-images/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 20 * 60_000,
          hookTimeout: 30 * 60_000,
          // One engine, one machine: integration files run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
