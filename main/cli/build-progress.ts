// `kubelab images build` output: one line per image. Images build side by side, so on a terminal
// the ones in flight keep a live line each below the finished ones; in a log (no TTY) a line is
// written when an image starts a new step or ends, never for a percentage tick.
import type { BuildProgress } from '../images/build.ts';
import { dim, green } from './output.ts';

export interface ProgressOut {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

function head(p: BuildProgress): string {
  return `[${p.index + 1}/${p.total}] ${p.image}`;
}

/**
 * The finished line; "[2/19] binaries: built in 611 s" is what the bench reads back. An image
 * found current says "up to date"; the registry fill says why it had nothing to do.
 */
function endLine(p: BuildProgress): string {
  return `${head(p)}: ${p.state === 'up-to-date' ? dim(p.step) : green(p.step)}`;
}

function liveLine(p: BuildProgress): string {
  const seconds = `${(p.elapsedMs / 1000).toFixed(0)}s`;
  return `${head(p)}: ${Math.round(p.fraction * 100)}% ${seconds} ${p.step}`;
}

export function buildProgressPrinter(out: ProgressOut): (p: BuildProgress) => void {
  const ended = (p: BuildProgress): boolean => p.state === 'built' || p.state === 'up-to-date';
  if (!out.isTTY) {
    const lastStep = new Map<string, string>();
    return (p) => {
      if (ended(p)) return void out.write(`${endLine(p)}\n`);
      if (lastStep.get(p.image) === p.step) return;
      lastStep.set(p.image, p.step);
      out.write(`${head(p)}: ${p.step}\n`);
    };
  }
  const live = new Map<string, string>();
  let drawn = 0;
  return (p) => {
    const width = (out.columns || 100) - 1;
    let text = drawn ? `\x1b[${drawn}F\x1b[J` : '';
    if (ended(p)) {
      live.delete(p.image);
      text += `${endLine(p)}\n`;
    } else {
      live.set(p.image, liveLine(p));
    }
    for (const line of live.values()) text += `${line.slice(0, width)}\n`;
    drawn = live.size;
    out.write(text);
  };
}
