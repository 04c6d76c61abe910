// The bash completion script: `source <(kubelab completion bash)`.
import type { Context } from './contexts.ts';
import { quote } from './contexts.ts';

function cases(contexts: Context[], body: (context: Context) => string): string {
  return contexts.map((context) => `    ${quote(context.key)}) ${body(context)} ;;`).join('\n');
}

const words = (list: { word: string }[]): string => quote(list.map((w) => w.word).join(' '));

export function bashScript(contexts: Context[]): string {
  const argument = (context: Context): string => {
    const a = context.argument;
    if (typeof a === 'string') return `echo ${a}`;
    return a.kind === 'verbs' ? 'echo verbs' : `echo ${quote(`choices ${a.choices.join(' ')}`)}`;
  };
  const values = (context: Context): string =>
    `echo ${quote(
      context.flags
        .filter((f) => f.takes)
        .map((f) => `${f.word}=${f.takes}`)
        .join(' '),
    )}`;
  return `# kubelab completion for bash, generated from the CLI's declarations.
# Load it with: source <(kubelab completion bash)
_kubelab_subs() {
  case "$1" in
${cases(contexts, (c) => `echo ${words(c.subcommands)}`)}
  esac
}
_kubelab_flags() {
  case "$1" in
${cases(contexts, (c) => `echo ${words(c.flags)}`)}
  esac
}
_kubelab_values() {
  case "$1" in
${cases(contexts, values)}
  esac
}
_kubelab_argument() {
  case "$1" in
${cases(contexts, argument)}
  esac
}
_kubelab_complete_kind() {
  case "$1" in
    file) mapfile -t COMPREPLY < <(compgen -f -- "$2") ;;
    dir) mapfile -t COMPREPLY < <(compgen -d -- "$2") ;;
    *) COMPREPLY=() ;;
  esac
}
_kubelab() {
  local cur=\${COMP_WORDS[COMP_CWORD]} ctx='' word pending='' i pair
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    # after --: another program's arguments (kubectl, a command in a node)
    if [[ $word == -- ]]; then COMPREPLY=(); return 0; fi
    if [[ -n $pending ]]; then pending=''; continue; fi
    for pair in $(_kubelab_values "$ctx"); do
      [[ $word == "\${pair%%=*}" ]] && pending=\${pair#*=}
    done
    [[ -n $pending ]] && continue
    if [[ $word != -* && " $(_kubelab_subs "$ctx") " == *" $word "* ]]; then
      ctx=\${ctx:+$ctx }$word
    fi
  done
  if [[ -n $pending ]]; then _kubelab_complete_kind "$pending" "$cur"; return 0; fi
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_kubelab_flags "$ctx")" -- "$cur")
    return 0
  fi
  local candidates argument
  candidates=$(_kubelab_subs "$ctx")
  argument=$(_kubelab_argument "$ctx")
  case $argument in
    verbs) candidates="$candidates $(_kubelab_subs '')" ;;
    choices\\ *) candidates="$candidates \${argument#choices }" ;;
    file | dir)
      _kubelab_complete_kind "$argument" "$cur"
      [[ -n $candidates ]] && mapfile -t -O "\${#COMPREPLY[@]}" COMPREPLY < <(compgen -W "$candidates" -- "$cur")
      return 0
      ;;
  esac
  mapfile -t COMPREPLY < <(compgen -W "$candidates" -- "$cur")
}
complete -F _kubelab kubelab
`;
}
