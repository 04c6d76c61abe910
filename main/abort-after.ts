// A time limit for a fetch that holds the process open until it fires. AbortSignal.timeout's
// timer is unref'd, and a fetch to a port Docker has just published can be left with nothing
// holding the event loop (seen with the scratch registry: no socket or timer in
// process.getActiveResourcesInfo() while the request hung). A long-running app moves on at
// the limit, but a CLI command then simply ended half-done — "the command stopped making
// progress before it finished" (bundle create, images add, the registry phase of up).
export interface Deadline {
  signal: AbortSignal;
  /** Call once the operation settled: the timer no longer holds the process. */
  clear: () => void;
}

export function abortAfter(ms: number): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError')),
    ms,
  );
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/** fetch() with such a limit, cleared as soon as the answer's headers are in. */
export async function fetchWithin(
  url: string | URL,
  ms: number,
  init: RequestInit = {},
): Promise<Response> {
  const deadline = abortAfter(ms);
  try {
    return await fetch(url, { ...init, signal: deadline.signal });
  } finally {
    deadline.clear();
  }
}
