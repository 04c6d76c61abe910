import { describe, expect, it } from 'vitest';
import { coldBuildFromLog } from './images.ts';

describe('cold build time from a build log', () => {
  it('sums the per-image times of the closing line of `kubelab images build`', () => {
    const log = [
      '[1/3] base: 5% 0s mmdebstrap bookworm',
      '[3/3] node: built in 71 s',
      'built 3 image(s): base 52s, binaries 611s, node 71s',
      'EXIT 0 after 900s',
    ].join('\n');
    expect(coldBuildFromLog(log)).toEqual({ seconds: 734, images: 3 });
  });

  it('takes the last build when a log holds several', () => {
    const log = 'built 1 image(s): base 40s\nbuilt 2 image(s): nginx 20s, httpd 25s\n';
    expect(coldBuildFromLog(log)).toEqual({ seconds: 45, images: 2 });
  });

  it('has no answer for a build that built nothing, did not finish, or a line it cannot read', () => {
    expect(coldBuildFromLog('every image is up to date\n')).toBeNull();
    expect(coldBuildFromLog('[2/19] binaries: 2% 0s preparing\n')).toBeNull();
    expect(coldBuildFromLog('built 1 image(s): base about a minute\n')).toBeNull();
  });
});
