// kubelab's own version (package.json), for every layer that records it: bundles, about box, CLI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from './paths.ts';

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
