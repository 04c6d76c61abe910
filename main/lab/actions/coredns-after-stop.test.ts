import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { reloadIfNotReadyScript } from './coredns-after-stop.ts';

describe('reloadIfNotReadyScript', () => {
  const script = reloadIfNotReadyScript('0b3f-uid', '10.244.0.7');

  it('asks the pod’s own ready endpoint, and reloads only that pod’s CoreDNS container', () => {
    expect(script).toContain('http://10.244.0.7:8181/ready');
    expect(script).toContain(
      `'labels."io.kubernetes.pod.uid"==0b3f-uid,labels."io.kubernetes.container.name"==coredns'`,
    );
    // A reload, never a kill: a restarted container meets kubelet's crash back-off.
    expect(script).toContain('tasks kill -s SIGUSR1');
    expect(script).not.toMatch(/SIGKILL|SIGTERM/);
  });

  it('is valid bash', () => {
    const parsed = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(parsed.stderr).toBe('');
    expect(parsed.status).toBe(0);
  });
});
