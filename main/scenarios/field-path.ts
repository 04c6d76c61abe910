// The path syntax of `field` checks: a small JSONPath subset, e.g. `.status.phase`,
// `.spec.containers[0].image`, `.metadata.labels.app`, `.data["nginx.conf"]`.

export type FieldPathSegment = string | number;

const SEGMENT = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["([^"\]]+)"\]|\['([^'\]]+)'\]/y;

/** The segments of a path, or null when it is not valid path syntax. */
export function parseFieldPath(path: string): FieldPathSegment[] | null {
  if (path.length === 0) return null;
  const segments: FieldPathSegment[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < path.length) {
    const start = SEGMENT.lastIndex;
    const match = SEGMENT.exec(path);
    if (!match || match.index !== start) return null;
    const [, dotted, index, doubleQuoted, singleQuoted] = match;
    if (index !== undefined) segments.push(Number(index));
    else segments.push(dotted ?? doubleQuoted ?? singleQuoted ?? '');
  }
  return segments;
}

/** Follows a parsed path into a JSON value; undefined when any step is missing. */
export function readFieldPath(value: unknown, segments: readonly FieldPathSegment[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment] as unknown;
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) {
        return undefined;
      }
      if (!Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
