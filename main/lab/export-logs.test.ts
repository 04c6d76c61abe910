import { describe, expect, it } from 'vitest';
import { entryTarget } from './export-logs.ts';

describe('export logs: where an archive entry may be written', () => {
  const root = '/tmp/out/nodes/control-plane';

  it('keeps paths inside the folder', () => {
    expect(entryTarget(root, 'kubelab/kubelet.log')).toBe(`${root}/kubelab/kubelet.log`);
    expect(entryTarget(root, './pods/kube-system_x/0.log')).toBe(
      `${root}/pods/kube-system_x/0.log`,
    );
  });

  it('refuses what would leave it, or is the folder itself', () => {
    expect(entryTarget(root, '../../etc/passwd')).toBeNull();
    expect(entryTarget(root, 'pods/../../x')).toBeNull();
    expect(entryTarget(root, '/etc/passwd')).toBeNull();
    expect(entryTarget(root, '.')).toBeNull();
  });
});
