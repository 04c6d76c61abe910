// Reading one cookie out of a Cookie header. Cookies are not kept apart by port, so every name
// kubelab sets carries the port it belongs to, and no cookie ever carries API power.
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}
