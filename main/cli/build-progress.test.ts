import { describe, expect, it } from 'vitest';
import type { BuildProgress } from '../images/build.ts';
import { buildProgressPrinter } from './build-progress.ts';

function progress(
  image: string,
  state: BuildProgress['state'],
  step: string,
  fraction = 0.5,
): BuildProgress {
  const index = ['base', 'binaries', 'ghost'].indexOf(image);
  return { image, index, total: 3, fraction, overall: 0, step, state, elapsedMs: 3_000 };
}

function capture(isTTY: boolean): { print: (p: BuildProgress) => void; text: () => string } {
  let text = '';
  const print = buildProgressPrinter({ isTTY, columns: 80, write: (t: string) => (text += t) });
  return { print, text: () => text };
}

describe('images build progress', () => {
  it('in a log: a line per new step and per finished image, none for a percentage tick', () => {
    const out = capture(false);
    out.print(progress('base', 'building', 'mmdebstrap', 0.1));
    out.print(progress('binaries', 'building', 'go build', 0.1));
    out.print(progress('base', 'building', 'mmdebstrap', 0.4));
    out.print(progress('base', 'built', 'built in 42 s', 1));
    out.print(progress('ghost', 'up-to-date', 'up to date', 1));
    out.print({
      ...progress('ghost', 'up-to-date', 'up to date: every workload image is in it already', 1),
      image: 'registry-fill',
    });
    expect(out.text().split('\n')).toEqual([
      '[1/3] base: mmdebstrap',
      '[2/3] binaries: go build',
      '[1/3] base: built in 42 s',
      '[3/3] ghost: up to date',
      '[3/3] registry-fill: up to date: every workload image is in it already',
      '',
    ]);
  });

  it('on a terminal: a live line per image in flight, redrawn in place, finished ones above', () => {
    const out = capture(true);
    out.print(progress('base', 'building', 'mmdebstrap'));
    out.print(progress('binaries', 'building', 'go build'));
    out.print(progress('base', 'built', 'built in 42 s', 1));
    const writes = out.text();
    // The second write moves up over the one live line; the third over two, prints the finished
    // line, and redraws the one still building.
    expect(writes).toContain('\x1b[1F\x1b[J');
    expect(writes).toContain('\x1b[2F\x1b[J');
    const last = writes.slice(writes.lastIndexOf('\x1b[2F\x1b[J'));
    expect(last).toContain('[1/3] base: ');
    expect(last).toContain('built in 42 s');
    expect(last.trimEnd().split('\n').at(-1)).toBe('[2/3] binaries: 50% 3s go build');
  });
});
