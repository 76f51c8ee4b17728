/**
 * Line-level rules of the transcript parser: which lines are shell prompts,
 * how a command is cleaned of comment tails and glued output, and which kind
 * of step a command is.
 */

/** Kind of work a runner does for a step, decided by the command's first word. */
export type StepKind = 'kubectl' | 'curl' | 'echo-status' | 'docker' | 'editor' | 'shell' | 'other';

/** A prompt line split into its prompt and the raw command text after it. */
export interface PromptMatch {
  prompt: string;
  rest: string;
}

/** Command words of shell steps: a step starting with one of them is kind `shell`. */
export const SHELL_COMMANDS: readonly string[] = [
  'kubeadm', 'kubelet', 'minikube', 'kind', 'helm', 'k9s', 'printf',
  'cat', 'vi', 'vim', 'nano', 'emacs', 'ls', 'cd', 'pwd', 'export', 'unset', 'sleep', 'watch',
  'sudo', 'grep', 'egrep', 'sed', 'awk', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr',
  'jq', 'yq', 'base64', 'openssl', 'for', 'while', 'until', 'if', 'ping', 'nslookup',
  'dig', 'host', 'mkdir', 'rm', 'cp', 'mv', 'touch', 'chmod', 'git', 'source', 'alias',
  'env', 'ps', 'top', 'date', 'hostname', 'ip', 'ifconfig', 'iptables', 'ipvsadm', 'ss',
  'netstat', 'systemctl', 'journalctl', 'yum', 'apt', 'apt-get', 'dnf', 'time', 'history',
  'clear', 'exit', 'tee', 'xargs', 'find', 'tar', 'scp', 'ssh', 'telnet', 'nc', 'echo',
];

/** Command words that are also common English words, so a `# watch the pods` comment stays a comment. */
const ENGLISH_WORDS = new Set([
  'for', 'while', 'until', 'if', 'watch', 'sort', 'cut', 'head', 'tail', 'host', 'touch', 'source',
  'alias', 'env', 'top', 'date', 'time', 'history', 'clear', 'exit', 'find', 'kind', 'tr', 'ip', 'ss', 'nc',
]);

/**
 * Command words that make a `# cmd` or `> cmd` line a prompt. Without this
 * list, `# 扩容` or `> quoted text` would read as commands, because root's
 * prompt and a shell comment both start with `#`. Words that are also
 * English words are left out, so such a command after `#` is read as a comment.
 */
export const KNOWN_COMMANDS: readonly string[] = [
  'kubectl', 'kubesim', 'curl', 'wget', 'docker', 'crictl', 'ctr', 'podman', 'nerdctl',
  ...SHELL_COMMANDS.filter((word) => !ENGLISH_WORDS.has(word)),
];

const BRACKET_PROMPT = /^(\[[^\]\s]+@[^\]]*\][#$])\s?(.*)$/;
const COLON_PROMPT = /^([\w.-]+@[\w.-]+:[^\s#$]*[#$])\s(.*)$/;
const DOLLAR_PROMPT = /^(\$)(?:\s+(.*))?$/;
const HASH_PROMPT = /^(#)\s*(\S.*)$/;
const GREATER_PROMPT = /^(>)\s+(\S.*)$/;
const ASSIGNMENT = /^[A-Za-z_]\w*=/;

/** Glued output: 8+ spaces, then an upper-case word that starts a table header. */
const GLUED_HEADER = /\s{8,}(?=[A-Z][A-Z0-9_-]*(?:\s{2,}|\t)[A-Z])/;

/**
 * Returns the prompt and command text of a prompt line, or undefined for
 * prose, output and comments. `[user@host dir]#`, `user@host:dir$` and `$ `
 * prompts take any command. `#` and `>` prompts need a known command word
 * (or a variable assignment) first, so comments stay comments.
 */
export function matchPrompt(line: string, knownCommands: readonly string[] = KNOWN_COMMANDS): PromptMatch | undefined {
  for (const pattern of [BRACKET_PROMPT, COLON_PROMPT, DOLLAR_PROMPT]) {
    const m = pattern.exec(line);
    if (m) return { prompt: m[1], rest: m[2] ?? '' };
  }
  for (const pattern of [HASH_PROMPT, GREATER_PROMPT]) {
    const m = pattern.exec(line);
    if (m && startsWithCommand(m[2], knownCommands)) return { prompt: m[1], rest: m[2] };
  }
  return undefined;
}

/** Reports whether text starts with a known command word or a variable assignment. */
export function startsWithCommand(text: string, knownCommands: readonly string[] = KNOWN_COMMANDS): boolean {
  if (ASSIGNMENT.test(text)) return true;
  const word = /^[^\s;|&]+/.exec(text)?.[0] ?? '';
  return knownCommands.includes(word);
}

/** A prompt line's text split into the command and what followed it. */
export interface CleanCommand {
  command: string;
  /** Shell comment after the command, without the `#` marks. */
  comment?: string;
  /** Output that was glued to the command line with a run of spaces. */
  gluedOutput?: string;
}

/**
 * Splits the text after a prompt into the command, a trailing shell comment
 * (`kubectl get pods  ## note`) and output glued on with trailing spaces
 * (`kubectl get pod   NAME  READY ...`, from a copy that lost a line break).
 */
export function cleanCommand(rest: string): CleanCommand {
  let text = rest;
  let gluedOutput: string | undefined;
  const glued = GLUED_HEADER.exec(text);
  if (glued) {
    gluedOutput = text.slice(glued.index).trim();
    text = text.slice(0, glued.index);
  }

  const hash = findCommentStart(text);
  let comment: string | undefined;
  if (hash >= 0) {
    comment = text.slice(hash).replace(/^#+\s*/, '').trim();
    text = text.slice(0, hash);
  }

  const result: CleanCommand = { command: text.trim() };
  if (comment) result.comment = comment;
  if (gluedOutput) result.gluedOutput = gluedOutput;
  return result;
}

/** Index of a `#` that starts a shell comment: after whitespace and outside quotes. */
function findCommentStart(text: string): number {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && i > 0 && /\s/.test(text[i - 1])) {
      return i;
    }
  }
  return -1;
}

const EDITORS = ['vi', 'vim', 'nano', 'emacs'];

/**
 * Classifies a command by its first word. `editor` means the step's effect
 * is writing a file: `vi NAME` and `cat > NAME <<EOF`.
 */
export function classifyCommand(command: string): StepKind {
  const words = command.split(/\s+/).filter((w) => w !== 'sudo');
  const first = words[0] ?? '';
  if (first === 'kubectl' || first === 'kubesim') return 'kubectl';
  if (first === 'curl' || first === 'wget') return 'curl';
  if (first === 'echo' && /^\$\?$|^"\$\?"$/.test(words[1] ?? '') && words.length === 2) return 'echo-status';
  if (['docker', 'crictl', 'ctr', 'podman', 'nerdctl'].includes(first)) return 'docker';
  if (EDITORS.includes(first) || (first === 'cat' && /(^|\s)>\s*\S/.test(command))) return 'editor';
  if (ASSIGNMENT.test(first) || SHELL_COMMANDS.includes(first)) return 'shell';
  return 'other';
}

/** File name opened by an editor command (`vi rs.yml`), or undefined. */
export function editorTarget(command: string): string | undefined {
  const m = /^(?:sudo\s+)?(?:vi|vim|nano|emacs)\s+(\S+)\s*$/.exec(command);
  return m?.[1];
}

/** A heredoc opened by a command: its delimiter and the file it writes, if any. */
export interface HeredocStart {
  delimiter: string;
  /** Whether `<<-` strips leading tabs from the body. */
  stripTabs: boolean;
  target?: string;
}

/** Recognizes `cat > NAME <<EOF`, `cat <<'EOF' > NAME` and `cmd <<EOF` (stdin only). */
export function heredocStart(command: string): HeredocStart | undefined {
  const m = /<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2/.exec(command);
  if (!m) return undefined;
  const target = /^(?:sudo\s+)?cat\b[^|]*?>\s*([^\s<>|;&]+)/.exec(command)?.[1];
  const start: HeredocStart = { delimiter: m[3], stripTabs: m[1] === '-' };
  if (target) start.target = target;
  return start;
}

/** Local files a command reads with `-f NAME`, `--filename NAME` or `--filename=NAME`. */
export function filesReadBy(command: string): string[] {
  const files: string[] = [];
  const pattern = /(?:^|\s)(?:-f|--filename)(?:\s+|=)([^\s;|&]+)/g;
  for (const m of command.matchAll(pattern)) {
    const name = m[1];
    if (name !== '-' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(name)) files.push(name);
  }
  return files;
}

/** File shown by `cat NAME` (a plain read of one YAML or JSON file), or undefined. */
export function catTarget(command: string): string | undefined {
  return /^cat\s+([^\s<>|;&]+\.(?:ya?ml|json))\s*$/.exec(command)?.[1];
}
