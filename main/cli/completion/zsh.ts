// The zsh completion script: `source <(kubelab completion zsh)` (after compinit).
import type { Context, Word } from './contexts.ts';
import { quote } from './contexts.ts';

function cases(contexts: Context[], lines: (context: Context) => string[]): string {
  return contexts
    .map((context) => {
      const items = lines(context);
      return `    ${quote(context.key)}) ${items.length ? `print -rl -- ${items.map(quote).join(' ')}` : ':'} ;;`;
    })
    .join('\n');
}

// _describe splits "word:description" at the first unescaped colon.
const described = (list: Word[]): string[] =>
  list.map((w) => `${w.word.replaceAll(':', '\\:')}:${w.description}`);

export function zshScript(contexts: Context[]): string {
  const argument = (context: Context): string[] => {
    const a = context.argument;
    if (typeof a === 'string') return [a];
    return [a.kind === 'verbs' ? 'verbs' : `choices ${a.choices.join(' ')}`];
  };
  return `#compdef kubelab
# kubelab completion for zsh, generated from the CLI's declarations.
# Load it with: source <(kubelab completion zsh)   (compinit must have run)
_kubelab_subs() {
  case "$1" in
${cases(contexts, (c) => described(c.subcommands))}
  esac
}
_kubelab_flags() {
  case "$1" in
${cases(contexts, (c) => described(c.flags))}
  esac
}
_kubelab_values() {
  case "$1" in
${cases(contexts, (c) => c.flags.filter((f) => f.takes).map((f) => `${f.word}=${f.takes}`))}
  esac
}
_kubelab_argument() {
  case "$1" in
${cases(contexts, argument)}
  esac
}
_kubelab() {
  local ctx='' word pending='' pair argument i
  local -a items subs
  for ((i = 2; i < CURRENT; i++)); do
    word=\${words[i]}
    # after --: another program's arguments (kubectl, a command in a node)
    [[ $word == -- ]] && return 1
    if [[ -n $pending ]]; then pending=''; continue; fi
    for pair in \${(f)"$(_kubelab_values "$ctx")"}; do
      [[ $word == "\${pair%%=*}" ]] && pending=\${pair#*=}
    done
    [[ -n $pending ]] && continue
    subs=(\${(f)"$(_kubelab_subs "$ctx")"})
    if [[ $word != -* ]] && (( \${subs[(I)\${(b)word}:*]} )); then
      ctx=\${ctx:+$ctx }$word
    fi
  done
  case $pending in
    file) _files; return ;;
    dir) _files -/; return ;;
    none) return 1 ;;
  esac
  if [[ $PREFIX == -* ]]; then
    items=(\${(f)"$(_kubelab_flags "$ctx")"})
    _describe -t flags 'flag' items
    return
  fi
  items=(\${(f)"$(_kubelab_subs "$ctx")"})
  argument=$(_kubelab_argument "$ctx")
  case $argument in
    verbs) items+=(\${(f)"$(_kubelab_subs '')"}) ;;
    choices\\ *) items+=(\${=argument#choices }) ;;
    file) _files ;;
    dir) _files -/ ;;
  esac
  (( \${#items} )) && _describe -t commands 'kubelab' items
}
compdef _kubelab kubelab
`;
}
