#!/usr/bin/env node
// The `kubelab` command. The CLI is TypeScript run through tsx, so `npx kubelab …` works straight
// after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/index.ts');
