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
