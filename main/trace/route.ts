// `ip route get DST` as the kernel answers it: the next hop, if any, and the device. The text is
// kept verbatim for the trace; only these two facts drive it.

export interface RouteAnswer {
  /** The answer's first line, verbatim (without the trailing "cache" line). */
  text: string;
  gateway: string | null;
  dev: string | null;
  /** `local` routes: the address is this namespace's own. */
  local: boolean;
}

export function parseRouteGet(output: string): RouteAnswer {
  const text = output.split('\n')[0]?.trim() ?? '';
  return {
    text,
    gateway: / via (\S+)/.exec(text)?.[1] ?? null,
    dev: / dev (\S+)/.exec(text)?.[1] ?? null,
    local: text.startsWith('local '),
  };
}
