import { describe, expect, it } from 'vitest';
import { hostFolder, labRegistryPath, parseImageRef } from './reference.ts';

describe('parseImageRef', () => {
  it('reads names as docker pull does', () => {
    expect(parseImageRef('redis')).toEqual({
      host: 'docker.io',
      repository: 'library/redis',
      tag: 'latest',
      full: 'docker.io/library/redis:latest',
    });
    expect(parseImageRef('bitnami/redis:7.2').full).toBe('docker.io/bitnami/redis:7.2');
    expect(parseImageRef('example.org/team/tool:1.0')).toMatchObject({
      host: 'example.org',
      repository: 'team/tool',
      tag: '1.0',
    });
    expect(parseImageRef('localhost:5000/tool').full).toBe('localhost:5000/tool:latest');
    expect(parseImageRef('index.docker.io/library/nginx:1.27').full).toBe(
      'docker.io/library/nginx:1.27',
    );
  });

  it('refuses what no registry would serve, saying why', () => {
    expect(() => parseImageRef('')).toThrow(/empty/);
    expect(() => parseImageRef('nginx@sha256:abc')).toThrow(/digest/);
    expect(() => parseImageRef('Team/Tool:1')).toThrow(/"Team" is not a path part/);
    expect(() => parseImageRef('tool:bad tag')).toThrow(/not a tag/);
  });
});

describe('where the lab registry keeps an image', () => {
  it('docker.io under its own path, other hosts in a folder of their own', () => {
    expect(labRegistryPath(parseImageRef('nginx'))).toBe('library/nginx');
    expect(labRegistryPath(parseImageRef('example.org/team/tool:1.0'))).toBe(
      'example.org/team/tool',
    );
    expect(hostFolder('localhost:5000')).toBe('localhost_5000');
    expect(labRegistryPath(parseImageRef('localhost:5000/team/tool'))).toBe(
      'localhost_5000/team/tool',
    );
  });
});
