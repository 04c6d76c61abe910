/** The message to show for anything thrown (API errors carry their fix in the message). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const fix = (error as Error & { fix?: unknown }).fix;
    return typeof fix === 'string' && fix ? `${error.message} ${fix}` : error.message;
  }
  return String(error);
}
