import { describe, expect, it } from 'vitest';
import { namesTheLabServes, requireOwnNames } from './create.ts';

describe('names an added image may not carry in a bundle', () => {
  it('are the docker.io names the lab serves its own workload images under', () => {
    expect(
      namesTheLabServes([
        'docker.io/library/busybox:latest',
        'docker.io/library/nginx:latest',
        'example.org/team/tool:1.0',
        'docker.io/library/redis:7',
      ]),
    ).toEqual(['docker.io/library/busybox:latest', 'docker.io/library/nginx:latest']);
  });

  it('are refused at create, with the way to add it under a name of its own', () => {
    expect(() => requireOwnNames([{ name: 'docker.io/library/busybox:latest' }])).toThrow(
      /cannot carry docker\.io\/library\/busybox:latest: the lab serves its own image under that name/,
    );
    expect(() => requireOwnNames([{ name: 'example.org/team/tool:1.0' }])).not.toThrow();
  });
});
