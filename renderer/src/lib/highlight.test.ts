import { describe, expect, it } from 'vitest';
import { highlight, isHighlighted, tokenize } from './highlight.ts';

const kinds = (code: string, lang: string): string[] =>
  tokenize(code, lang)
    .filter((t) => t.kind)
    .map((t) => `${t.kind}:${t.text}`);

describe('highlight', () => {
  it('marks shell commands, flags, strings, variables and comments', () => {
    expect(
      kinds('kubectl get pods -o wide --all-namespaces # list\necho "$HOME" | grep x', 'bash'),
    ).toEqual([
      'command:kubectl',
      'flag:-o',
      'flag:--all-namespaces',
      'comment:# list',
      'command:echo',
      'string:"$HOME"',
      'operator:|',
      'command:grep',
    ]);
  });

  it('gives the text back unchanged, token by token', () => {
    const code = "kubectl exec -it web -- sh -c 'ls /data; cat /x'\nfoo=${BAR} && ./run.sh";
    expect(
      tokenize(code, 'bash')
        .map((t) => t.text)
        .join(''),
    ).toBe(code);
  });

  it('escapes everything, inside and outside tokens', () => {
    const html = highlight('echo "<b>" > /tmp/x <script>', 'bash');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;b&gt;');
    expect(highlight('<img src=x onerror=alert(1)>', 'text')).toBe(
      '&lt;img src=x onerror=alert(1)&gt;',
    );
  });

  it('marks YAML keys, strings and comments', () => {
    expect(kinds('apiVersion: v1\nspec:\n  - name: "web" # the pod\n', 'yaml')).toEqual([
      'key:apiVersion',
      'key:spec',
      'key:name',
      'string:"web"',
      'comment:# the pod',
    ]);
  });

  it('leaves unknown languages plain', () => {
    expect(isHighlighted('text')).toBe(false);
    expect(isHighlighted('BASH')).toBe(true);
    expect(kinds('kubectl get pods', 'text')).toEqual([]);
  });
});
