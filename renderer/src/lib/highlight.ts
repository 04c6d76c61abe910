// Syntax highlighting for the step text's code blocks (shell and YAML, the two languages the
// scenarios use), as escaped HTML with <span class="tok-…"> around tokens. Small on purpose: a
// full highlighter would be most of the renderer's bundle for two languages. Every character of
// the input ends up in the output exactly once, escaped, so nothing the Markdown says can
// become markup.
import { escapeHtml } from './markdown.ts';

export type TokenKind = 'comment' | 'string' | 'command' | 'flag' | 'variable' | 'key' | 'operator';

interface Rule {
  kind: TokenKind | null;
  pattern: RegExp;
}

const SHELL: Rule[] = [
  { kind: 'comment', pattern: /#[^\n]*/y },
  { kind: 'string', pattern: /'[^']*'?|"(?:\\.|[^"\\])*"?/y },
  { kind: 'variable', pattern: /\$\{[^}\n]*\}?|\$[A-Za-z_][A-Za-z0-9_]*|\$[0-9?#@!$*-]/y },
  { kind: 'operator', pattern: /&&|\|\||[|;&<>]+/y },
  { kind: 'flag', pattern: /(?<=^|[\s])--?[A-Za-z0-9][\w-]*(=?)/y },
  { kind: null, pattern: /\s+|[^\s#'"$|;&<>]+|./y },
];

const YAML: Rule[] = [
  { kind: 'comment', pattern: /(?<=^|\s)#[^\n]*/y },
  { kind: 'key', pattern: /(?<=^[ \t]*(?:- )?)[A-Za-z0-9_./-]+(?=:(\s|$))/my },
  { kind: 'string', pattern: /'[^'\n]*'?|"(?:\\.|[^"\\\n])*"?/y },
  { kind: null, pattern: /\s+|[^\s#'"]+|./y },
];

const LANGUAGES: Record<string, Rule[]> = {
  bash: SHELL,
  sh: SHELL,
  shell: SHELL,
  console: SHELL,
  yaml: YAML,
  yml: YAML,
};

export function isHighlighted(lang: string): boolean {
  return Object.hasOwn(LANGUAGES, lang.toLowerCase());
}

/** The tokens of `code` in order; their texts joined give `code` back. */
export function tokenize(code: string, lang: string): { kind: TokenKind | null; text: string }[] {
  const rules = LANGUAGES[lang.toLowerCase()];
  if (!rules) return code ? [{ kind: null, text: code }] : [];
  const tokens: { kind: TokenKind | null; text: string }[] = [];
  // A word at the start of a command (line start, or after | && || ;) is the command.
  let commandNext = rules === SHELL;
  let at = 0;
  while (at < code.length) {
    let matched = false;
    for (const rule of rules) {
      rule.pattern.lastIndex = at;
      const match = rule.pattern.exec(code);
      if (!match || match[0].length === 0) continue;
      const text = match[0];
      let kind = rule.kind;
      if (rules === SHELL) {
        if (kind === null && commandNext && /^[A-Za-z0-9_./-]+$/.test(text)) kind = 'command';
        if (kind === 'operator' || text.includes('\n')) commandNext = true;
        else if (!/^\s+$/.test(text)) commandNext = commandNext && text === 'sudo';
      }
      const last = tokens.at(-1);
      if (last && last.kind === null && kind === null) last.text += text;
      else tokens.push({ kind, text });
      at += text.length;
      matched = true;
      break;
    }
    // The last rule matches any character, so this only guards against a broken rule.
    if (!matched) {
      tokens.push({ kind: null, text: code.slice(at) });
      break;
    }
  }
  return tokens;
}

export function highlight(code: string, lang: string): string {
  return tokenize(code, lang)
    .map(({ kind, text }) =>
      kind ? `<span class="tok-${kind}">${escapeHtml(text)}</span>` : escapeHtml(text),
    )
    .join('');
}
