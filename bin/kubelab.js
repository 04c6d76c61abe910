#!/usr/bin/env node
// The `kubelab` command. It runs a cached esbuild bundle of the CLI (see cli-bundle.js) and
// falls back to the TypeScript sources through tsx, so `npx kubelab …` works straight after
// `npm install` with no build step. KUBELAB_CLI_TSX=1 forces the sources (for debugging).
import { pathToFileURL } from 'node:url';
import { cliBundle } from './cli-bundle.js';

const entry = process.env.KUBELAB_CLI_TSX === '1' ? null : await cliBundle();
if (entry) {
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/cli/index.ts');
}
