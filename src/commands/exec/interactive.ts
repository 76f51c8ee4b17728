/**
 * An interactive shell on the user's terminal for `kubectl exec -it POD -- sh`:
 * prints the shell's prompt, runs each line in the simulated shell and ends
 * on `exit` or end of input.
 */
import { createInterface } from 'node:readline';
import type { InteractiveShell } from '../../images/exec.js';

/**
 * Runs the session on a terminal (the process's own stdin and stdout by
 * default) and returns the shell's exit status. Simplified: kubectl puts the terminal in raw mode and
 * the container's terminal echoes and edits lines. kubesim reads whole lines
 * with node:readline instead, so each line must be a complete command (an
 * `if` or a loop split over lines is a syntax error).
 */
export async function runInteractiveShell(
  session: InteractiveShell,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const terminal = (output as NodeJS.WriteStream).isTTY === true;
  const rl = createInterface({ input, output, terminal });
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
      output.write(result.stdout + result.stderr);
      if (result.exited !== undefined) end(result.exited);
      else rl.prompt();
    });
    // Ctrl-C discards the line being typed and shows a new prompt, as the shell does at its prompt.
    rl.on('SIGINT', () => {
      output.write('^C\n');
      rl.write(null, { ctrl: true, name: 'u' });
      rl.prompt();
    });
    // End of input (Ctrl-D) ends the shell with the status of its last command.
    rl.on('close', () => {
      if (!ended) output.write('\n');
      end(session.shell.state.status & 255);
    });
  });
}
