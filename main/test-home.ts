// For tests: a KUBELAB_HOME of their own, made before each test and removed after it, the
// variable put back as it was. Call at the top of a describe block (or file); it answers the
// current home's path.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export function useTempKubelabHome(prefix: string): () => string {
  let home = '';
  let previous: string | undefined;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), `${prefix}-`));
    previous = process.env.KUBELAB_HOME;
    process.env.KUBELAB_HOME = home;
  });
  afterEach(async () => {
    if (previous === undefined) delete process.env.KUBELAB_HOME;
    else process.env.KUBELAB_HOME = previous;
    await rm(home, { recursive: true, force: true });
  });
  return () => home;
}
