import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempKubelabHome } from '../test-home.ts';
import {
  DEFAULT_PULL_THROUGH,
  pullThroughUpstream,
  readPullThrough,
  upstreamAnswers,
  writePullThrough,
} from './pull-through-setting.ts';

const yes = (): Promise<boolean> => Promise.resolve(true);
const no = (): Promise<boolean> => Promise.resolve(false);

describe('which upstream a starting lab proxies', () => {
  it('auto: the upstream when it answers, none (and why) when it does not', async () => {
    expect(await pullThroughUpstream(DEFAULT_PULL_THROUGH, yes)).toEqual({
      upstream: 'https://registry-1.docker.io',
      why: 'https://registry-1.docker.io answers',
    });
    expect(await pullThroughUpstream(DEFAULT_PULL_THROUGH, no)).toEqual({
      upstream: null,
      why: 'https://registry-1.docker.io does not answer (offline): images not in the lab registry fail at once',
    });
  });

  it('on and off do not ask', async () => {
    const asked: string[] = [];
    const ask = (url: string): Promise<boolean> => (asked.push(url), Promise.resolve(false));
    expect((await pullThroughUpstream({ ...DEFAULT_PULL_THROUGH, mode: 'on' }, ask)).upstream).toBe(
      DEFAULT_PULL_THROUGH.upstream,
    );
    expect(
      (await pullThroughUpstream({ ...DEFAULT_PULL_THROUGH, mode: 'off' }, ask)).upstream,
    ).toBeNull();
    expect(asked).toEqual([]);
  });
});

describe('whether an upstream answers (a real HTTP server on loopback)', () => {
  let server: ReturnType<typeof createServer>;
  let answer: { status: number; api: boolean };
  let url: string;
  beforeEach(async () => {
    server = createServer((_request, response) => {
      if (answer.api) response.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
      response.writeHead(answer.status).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('yes for a registry API, open or asking for a token', async () => {
    answer = { status: 200, api: true };
    expect(await upstreamAnswers(url)).toBe(true);
    answer = { status: 401, api: true };
    expect(await upstreamAnswers(url)).toBe(true);
  });

  it('no for any other HTTP answer (an intercepting proxy answers every address), or none', async () => {
    answer = { status: 404, api: false };
    expect(await upstreamAnswers(url)).toBe(false);
    answer = { status: 200, api: false };
    expect(await upstreamAnswers(url)).toBe(false);
    answer = { status: 503, api: true };
    expect(await upstreamAnswers(url)).toBe(false);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    expect(await upstreamAnswers('http://127.0.0.1:1')).toBe(false);
  });
});

describe('the setting on disk', () => {
  const home = useTempKubelabHome('kubelab-pull-through');

  it('is auto with Docker Hub until written, and reads back what was written', async () => {
    expect(await readPullThrough()).toEqual(DEFAULT_PULL_THROUGH);
    await writePullThrough({ mode: 'on', upstream: 'http://10.100.0.4:5000' });
    expect(await readPullThrough()).toEqual({ mode: 'on', upstream: 'http://10.100.0.4:5000' });
  });

  it('a damaged file reads as the default; a bad value is never written', async () => {
    await writeFile(join(home(), 'pull-through.json'), '{"mode": "sometimes"');
    expect(await readPullThrough()).toEqual(DEFAULT_PULL_THROUGH);
    await expect(writePullThrough({ mode: 'on', upstream: 'ftp://x' })).rejects.toThrow();
  });
});
