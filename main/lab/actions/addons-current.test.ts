import { describe, expect, it } from 'vitest';
import { manifestHash, manifestObjects } from './addons-current.ts';

const manifest = `apiVersion: v1
kind: Namespace
metadata:
  name: local-path-storage
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: local-path-provisioner
  namespace: local-path-storage
---
# a document with only a comment
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
`;

describe("kubelab's add-on manifest", () => {
  it('names every object it declares, with its namespace where it has one', () => {
    expect(manifestObjects(manifest)).toEqual([
      { kind: 'Namespace', name: 'local-path-storage' },
      { kind: 'Deployment', name: 'local-path-provisioner', namespace: 'local-path-storage' },
      { kind: 'StorageClass', name: 'standard' },
    ]);
  });

  it('hashes to the same value for the same text only', () => {
    expect(manifestHash(manifest)).toBe(manifestHash(`${manifest}`));
    expect(manifestHash(manifest)).not.toBe(manifestHash(manifest.replace('standard', 'fast')));
    expect(manifestHash(manifest)).toMatch(/^[0-9a-f]{32}$/);
  });
});
