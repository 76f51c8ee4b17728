/**
 * Reads a transcript for signs of the cluster it was captured on, so the
 * replay can create a cluster like it: the Kubernetes version its messages
 * belong to, and images whose pulls timed out (a cluster without internet
 * access).
 */
import type { Step } from '../parse';

/** A version limit and the transcript line that shows it. */
export interface VersionEvidence {
  /** Newest minor version (1.x) that prints this. */
  maxMinor: number;
  line: number;
  /** Transcript file of the line, when the replay reads a folder. */
  file?: string;
  reason: string;
}

/** Result of `detectEra`: the version to emulate (undefined: the default) and the evidence for it. */
export interface Era {
  version?: string;
  evidence: VersionEvidence[];
}

interface Clue {
  pattern: RegExp;
  maxMinor: number;
  reason: string;
}

/**
 * Output that only old releases print. The Deployment, ReplicaSet and
 * DaemonSet kinds left the `extensions` group in 1.16. The other limits
 * follow kubesim's own printers: `No resources found.` without the
 * namespace before 1.16, and events `From: kubelet, NODE` before 1.18.
 */
const CLUES: readonly Clue[] = [
  { pattern: /^(?:deployment|replicaset|daemonset)\.extensions[/ ]/, maxMinor: 15, reason: 'the extensions API group in a resource name' },
  { pattern: /^No resources found\.$/, maxMinor: 15, reason: '"No resources found." without a namespace' },
  { pattern: /\s(?:kubelet|default-scheduler), [a-z0-9.-]+\s/, maxMinor: 17, reason: 'events from "kubelet, NODE"' },
];

/**
 * Picks the newest minor version that every clue allows. Only steps with
 * the dominant prompt count, so an example quoted from other documentation
 * does not decide the version.
 */
export function detectEra(steps: readonly Step[], dominantPrompt?: string): Era {
  const evidence: VersionEvidence[] = [];
  for (const step of steps) {
    if (dominantPrompt !== undefined && step.prompt !== '' && step.prompt !== dominantPrompt) continue;
    for (const [offset, line] of step.expectedOutput.entries()) {
      for (const clue of CLUES) {
        if (clue.pattern.test(line) && !evidence.some((e) => e.reason === clue.reason)) {
          const found: VersionEvidence = { maxMinor: clue.maxMinor, line: step.line + offset + 1, reason: clue.reason };
          if (step.file) found.file = step.file;
          evidence.push(found);
        }
      }
    }
  }
  if (evidence.length === 0) return { evidence };
  const minor = Math.min(...evidence.map((e) => e.maxMinor));
  return { version: `1.${minor}`, evidence };
}

/**
 * Images whose pulls the transcript shows failing with a network timeout
 * (`Failed to pull image "perl": ... i/o timeout`). The replay creates its
 * cluster with these as pull-timeout images. The repository is what counts,
 * because the manifest shown may name a tag that the failing run did not use.
 */
export function detectPullTimeouts(steps: readonly Step[]): string[] {
  const images = new Set<string>();
  for (const step of steps) {
    for (const line of step.expectedOutput) {
      const m = /Failed to pull image "([^"]+)":.*(?:i\/o timeout|TLS handshake timeout|context deadline exceeded)/.exec(line);
      if (m) images.add(`${repositoryOf(m[1])}:*`);
    }
  }
  return [...images];
}

function repositoryOf(image: string): string {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

/** Returns the prompt most steps use (`[root@k8s-master01 ~]#`), or undefined when steps have none. */
export function dominantPrompt(steps: readonly Step[]): string | undefined {
  const counts = new Map<string, number>();
  for (const step of steps) if (step.prompt !== '') counts.set(step.prompt, (counts.get(step.prompt) ?? 0) + 1);
  let best: string | undefined;
  for (const [prompt, n] of counts) if (best === undefined || n > counts.get(best)!) best = prompt;
  return best;
}
