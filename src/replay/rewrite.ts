/**
 * Rewrites a transcript command for the replayed cluster: `kubectl label
 * pod frontend-gwqnq ...` must name the pod that the replay bound to
 * `frontend-gwqnq`, and `curl 10.244.1.28` the bound pod IP.
 */

import { resolveValue, type Bindings } from './bindings';
import { splitGeneratedName, splitPieces } from './tokens';

/** A rewritten command and the bindings after pinning any open group member it named. */
export interface RewriteResult {
  command: string;
  bindings: Bindings;
}

/**
 * Replaces bound generated name segments, IP addresses and uids in a
 * command with their actual values; unbound values stay as written. Naming
 * a member of an open group pins it, so the returned bindings must be used
 * for the following steps.
 */
export function rewriteCommand(command: string, bindings: Bindings): RewriteResult {
  let current = bindings;
  const resolve = (value: string): string => {
    const resolved = resolveValue(current, value);
    if (!resolved) return value;
    current = resolved.bindings;
    return resolved.actual;
  };

  const rewritten = splitPieces(command).map((piece) => {
    if (piece.kind === 'punct') return piece.text;
    if (piece.kind === 'ip' || piece.kind === 'uid') return resolve(piece.text);
    const name = splitGeneratedName(piece.text);
    if (!name) return piece.text;
    const segments = name.segments.map(resolve);
    return name.base === '' ? segments.join('-') : [name.base, ...segments].join('-');
  });
  return { command: rewritten.join(''), bindings: current };
}
