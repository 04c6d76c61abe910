import { describe, expect, it } from 'vitest';
import { addedHosts } from '../images/added.ts';
import type { AddedImage } from '../images/added.ts';
import { mirrorHostsToml } from './registry-mirrors.ts';

describe('mirror entries for added images', () => {
  it("send a host's pulls to its folder in the lab registry, and nowhere else", () => {
    const toml = mirrorHostsToml('localhost:5000');
    expect(toml).toContain('server = "http://registry.kubelab:5000/v2/localhost_5000"');
    expect(toml).toContain('[host."http://registry.kubelab:5000/v2/localhost_5000"]');
    expect(toml.match(/override_path = true/g)).toHaveLength(2);
    expect(toml).toContain('capabilities = ["pull", "resolve"]');
  });

  it('are needed for every host but docker.io (its entry ships in the node image)', () => {
    const image = (host: string): AddedImage => ({
      name: `${host}/x:1`,
      host,
      path: 'x',
      tag: '1',
      digest: 'sha256:0',
      source: 'x',
      addedAt: '',
    });
    expect(
      addedHosts([image('docker.io'), image('b.org'), image('a.org'), image('b.org')]),
    ).toEqual(['a.org', 'b.org']);
  });
});
