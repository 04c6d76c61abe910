// A Killercoda scenario's index.json: the parts kubelab maps, as a zod schema that lets every
// other key through, and the keys it does not know (each one goes into the import report).
// Katacoda's older names are read too: `courseData` for background, `code` for foreground.
import { z } from 'zod';
import { LabError } from '../../api/errors.ts';
import type { NoteList } from './report.ts';

const Script = z.string().min(1);

const PageSchema = z.looseObject({
  title: z.string().optional(),
  text: z.string().min(1).optional(),
  background: Script.optional(),
  foreground: Script.optional(),
  courseData: Script.optional(),
  code: Script.optional(),
});

const StepSchema = z.looseObject({
  title: z.string().min(1),
  text: z.string().min(1),
  verify: Script.optional(),
  background: Script.optional(),
  foreground: Script.optional(),
  courseData: Script.optional(),
  code: Script.optional(),
});

const AssetSchema = z.looseObject({
  file: z.string().min(1),
  target: z.string().min(1),
  // Written as text ("+x", "0755") and sometimes as a JSON number (755).
  chmod: z.union([z.string(), z.number()]).optional(),
});

const DetailsSchema = z.looseObject({
  intro: PageSchema.optional(),
  steps: z.array(StepSchema).min(1, 'a scenario needs at least one step'),
  finish: PageSchema.optional(),
  /** Files to copy per host: `host01` (and Katacoda's `host02`…), `node01`, `node02`. */
  assets: z.record(z.string(), z.array(AssetSchema)).optional(),
});

export const IndexSchema = z.looseObject({
  title: z.string().min(1),
  description: z.string().optional(),
  /** Katacoda's; Killercoda ignores them, but old scenarios still carry them. */
  difficulty: z.string().optional(),
  time: z.string().optional(),
  details: DetailsSchema,
  backend: z.looseObject({ imageid: z.string().optional() }).optional(),
});

export type KillercodaIndex = z.infer<typeof IndexSchema>;
export type KillercodaPage = z.infer<typeof PageSchema>;
export type KillercodaStep = z.infer<typeof StepSchema>;
export type KillercodaAsset = z.infer<typeof AssetSchema>;

/** Why a known key has no kubelab counterpart, where the reason is more than "unknown". */
const KNOWN_UNMAPPED: Record<string, string> = {
  interface:
    'Killercoda’s layout of the page (kubelab’s is fixed: text beside one terminal per node)',
  environment: 'Killercoda’s environment settings (dashboards, layouts, hidden intro)',
  type: 'the kind of Killercoda content',
  credits: 'a credits link (put it in the text if it matters)',
  answer: 'a separate answer page (the step’s solve is what "show me" runs)',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Notes every key of `value` that `shape` does not name, with its path in index.json. */
function noteUnknownKeys(
  value: unknown,
  shape: Record<string, unknown>,
  path: string,
  notes: NoteList,
): void {
  if (!isRecord(value)) return;
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(shape, key)) continue;
    const at = path ? `${path}.${key}` : key;
    const why = KNOWN_UNMAPPED[key] ?? 'a key kubelab does not know';
    notes.add('unmapped', `index.json: ${at}`, `${why}: not imported`);
  }
}

/** Every key of index.json that the import does not use, as report notes. */
export function noteUnknownIndexKeys(raw: unknown, notes: NoteList): void {
  noteUnknownKeys(raw, IndexSchema.shape, '', notes);
  if (!isRecord(raw)) return;
  noteUnknownKeys(raw.backend, IndexSchema.shape.backend.unwrap().shape, 'backend', notes);
  const details = raw.details;
  noteUnknownKeys(details, DetailsSchema.shape, 'details', notes);
  if (!isRecord(details)) return;
  for (const page of ['intro', 'finish'] as const) {
    noteUnknownKeys(details[page], PageSchema.shape, `details.${page}`, notes);
  }
  if (Array.isArray(details.steps)) {
    details.steps.forEach((step, i) => {
      noteUnknownKeys(step, StepSchema.shape, `details.steps[${i}]`, notes);
    });
  }
  if (isRecord(details.assets)) {
    for (const [host, list] of Object.entries(details.assets)) {
      if (!Array.isArray(list)) continue;
      list.forEach((asset, i) => {
        noteUnknownKeys(asset, AssetSchema.shape, `details.assets.${host}[${i}]`, notes);
      });
    }
  }
}

/** index.json's text, parsed and validated; a LabError saying what is wrong otherwise. */
export function parseIndex(text: string, file: string): { index: KillercodaIndex; raw: unknown } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new LabError('NOT_KILLERCODA', `${file} is not valid JSON: ${String(error)}`, {
      fix: 'Correct the JSON (a trailing comma is the usual culprit) and import again.',
    });
  }
  const parsed = IndexSchema.safeParse(raw);
  if (!parsed.success) {
    throw new LabError(
      'NOT_KILLERCODA',
      `${file} is not a Killercoda scenario index kubelab can read.`,
      {
        details: parsed.error.issues.map(
          (issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`,
        ),
        fix: 'A Killercoda index.json needs a title and details.steps, each step with a title and a text file.',
      },
    );
  }
  return { index: parsed.data, raw };
}
