import { describe, expect, it } from 'vitest';
import { applyWatchEvent, parseWatchLine } from './kube-watch.ts';
import type { KubeObject } from './kube-watch.ts';

const pod = (uid: string, version: string, phase = 'Running'): KubeObject & { status: object } => ({
  metadata: { uid, name: `pod-${uid}`, namespace: 'default', resourceVersion: version },
  status: { phase },
});

describe('watch events', () => {
  it('parses a watch line and refuses what is not one', () => {
    expect(parseWatchLine('{"type":"ADDED","object":{"metadata":{"uid":"a"}}}')).toMatchObject({
      type: 'ADDED',
    });
    expect(parseWatchLine('{"kind":"Status"}')).toBeNull();
    expect(parseWatchLine('not json')).toBeNull();
  });

  it('adds, modifies and deletes by uid, keeps the kind, and drops managedFields', () => {
    const store = new Map<string, KubeObject>();
    const added = {
      ...pod('a', '1'),
      metadata: { ...pod('a', '1').metadata, managedFields: [{}] },
    };
    expect(applyWatchEvent(store, 'Pod', { type: 'ADDED', object: added })).toBe('changed');
    expect(store.get('a')).toMatchObject({ kind: 'Pod', metadata: { name: 'pod-a' } });
    expect(store.get('a')!.metadata).not.toHaveProperty('managedFields');
    applyWatchEvent(store, 'Pod', { type: 'MODIFIED', object: pod('a', '2', 'Failed') });
    expect(store.get('a')).toMatchObject({ status: { phase: 'Failed' } });
    expect(applyWatchEvent(store, 'Pod', { type: 'DELETED', object: pod('a', '3') })).toBe(
      'changed',
    );
    expect(store.size).toBe(0);
  });

  it('a bookmark changes nothing; an error (410 Gone) asks for a new list', () => {
    const store = new Map<string, KubeObject>();
    const bookmark = { metadata: { resourceVersion: '9' } };
    expect(applyWatchEvent(store, 'Pod', { type: 'BOOKMARK', object: bookmark })).toBe('unchanged');
    expect(store.size).toBe(0);
    const gone = { metadata: {}, code: 410 };
    expect(applyWatchEvent(store, 'Pod', { type: 'ERROR', object: gone })).toBe('relist');
  });
});
