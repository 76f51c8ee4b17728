import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/completion/index.ts
var BASH = `# bash completion for kubesim
_kubesim_complete() {
  local cur words
  cur="\${COMP_WORDS[COMP_CWORD]}"
  words=("\${COMP_WORDS[@]:1:COMP_CWORD-1}")
  COMPREPLY=( $(kubesim __complete "\${words[@]}" -- "$cur" 2>/dev/null) )
}
complete -o default -F _kubesim_complete kubesim
complete -o default -F _kubesim_complete kubectl
`;
var ZSH = `#compdef kubesim kubectl
# zsh completion for kubesim
_kubesim() {
  local -a candidates
  candidates=( \${(f)"$(kubesim __complete \${words[2,CURRENT-1]} -- \${words[CURRENT]} 2>/dev/null)"} )
  compadd -a candidates
}
compdef _kubesim kubesim kubectl
`;
var FISH = `# fish completion for kubesim
function __kubesim_complete
    set -l words (commandline -opc)
    set -e words[1]
    kubesim __complete $words -- (commandline -ct) 2>/dev/null
end
complete -c kubesim -f -a '(__kubesim_complete)'
complete -c kubectl -f -a '(__kubesim_complete)'
`;
var command = {
  use: "completion SHELL",
  short: "Output shell completion code for the specified shell (bash, zsh or fish).",
  examples: "  # Load the kubesim completion code for bash into the current shell\n  source <(kubesim completion bash)",
  flags: [],
  run(ctx, parsed) {
    const shell = parsed.args[0];
    if (!shell) throw new UsageError("Shell not specified.", true);
    const script = { bash: BASH, zsh: ZSH, fish: FISH }[shell];
    if (!script) throw new UsageError(`Unsupported shell type "${shell}".`, true);
    ctx.io.out(script);
  }
};
export {
  command
};
