// Long names in a fixed-size box: cut with an ellipsis, at the end (names) or at the start
// (paths, whose end is the interesting part).
export function shorten(text: string, max: number, cut: 'end' | 'start' = 'end'): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…';
  return cut === 'end' ? `${text.slice(0, max - 1)}…` : `…${text.slice(text.length - max + 1)}`;
}
