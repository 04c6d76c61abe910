// Authoring mode's eyes: a change anywhere under the catalogue's folders (a step's Markdown, a
// check in scenario.yaml, a new scenario folder) is reported once per burst of writes — editors
// save through temporary files and renames, several events for one save.
import type { FSWatcher } from 'node:fs';
import { watch } from 'node:fs';

export interface CatalogWatch {
  close(): void;
}

export interface WatchOptions {
  /** Quiet time after the last event before reporting (default 150 ms). */
  debounceMs?: number;
  /** A folder that cannot be watched (gone, no permission): said once, the others go on. */
  onError?: (dir: string, error: Error) => void;
}

/** Calls `onChange` with the paths changed (relative to their root) after each burst. */
export function watchCatalog(
  roots: readonly string[],
  onChange: (changed: string[]) => void,
  options: WatchOptions = {},
): CatalogWatch {
  const debounceMs = options.debounceMs ?? 150;
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    timer = undefined;
    const changed = [...pending].sort();
    pending.clear();
    onChange(changed);
  };
  const watchers: FSWatcher[] = [];
  for (const root of roots) {
    try {
      // Recursive watching is native on macOS and Windows, and built on inotify by Node ≥ 20 on
      // Linux: new subfolders (a scenario created meanwhile) are followed too.
      const watcher = watch(root, { recursive: true }, (_event, name) => {
        pending.add(name === null ? root : String(name));
        clearTimeout(timer);
        timer = setTimeout(flush, debounceMs);
      });
      watcher.on('error', (error) => options.onError?.(root, error));
      watchers.push(watcher);
    } catch (error) {
      options.onError?.(root, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return {
    close: () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
