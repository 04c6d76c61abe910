// Terminal output helpers: colour only on a TTY, and errors always with their fix.
import { LabError } from '../api/errors.ts';

const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (text: string) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
export const green = paint('32');
export const yellow = paint('33');
export const red = paint('31');
export const bold = paint('1');
export const dim = paint('2');

export function printError(error: unknown): void {
  if (error instanceof LabError) {
    console.error(`${red('error:')} ${error.message}`);
    for (const detail of error.details ?? []) console.error(`  - ${detail}`);
    if (error.fix) console.error(`${bold('fix:')} ${error.fix}`);
    return;
  }
  console.error(
    `${red('error:')} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
}

/** Decimal units, as `docker system df` prints them: 1.2 MB, 2.4 GB. */
export function humanBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
