// Step Markdown → safe HTML segments and code blocks. Raw HTML in the Markdown is shown as text,
// never interpreted; links may only be http(s), mailto or in-page. Code blocks are returned
// separately so the screen can give each its own Copy / Send to terminal buttons.
import { Marked } from 'marked';
import type { Token, TokensList } from 'marked';

export type Segment = { kind: 'html'; html: string } | { kind: 'code'; lang: string; code: string };

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed) || trimmed.startsWith('#')) return trimmed;
  return null;
}

const marked = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens);
      const safe = safeHref(href);
      if (!safe) return text;
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(safe)}"${titleAttr} target="_blank" rel="noopener noreferrer">${text}</a>`;
    },
    image: ({ text }) => escapeHtml(text),
  },
});

export function markdownSegments(markdown: string): Segment[] {
  const tokens = marked.lexer(markdown);
  const segments: Segment[] = [];
  let group: Token[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const list: TokensList = Object.assign(group, { links: tokens.links });
    segments.push({ kind: 'html', html: marked.parser(list) });
    group = [];
  };
  for (const token of tokens) {
    if (token.type === 'code') {
      flush();
      const code = token as Token & { lang?: string; text: string };
      segments.push({ kind: 'code', lang: code.lang ?? '', code: code.text });
    } else group.push(token);
  }
  flush();
  return segments;
}
