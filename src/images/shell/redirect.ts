/**
 * Redirections of simple commands: `>`, `>>`, `<`, `2>&1`, `>&2`, with
 * `/dev/null`, `/dev/stdout`, `/dev/stderr` and in-memory files as targets.
 */
import { readFile } from './commands';
import { expandWord } from './expand';
import { resolvePath } from './builtins';
import type { Redirection } from './parse';
import type { OutputTarget, ShellState } from './run';

/** Points descriptors at the redirection targets, left to right; false when a target cannot be opened. */
export function applyRedirections(state: ShellState, redirections: Redirection[]): boolean {
  for (const r of redirections) {
    const target = expandWord(state, r.target);
    if (r.op === '<') {
      const content = target === '/dev/null' ? '' : readFile(state, target);
      if (content === undefined) {
        state.error(`can't open ${target}: no such file`);
        return false;
      }
      state.stdin = content;
      continue;
    }
    if (r.fd !== 1 && r.fd !== 2) continue;
    if (r.op === '>&') {
      if (target === '1' || target === '2') state.fds = { ...state.fds, [r.fd]: state.fds[Number(target) as 1 | 2] };
      continue;
    }
    let opened: OutputTarget;
    if (target === '/dev/null') opened = { type: 'null' };
    else if (target === '/dev/stdout' || target === '/proc/1/fd/1') opened = state.fds[1];
    else if (target === '/dev/stderr' || target === '/proc/1/fd/2') opened = state.fds[2];
    else {
      const path = resolvePath(state, target);
      if (r.op === '>') state.files.set(path, '');
      opened = { type: 'file', path };
    }
    state.fds = { ...state.fds, [r.fd]: opened };
  }
  return true;
}
