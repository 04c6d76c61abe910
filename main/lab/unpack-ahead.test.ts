import { describe, expect, it } from 'vitest';
import { componentRef as ref } from '../images/catalog.ts';
import { unpackAheadImages, unpackAheadScript } from './unpack-ahead.ts';

describe('unpackAheadImages', () => {
  it('gives the control plane its static pods first, then the add-ons that start there', () => {
    const refs = unpackAheadImages('control-plane');
    expect(refs.slice(0, 5)).toEqual(
      ['pause', 'etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map(ref),
    );
    expect(refs.indexOf(ref('kube-proxy'))).toBeLessThan(refs.indexOf(ref('coredns')));
  });

  it('gives a worker only the DaemonSets every node runs, so its disk does not grow', () => {
    expect(unpackAheadImages('worker')).toEqual(['pause', 'kube-proxy', 'kube-router'].map(ref));
  });
});

describe('unpackAheadScript', () => {
  it('mounts and removes each image in order in one scratch folder', () => {
    const script = unpackAheadScript(['a:1', 'b:2']).split('\n');
    expect(script[0]).toMatch(/^dir=\$\(mktemp -d /);
    expect(script[1]).toContain('images mount \'a:1\' "$dir"');
    expect(script[1]).toContain('images unmount --rm "$dir"');
    expect(script[2]).toContain("'b:2'");
    expect(script.at(-1)).toBe('rmdir "$dir"');
  });
});
