// The app's settings on disk ($KUBELAB_HOME/settings.json): read with defaults for anything
// missing or damaged (a bad file never stops the app), written whole and atomically.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppSettingsSchema, DEFAULT_APP_SETTINGS } from '../api/schemas/settings.ts';
import type { AppSettings } from '../api/schemas/settings.ts';
import { kubelabHome } from '../paths.ts';
import { writeFileAtomically } from '../write-atomically.ts';

const settingsFile = (): string => join(kubelabHome(), 'settings.json');

export async function readAppSettings(): Promise<AppSettings> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(settingsFile(), 'utf8'));
  } catch {
    return DEFAULT_APP_SETTINGS;
  }
  // Setting by setting: one bad value keeps the others.
  const merged: Record<string, unknown> = { ...DEFAULT_APP_SETTINGS };
  if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw)) {
      const field = AppSettingsSchema.shape[key as keyof AppSettings];
      if (field?.safeParse(value).success) merged[key] = value;
    }
  }
  return AppSettingsSchema.parse(merged);
}

export async function saveAppSettings(change: Partial<AppSettings>): Promise<AppSettings> {
  const next = AppSettingsSchema.parse({ ...(await readAppSettings()), ...change });
  await writeFileAtomically(
    settingsFile(),
    `${JSON.stringify(next, null, 2)}\n`,
    'the app settings',
  );
  return next;
}
