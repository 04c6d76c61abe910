import { describe, expect, it } from 'vitest';
import { coldBuildFromLogs } from './images.ts';

const catalog = ['base', 'binaries', 'node'];

describe('cold build time from build logs', () => {
  it('sums the per-image times once every catalogue image is covered', () => {
    const log = [
      '[1/3] base: 5% 0s mmdebstrap bookworm',
      '[1/3] base: built in 42 s',
      '[2/3] binaries: built in 611 s',
      '[3/3] node: built in 71 s',
      'built 3 image(s): base 42s, binaries 611s, node 71s',
    ].join('\n');
    expect(coldBuildFromLogs([log], catalog)).toEqual({
      perImage: { base: 42, binaries: 611, node: 71 },
      missing: [],
      seconds: 724,
      wall: false,
    });
  });

  it('takes the wall time a parallel build prints, not the sum of overlapping image times', () => {
    const log = [
      '[2/3] binaries: built in 611 s',
      '[1/3] base: built in 42 s',
      '[3/3] node: built in 71 s',
      'built 3 image(s) in 690 s: base 42s, binaries 611s, node 71s',
    ].join('\n');
    expect(coldBuildFromLogs([log], catalog)).toMatchObject({ seconds: 690, wall: true });
    const resumed = 'built 1 image(s) in 80 s: node 80s';
    const first =
      '[1/3] base: built in 42 s\n[2/3] binaries: built in 600 s\nbuilt 2 image(s) in 605 s: base 42s, binaries 600s';
    expect(coldBuildFromLogs([first, resumed], catalog)).toMatchObject({
      seconds: 685,
      wall: true,
    });
  });

  it('puts together a build that was resumed in a second run (the later log wins)', () => {
    const first =
      '[1/3] base: built in 42 s\n[2/3] binaries: built in 2811 s\nerror: Building the node image failed';
    const second =
      '[1/3] base: up to date\n[2/3] binaries: up to date\n\x1b[2K[3/3] node: built in 80 s\nbuilt 1 image(s): node 80s\n';
    expect(coldBuildFromLogs([first, second], catalog).seconds).toBe(2933);
  });

  it('gives no figure while an image is not covered, and says which', () => {
    const record = coldBuildFromLogs(
      ['[1/3] base: built in 42 s\nevery image is up to date'],
      catalog,
    );
    expect(record.seconds).toBeNull();
    expect(record.missing).toEqual(['binaries', 'node']);
    expect(record.perImage).toEqual({ base: 42 });
  });
});
