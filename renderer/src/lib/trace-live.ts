// The Live switch's decisions, apart from the component that polls: which hops carried packets
// between two reads of the counters, and how a hop's running count is said.

/** How often the panel reads the counters while Live is on. */
export const LIVE_POLL_MS = 1000;

/** Hops whose count went up since the previous read (all counted ones that are above 0 on the first). */
export function litHops(
  previous: ReadonlyArray<number | null> | null,
  next: ReadonlyArray<number | null>,
): number[] {
  const lit: number[] = [];
  next.forEach((count, hop) => {
    if (count === null) return;
    const before = previous?.[hop] ?? 0;
    if (count > (before ?? 0)) lit.push(hop);
  });
  return lit;
}

/** `12 packets live` for a counted hop, null for one that is not counted. */
export function liveLabel(count: number | null | undefined): string | null {
  if (count === null || count === undefined) return null;
  return `${count} packet${count === 1 ? '' : 's'} live`;
}
