import { describe, expect, it } from 'vitest';
import { imagesToCarry, namesTheLabServes, requireOwnNames } from './create.ts';

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

describe('the lab images a bundle carries', () => {
  it('add the registry image when added images ride along (load pushes them through it)', () => {
    expect(imagesToCarry(['busybox'], 1)).toEqual(['busybox', 'registry']);
    expect(imagesToCarry(['registry', 'busybox'], 2)).toEqual(['registry', 'busybox']);
  });

  it('are as asked without added images', () => {
    expect(imagesToCarry(['busybox'], 0)).toEqual(['busybox']);
  });
});
