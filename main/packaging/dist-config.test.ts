import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { debScripts, distConfig, parseDistArgs, withDebScripts } from './dist-config.ts';

describe('npm run dist arguments', () => {
  it('takes --with-bundle FILE (both spellings), --dry-run, --skip-build and passes the rest on', () => {
    expect(parseDistArgs(['--with-bundle', 'w.kubelab', '--dry-run', '--linux'])).toEqual({
      bundle: resolve('w.kubelab'),
      dryRun: true,
      skipBuild: false,
      rest: ['--linux'],
    });
    expect(parseDistArgs(['--with-bundle=/x/w.kubelab', '--skip-build']).bundle).toBe(
      '/x/w.kubelab',
    );
  });

  it('refuses a missing FILE and a file the first-run screen would not find', () => {
    expect(() => parseDistArgs(['--with-bundle'])).toThrow('--with-bundle needs a FILE.');
    expect(() => parseDistArgs(['--with-bundle', '--dry-run'])).toThrow(
      '--with-bundle needs a FILE.',
    );
    expect(() => parseDistArgs(['--with-bundle', 'w.tar'])).toThrow(
      '--with-bundle w.tar: the first-run screen only looks for *.kubelab files.',
    );
  });
});

describe('the packaging configuration', () => {
  const base = { appId: 'x', extraResources: [{ from: 'scenarios', to: 'scenarios' }] };

  it('carries the bundle as extraResources bundle/NAME, after what the yml lists', () => {
    expect(distConfig(base, '/work/shop.kubelab').extraResources).toEqual([
      { from: 'scenarios', to: 'scenarios' },
      { from: '/work/shop.kubelab', to: 'bundle/shop.kubelab' },
    ]);
  });

  it('is the yml unchanged without a bundle', () => {
    expect(distConfig(base, undefined)).toBe(base);
  });
});

describe("the deb package's scripts", () => {
  const scripts = debScripts('#!/bin/bash\nln -sf a b\n\n', '#!/bin/bash\nrm -f b\n');

  it("keep electron-builder's own script first, then link the command", () => {
    expect(scripts.afterInstall.startsWith('#!/bin/bash\nln -sf a b\n')).toBe(true);
    expect(scripts.afterInstall).toContain(
      "ln -sf '/opt/${sanitizedProductName}/resources/bin/kubelab' '/usr/bin/kubelab'",
    );
  });

  it('remove only a link this package made', () => {
    expect(scripts.afterRemove.startsWith('#!/bin/bash\nrm -f b\n')).toBe(true);
    expect(scripts.afterRemove).toContain(
      `if [ "$(readlink '/usr/bin/kubelab' 2>/dev/null)" = '/opt/\${sanitizedProductName}/resources/bin/kubelab' ]; then`,
    );
  });

  it('go into the deb section, next to what the yml has there', () => {
    const config = withDebScripts(
      { appId: 'x', deb: { priority: 'optional' } },
      { afterInstall: '/t/i.sh', afterRemove: '/t/r.sh' },
    );
    expect(config.deb).toEqual({
      priority: 'optional',
      afterInstall: '/t/i.sh',
      afterRemove: '/t/r.sh',
    });
  });
});
