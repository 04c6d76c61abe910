// Comparing a secret someone sent with ours, in constant time (no timing hints about how much of
// it was right). Shared by every loopback server kubelab runs: the UI's and the previews'.
import { timingSafeEqual } from 'node:crypto';

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
