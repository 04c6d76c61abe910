// The fish completion script: `kubelab completion fish | source`.
import type { Context } from './contexts.ts';
import { quote } from './contexts.ts';

function cases(contexts: Context[], lines: (context: Context) => string[]): string {
  return contexts
    .map((context) => {
      const items = lines(context);
      return `        case ${quote(context.key)}\n            ${items.length ? `printf '%s\\n' ${items.map(quote).join(' ')}` : 'true'}`;
    })
    .join('\n');
}

function completions(context: Context): string[] {
  const when = `-n ${quote(`__kubelab_in "${context.key}"`)}`;
  const lines = context.subcommands.map(
    (s) => `complete -c kubelab ${when} -a ${quote(s.word)} -d ${quote(s.description)}`,
  );
  for (const flag of context.flags) {
    const takes =
      flag.takes === 'file'
        ? ' -rF'
        : flag.takes === 'dir'
          ? " -rfa '(__fish_complete_directories)'"
          : flag.takes
            ? ' -rf'
            : '';
    lines.push(
      `complete -c kubelab ${when} -l ${flag.word.slice(2)}${takes} -d ${quote(flag.description)}`,
    );
  }
  const a = context.argument;
  if (a === 'file') lines.push(`complete -c kubelab ${when} -F`);
  else if (a === 'dir')
    lines.push(`complete -c kubelab ${when} -a '(__fish_complete_directories)'`);
  else if (typeof a !== 'string')
    lines.push(
      a.kind === 'verbs'
        ? `complete -c kubelab ${when} -a '(__kubelab_subs "")'`
        : `complete -c kubelab ${when} -a ${quote(a.choices.join(' '))}`,
    );
  return lines;
}

export function fishScript(contexts: Context[]): string {
  return `# kubelab completion for fish, generated from the CLI's declarations.
# Load it with: kubelab completion fish | source
function __kubelab_subs
    switch "$argv[1]"
${cases(contexts, (c) => c.subcommands.map((s) => s.word))}
    end
end
function __kubelab_values
    switch "$argv[1]"
${cases(contexts, (c) => c.flags.filter((f) => f.takes).map((f) => f.word))}
    end
end
# The verb and sub-verb typed so far ("" before the verb, "--" after a --).
function __kubelab_ctx
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l ctx ''
    set -l pending 0
    for word in $tokens
        if test "$word" = --
            echo -- --
            return
        end
        if test $pending = 1
            set pending 0
            continue
        end
        if contains -- $word (__kubelab_values "$ctx")
            set pending 1
            continue
        end
        if not string match -q -- '-*' $word; and contains -- $word (__kubelab_subs "$ctx")
            set ctx (string trim -- "$ctx $word")
        end
    end
    echo -- $ctx
end
function __kubelab_in
    set -l ctx (__kubelab_ctx)
    test "$ctx" = "$argv[1]"
end
complete -c kubelab -f
${contexts.flatMap(completions).join('\n')}
`;
}
