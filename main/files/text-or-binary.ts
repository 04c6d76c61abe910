// Whether bytes are text Files may show in an editor: valid UTF-8 without NUL bytes (git's and
// most editors' rule of thumb).
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}
