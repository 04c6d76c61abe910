// ESLint flat config: strict typed rules for the Node side and the renderer alike.
import { join } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { layerImportConfigs } from './main/layers.js';

// The renderer runs in a browser page (Electron's renderer has no Node integration either), so a
// Node global there would work in no-one's window: it gets the browser's globals only, and the
// Node-only names are refused by name too, because typescript-eslint turns no-undef off in .ts.
const nodeOnlyGlobals = Object.keys(globals.node).filter((name) => !(name in globals.browser));

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'lab-images/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    ignores: ['renderer/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...nodeOnlyGlobals.map((name) => ({
          name,
          message: 'The renderer is a browser page: no Node globals (ask the main process).',
        })),
      ],
    },
  },
  // Upward imports between the layers of main/ fail the lint (the layers: main/layers.js).
  ...layerImportConfigs(join(import.meta.dirname, 'main')),
  {
    // e2e drives kubelab from outside, as a learner does (UI, CLI, the typed contract), so a spec
    // importing main/ internals tests a private detail.
    files: ['e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+main/(?!api/(?:contract\\.ts$|schemas/))',
              caseSensitive: true,
              message:
                'e2e may import only the contract (main/api/contract.ts, main/api/schemas/) of main/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    rules: { '@typescript-eslint/explicit-function-return-type': 'off' },
  },
  {
    files: ['*.config.js', '*.config.ts', 'main/layers.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Plain JavaScript states its return types in JSDoc, which this rule cannot read.
    files: ['main/layers.js'],
    rules: { '@typescript-eslint/explicit-function-return-type': 'off' },
  },
);
