// Two projects: `unit` (pure, fast, no engine) and `integration` (real Docker engine, real
// cluster; files named *.int.test.ts). Run one alone with `vitest run --project NAME`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    retry: 0,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['main/**/*.test.ts', 'renderer/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
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
