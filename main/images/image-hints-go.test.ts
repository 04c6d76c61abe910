// The Go tests of kubelab's in-cluster image hints (lab-images/binaries/image-hints): its image
// references must read names exactly as `kubelab images add` stores them (main/images/reference.ts).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../paths.ts';

describe('image-hints (Go)', () => {
  it('passes its go test', () => {
    const output = execFileSync('go', ['test', '-count=1', '.'], {
      cwd: join(appRoot(), 'lab-images', 'binaries', 'image-hints'),
      encoding: 'utf8',
      env: {
        ...process.env,
        GOTOOLCHAIN: 'local',
        GOFLAGS: '-mod=mod',
      },
    });
    expect(output).toMatch(/^ok\s+kubelab\.local\/image-hints/m);
  }, 120_000);
});
