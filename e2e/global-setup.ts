// Runs once before the suite: says out loud which projects cannot run on this machine.
import type { FullConfig } from '@playwright/test';
import { electronRuntime } from './electron-runtime.ts';

export default async function globalSetup(config: FullConfig): Promise<void> {
  const wantsElectron = config.projects.some((project) => project.name === 'electron');
  if (!wantsElectron) return;
  const runtime = await electronRuntime();
  if ('skipReason' in runtime) console.log(`[e2e] electron project skipped: ${runtime.skipReason}`);
  else console.log(`[e2e] electron project runs ${runtime.binary}`);
}
