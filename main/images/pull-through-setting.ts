// Whether labs pull images they do not hold through a caching proxy of an upstream registry
// (docker.io by default) — `kubelab images pull-through`. One setting per machine, kept in
// $KUBELAB_HOME/pull-through.json: `auto` (the default) uses the proxy when the upstream
// answers at the lab's start, so an online machine runs `kubectl run x --image=redis` as a real
// cluster would, and an offline one fails such a pull at once; `on` always, `off` never.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { fetchWithin } from '../abort-after.ts';
import { kubelabHome } from '../paths.ts';
import { writeFileAtomically } from '../write-atomically.ts';

/** Docker Hub's registry API: where docker.io pulls go (a `docker.io/…` name is its image). */
export const DOCKER_HUB = 'https://registry-1.docker.io';

export const PullThroughSettingSchema = z
  .object({
    mode: z.enum(['auto', 'on', 'off']),
    /** The registry the proxy asks (http or https, no path): docker.io's by default. */
    upstream: z.url({ protocol: /^https?$/ }),
  })
  .strict();
export type PullThroughSetting = z.infer<typeof PullThroughSettingSchema>;

export const DEFAULT_PULL_THROUGH: PullThroughSetting = { mode: 'auto', upstream: DOCKER_HUB };

const settingFile = (): string => join(kubelabHome(), 'pull-through.json');

/** The setting; a missing or damaged file is the default (auto, Docker Hub). */
export async function readPullThrough(): Promise<PullThroughSetting> {
  try {
    const parsed = PullThroughSettingSchema.safeParse(
      JSON.parse(await readFile(settingFile(), 'utf8')),
    );
    return parsed.success ? parsed.data : DEFAULT_PULL_THROUGH;
  } catch {
    return DEFAULT_PULL_THROUGH;
  }
}

export async function writePullThrough(setting: PullThroughSetting): Promise<void> {
  await writeFileAtomically(
    settingFile(),
    `${JSON.stringify(PullThroughSettingSchema.parse(setting), null, 2)}\n`,
    'the pull-through setting',
  );
}

/**
 * Whether a registry API answers there: its /v2/ says so in Distribution's version header, with
 * 200 or 401 (Docker Hub asks for a token) — not any HTTP answer, since networks that intercept
 * traffic answer every address.
 */
export async function upstreamAnswers(upstream: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    const response = await fetchWithin(`${upstream.replace(/\/+$/, '')}/v2/`, timeoutMs);
    await response.body?.cancel();
    const api = response.headers.get('docker-distribution-api-version') ?? '';
    return api.startsWith('registry/2') && (response.ok || response.status === 401);
  } catch {
    return false;
  }
}

/** The upstream a lab starting now proxies, or null for none (and why, for its progress). */
export async function pullThroughUpstream(
  setting: PullThroughSetting,
  answers: (upstream: string) => Promise<boolean> = upstreamAnswers,
): Promise<{ upstream: string | null; why: string }> {
  if (setting.mode === 'off') return { upstream: null, why: 'pull-through is off' };
  if (setting.mode === 'on') return { upstream: setting.upstream, why: 'pull-through is on' };
  return (await answers(setting.upstream))
    ? { upstream: setting.upstream, why: `${setting.upstream} answers` }
    : {
        upstream: null,
        why: `${setting.upstream} does not answer (offline): images not in the lab registry fail at once`,
      };
}
