import { describe, expect, it } from 'vitest';
import { labConfig } from './config.ts';
import { dockerIoHostsToml, pullThroughIp } from './pull-through.ts';

describe("docker.io's entry in the nodes", () => {
  it('without a cache: the lab registry only, and it says why', () => {
    const entry = dockerIoHostsToml(false);
    expect(entry).toContain('server = "http://registry.kubelab:5000"');
    expect(entry.match(/\[host\./g)).toHaveLength(1);
    expect(entry).toContain('kubelab images pull-through');
  });

  it('with one: the lab registry first (its own and added images win), then the cache', () => {
    const entry = dockerIoHostsToml(true);
    const lab = entry.indexOf('[host."http://registry.kubelab:5000"]');
    const cache = entry.indexOf('[host."http://pull-through.kubelab:5000"]');
    expect(lab).toBeGreaterThan(-1);
    expect(cache).toBeGreaterThan(lab);
  });
});

it("the cache's address is .3 of the lab network, beside the registry's .2", () => {
  expect(pullThroughIp(labConfig('a', 1, 7))).toBe('10.100.7.3');
});
