// The window's size and position, remembered in a JSON file under the app's userData. Restoring
// is clamped to the displays there are now: a window saved on a monitor that is gone (or a
// hand-edited file) must still open fully visible and usable. Pure apart from load/save.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent the first time: the window is centred on the primary display. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 } as const;
/** Below this the two-column scenario screen stops being readable (1280×800 is the target). */
export const MIN_SIZE = { width: 960, height: 600 } as const;
/** How much of the title bar must be on a display for the window to count as reachable. */
const VISIBLE_MARGIN = 100;

const StoredSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});

/** The stored state, or null when the file's text is not one (then defaults apply). */
export function parseWindowState(text: string): WindowState | null {
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function overlaps(a: Rect, b: Rect, margin: number): boolean {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width >= margin && height >= Math.min(margin, a.height);
}

/**
 * Fits a remembered state to the displays' work areas (primary first): never bigger than the
 * display, never smaller than MIN_SIZE (unless the display is), and on a display.
 */
export function clampWindowState(state: WindowState | null, workAreas: Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const wanted = state ?? { ...DEFAULT_SIZE, maximized: false };
  const position = wanted.x !== undefined && wanted.y !== undefined ? wanted : null;
  const home = position
    ? (workAreas.find((area) =>
        overlaps(
          { x: position.x!, y: position.y!, width: wanted.width, height: VISIBLE_MARGIN },
          area,
          VISIBLE_MARGIN,
        ),
      ) ?? null)
    : null;
  const area = home ?? primary;
  const width = Math.min(Math.max(wanted.width, MIN_SIZE.width), area.width);
  const height = Math.min(Math.max(wanted.height, MIN_SIZE.height), area.height);
  if (!home || !position) {
    return {
      x: Math.round(area.x + (area.width - width) / 2),
      y: Math.round(area.y + (area.height - height) / 2),
      width,
      height,
      maximized: wanted.maximized,
    };
  }
  // Pull it fully inside the display it is mostly on.
  const x = Math.min(Math.max(position.x!, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(position.y!, area.y), area.y + area.height - height);
  return { x, y, width, height, maximized: wanted.maximized };
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    return parseWindowState(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Written atomically (temp file + rename): a crash mid-write leaves the old state. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temp, file);
}
