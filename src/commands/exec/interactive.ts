/**
 * An interactive shell on the user's terminal for `kubectl exec -it POD -- sh`:
 * prints the shell's prompt, runs each line in the simulated shell and ends
 * on `exit` or end of input.
 */
import { createInterface } from 'node:readline';
import type { InteractiveShell } from '../../images/exec.js';

/**
 * Runs the session on the process's own stdin and stdout and returns the
 * shell's exit status. Simplified: kubectl puts the terminal in raw mode and
 * the container's terminal echoes and edits lines. kubesim reads whole lines
 * with node:readline instead, so each line must be a complete command (an
 * `if` or a loop split over lines is a syntax error).
 */
export async function runInteractiveShell(session: InteractiveShell): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  rl.setPrompt(session.prompt);
  rl.prompt();
  return new Promise<number>((resolve) => {
    let ended = false;
    const end = (code: number) => {
      if (ended) return;
      ended = true;
      rl.close();
      resolve(code);
    };
    rl.on('line', (line) => {
      const result = session.shell.runScript(line);
      process.stdout.write(result.stdout + result.stderr);
      if (result.exited !== undefined) end(result.exited);
      else rl.prompt();
    });
    // End of input (Ctrl-D) ends the shell with the status of its last command.
    rl.on('close', () => {
      if (!ended) process.stdout.write('\n');
      end(session.shell.state.status & 255);
    });
  });
}
