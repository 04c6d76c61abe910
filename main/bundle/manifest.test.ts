import { describe, expect, it } from 'vitest';
import type { WorkshopManifest } from './manifest.ts';
import {
  WORKSHOP_FORMAT,
  checkManifest,
  describeManifest,
  isSafeEntryPath,
  scenarioOfEntry,
} from './manifest.ts';

const sha = 'a'.repeat(64);

function manifest(patch: Partial<WorkshopManifest> = {}): WorkshopManifest {
  return {
    format: WORKSHOP_FORMAT,
    kubelabVersion: '0.1.0',
    createdAt: '2026-11-30T00:00:00.000Z',
    arch: 'x64',
    versions: { kubernetes: 'v1.34.4' },
    images: [{ name: 'node', ref: 'kubelab/node:1', imageId: 'sha256:1' }],
    scenarios: [{ id: 'demo', title: 'Demo' }],
    entries: [
      { path: 'images.kubelab', bytes: 10, sha256: sha },
      { path: 'scenarios/demo/scenario.yaml', bytes: 5, sha256: sha },
    ],
    requiredDiskBytes: 100,
    ...patch,
  };
}

const why = (raw: unknown, arch = 'x64'): string => {
  const result = checkManifest(raw, { arch });
  return result.ok ? 'accepted' : result.why;
};

describe('checkManifest', () => {
  it('accepts a well-formed manifest for this architecture', () => {
    expect(why(manifest())).toBe('accepted');
  });

  it('refuses another architecture, naming both', () => {
    expect(why(manifest(), 'arm64')).toBe('it holds x64 images and this machine is arm64');
  });

  it('refuses another format, and a file that names none', () => {
    expect(why(manifest({ format: 'kubelab-images/1' }))).toBe(
      `its format is kubelab-images/1, this kubelab reads ${WORKSHOP_FORMAT}`,
    );
    expect(why({ hello: 1 })).toBe('its manifest does not name a kubelab bundle format');
    expect(why(null)).toBe('its manifest does not name a kubelab bundle format');
  });

  it('refuses a malformed checksum with the field that is wrong', () => {
    const bad = manifest();
    bad.entries[0]!.sha256 = 'xyz';
    expect(why(bad)).toBe('its manifest is malformed (entries.0.sha256: a SHA-256 in hex)');
  });

  it('refuses entry paths that would escape the unpack folder', () => {
    for (const path of ['../evil', '/etc/passwd', 'scenarios/demo/../../x', 'scenarios//a']) {
      const bad = manifest();
      bad.entries.push({ path, bytes: 1, sha256: sha });
      expect(why(bad)).toBe(`its manifest lists an unsafe entry path "${path}"`);
    }
  });

  it('refuses duplicates, unknown entries, a missing images entry and a scenario without scenario.yaml', () => {
    const twice = manifest();
    twice.entries.push({ ...twice.entries[0]! });
    expect(why(twice)).toBe('its manifest lists "images.kubelab" twice');
    const unknown = manifest();
    unknown.entries.push({ path: 'notes.txt', bytes: 1, sha256: sha });
    expect(why(unknown)).toBe('its manifest lists an unknown entry "notes.txt"');
    expect(why(manifest({ entries: manifest().entries.slice(1) }))).toBe(
      'its manifest lists no images.kubelab',
    );
    expect(why(manifest({ scenarios: [{ id: 'other', title: 'Other' }] }))).toBe(
      'scenario "other" has no scenario.yaml in the bundle',
    );
    expect(why(manifest({ scenarios: [{ id: '../x', title: 'X' }] }))).toBe(
      'its manifest names a scenario with a bad id "../x"',
    );
  });
});

describe('added images in the manifest', () => {
  const added = { path: 'registry-images.tar', bytes: 9, sha256: sha };
  const names = [{ name: 'example.org/team/tool:1.0', digest: 'sha256:b' }];

  it('accepts them with their entry, and says so in the description', () => {
    const withAdded = manifest({ addedImages: names, entries: [...manifest().entries, added] });
    expect(why(withAdded)).toBe('accepted');
    expect(describeManifest(withAdded)).toContain(
      'added images, for the lab registry (1): example.org/team/tool:1.0',
    );
  });

  it('refuses names without their entry, and the entry without names', () => {
    expect(why(manifest({ addedImages: names }))).toBe(
      'its manifest names added images but lists no registry-images.tar',
    );
    expect(why(manifest({ entries: [...manifest().entries, added] }))).toBe(
      'its manifest lists registry-images.tar but names no added images',
    );
  });
});

describe('entry paths', () => {
  it('knows safe paths and which scenario an entry belongs to', () => {
    expect(isSafeEntryPath('scenarios/demo/steps/01.md')).toBe(true);
    expect(isSafeEntryPath('a\\b')).toBe(false);
    expect(scenarioOfEntry('scenarios/demo/steps/01.md')).toBe('demo');
    expect(scenarioOfEntry('scenarios/demo')).toBeUndefined();
    expect(scenarioOfEntry('images.kubelab')).toBeUndefined();
  });
});
