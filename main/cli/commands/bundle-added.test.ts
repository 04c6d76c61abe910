import { describe, expect, it } from 'vitest';
import type { AddedImage } from '../../images/added.ts';
import { chosenAddedImages } from './bundle.ts';

const image = (name: string): AddedImage => ({
  name,
  host: name.split('/')[0]!,
  path: name,
  tag: '1.0',
  digest: 'sha256:a',
  source: 'x',
  addedAt: '2026-12-03T00:00:00.000Z',
});
const recorded = [image('example.org/team/tool:1.0'), image('docker.io/library/redis:7')];

describe('bundle create --added', () => {
  it('carries every added image by default and with "all", none with "none"', () => {
    expect(chosenAddedImages(undefined, recorded)).toEqual(recorded);
    expect(chosenAddedImages('all', recorded)).toEqual(recorded);
    expect(chosenAddedImages('none', recorded)).toEqual([]);
  });

  it('takes names as the learner wrote them when adding (redis:7 is docker.io/library/redis:7)', () => {
    expect(chosenAddedImages('redis:7', recorded)).toEqual([recorded[1]]);
  });

  it('names what was never added, and what was', () => {
    expect(() => chosenAddedImages('postgres:16', recorded)).toThrow(
      '--added: postgres:16 was not added (added: example.org/team/tool:1.0, docker.io/library/redis:7)',
    );
  });
});
