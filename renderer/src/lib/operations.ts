// How long an operation has run, as its progress bar says it (following operations is the
// operations store's job: stores/operations.svelte.ts).
export function formatElapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
