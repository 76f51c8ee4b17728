/**
 * The applets that change a process's files: `touch`, `rm` and `mkdir`,
 * over the in-memory files of the simulated shell. Folders are implicit
 * (a folder exists while a file in it does), so `mkdir` only succeeds.
 */
import { resolvePath } from './builtins';
import { readFile } from './commands';
import type { ShellState } from './run';

/** Splits leading `-xyz` options from the operands, stopping at `--`. */
function splitOptions(args: string[]): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  let i = 0;
  for (; i < args.length && args[i].startsWith('-') && args[i] !== '-'; i++) {
    if (args[i] === '--') {
      i++;
      break;
    }
    for (const flag of args[i].slice(1)) flags.add(flag);
  }
  return { flags, operands: args.slice(i) };
}

/** Runs `touch FILE...`: creates each missing file empty and keeps the contents of existing ones. */
export function touch(state: ShellState, args: string[]): number {
  for (const operand of splitOptions(args).operands) {
    const path = resolvePath(state, operand);
    if (state.files.has(path)) continue;
    state.files.set(path, readFile(state, path) ?? '');
  }
  return 0;
}

/**
 * Runs `rm [-f] [-r] FILE...`. A missing file is an error unless `-f` is
 * given; `-r` also removes the files under a folder. Messages follow
 * busybox, or coreutils in the Debian-based images (the `dash` and `bash` dialects).
 */
export function rm(state: ShellState, args: string[]): number {
  const { flags, operands } = splitOptions(args);
  const force = flags.has('f');
  const recursive = flags.has('r') || flags.has('R');
  let status = 0;
  for (const operand of operands) {
    const path = resolvePath(state, operand);
    let removed = false;
    if (state.files.has(path) || readFile(state, path) !== undefined) {
      state.files.delete(path);
      removed = true;
    }
    if (recursive) {
      for (const file of [...state.files.keys()]) {
        if (!file.startsWith(`${path}/`)) continue;
        state.files.delete(file);
        removed = true;
      }
    }
    if (removed || force) continue;
    const verb = state.world.dialect !== 'ash' ? 'cannot remove' : "can't remove";
    state.write('stderr', `rm: ${verb} '${operand}': No such file or directory\n`);
    status = 1;
  }
  return status;
}

/** Runs `mkdir [-p] DIR...`, which succeeds because folders are implicit. */
export function mkdir(): number {
  return 0;
}
