import { describe, expect, it } from 'vitest';
import { pickFreeSubnetIndex } from './subnet-pick.ts';

describe('pickFreeSubnetIndex', () => {
  it('takes the lowest index when nothing is in use', () => {
    expect(pickFreeSubnetIndex('a', { networks: [], routes: [] })).toBe(0);
  });

  it("skips other labs' subnets on this engine", () => {
    const networks = [
      { lab: 'b', subnet: '10.100.0.0/24' },
      { lab: 'c', subnet: '10.100.1.0/24' },
    ];
    expect(pickFreeSubnetIndex('a', { networks, routes: [] })).toBe(2);
  });

  it('skips subnets the host routes elsewhere (a second engine on the same host)', () => {
    const routes = [
      { iface: 'docker0', cidr: '172.17.0.0/16' },
      { iface: 'br-aaaaaaaaaaaa', cidr: '10.100.0.0/24' },
    ];
    expect(pickFreeSubnetIndex('a', { networks: [], routes })).toBe(1);
  });

  it("does not count the lab's own network or its route as taken", () => {
    const networks = [{ lab: 'a', subnet: '10.100.0.0/24' }];
    const routes = [{ iface: 'br-aaaaaaaaaaaa', cidr: '10.100.0.0/24' }];
    expect(pickFreeSubnetIndex('a', { networks, routes })).toBe(0);
  });

  it('ignores routes that are not lab subnets', () => {
    const routes = [{ iface: 'tun0', cidr: '10.100.0.0/16' }];
    expect(pickFreeSubnetIndex('a', { networks: [], routes })).toBe(0);
  });
});
