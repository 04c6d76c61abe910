import { describe, expect, it } from 'vitest';
import { scanLiveValues } from '../templates.ts';
import { describeRewrites, neutraliseLiveValues, rewrite } from './rewrite.ts';

describe('rewrite', () => {
  it('moves Killercoda’s home to the learner home, in commands and in prose', () => {
    const shell = rewrite(
      'kubectl apply -f /root/web.yaml\ncd /root && ls ~/app ~\ncat "/root"',
      'shell',
    );
    expect(shell.text).toBe(
      'kubectl apply -f /home/learner/web.yaml\ncd /home/learner && ls /home/learner/app /home/learner\ncat "/home/learner"',
    );
    expect(describeRewrites(shell.counts)).toBe(
      '/root → /home/learner (3×), ~/ → /home/learner/, ~ → /home/learner',
    );
    expect(rewrite('The file /root/web.yaml, about ~5 minutes.', 'text').text).toBe(
      'The file /home/learner/web.yaml, about ~5 minutes.',
    );
  });

  it('leaves kubectl’s config, other roots and YAML’s ~ alone', () => {
    const text = 'cat /root/.kube/config ~/.kube/config /host/root/x /rootfs ~user';
    expect(rewrite(text, 'shell').text).toBe(text);
    expect(rewrite('key: ~\npath: ~/x', 'text').text).toBe('key: ~\npath: ~/x');
  });

  it('renames Killercoda’s hosts to kubelab’s nodes, but not inside other names', () => {
    const result = rewrite(
      'nodeName: node01\nssh controlplane; node02.\nnode01-answer.html /data/node01',
      'text',
    );
    expect(result.text).toBe(
      'nodeName: worker1\nssh control-plane; worker2.\nnode01-answer.html /data/node01',
    );
    expect(describeRewrites(result.counts)).toBe(
      'controlplane → control-plane, node01 → worker1, node02 → worker2',
    );
  });

  it('counts nothing when nothing changed', () => {
    expect(rewrite('kubectl get pods', 'shell').counts.size).toBe(0);
  });
});

describe('neutraliseLiveValues', () => {
  it('escapes only what kubelab would read as a live value, and the result reads as none', () => {
    const markdown =
      'IP {{pod:web.ip}}, {{ node:x.ip }}; Go {{.Name}} and {{TRAFFIC_HOST1_80}} stay.';
    const { text, escaped } = neutraliseLiveValues(markdown);
    expect(text).toBe(
      'IP {\\{pod:web.ip}}, {\\{ node:x.ip }}; Go {{.Name}} and {{TRAFFIC_HOST1_80}} stay.',
    );
    expect(escaped).toBe(2);
    expect(scanLiveValues(text)).toEqual({ refs: [], errors: [] });
  });
});
