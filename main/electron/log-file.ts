// The desktop app's log: one text file under userData/logs the learner can open from the Help
// menu (and attach to a bug report). Lines are timestamped; the file is rotated once it grows
// past a bound, keeping one previous file, so it never fills a disk.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export const MAX_LOG_BYTES = 5 * 1024 * 1024;

export interface LogFile {
  readonly path: string;
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export function formatLogLine(level: 'INFO' | 'ERROR', message: string, at: Date): string {
  // One line per entry: a multi-line message (a stack) is indented under its first line.
  return `${at.toISOString()} ${level} ${message.replace(/\n/g, '\n    ')}\n`;
}

export function openLogFile(path: string, maxBytes = MAX_LOG_BYTES): LogFile {
  mkdirSync(dirname(path), { recursive: true });
  const write = (level: 'INFO' | 'ERROR', message: string): void => {
    try {
      if ((statSync(path, { throwIfNoEntry: false })?.size ?? 0) > maxBytes) {
        renameSync(path, `${path}.1`);
      }
      appendFileSync(path, formatLogLine(level, message, new Date()));
    } catch {
      // Logging must never take the app down (disk full, folder removed): drop the line.
    }
  };
  return {
    path,
    info: (message) => write('INFO', message),
    error: (message, error) =>
      write(
        'ERROR',
        error === undefined
          ? message
          : `${message}: ${error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error)}`,
      ),
  };
}
