/**
 * `kubectl describe serviceaccount` (ServiceAccountDescriber): the pull
 * secrets, the mountable secrets and the token Secrets of the account, each
 * `<none>` when empty, then its events.
 */
import type { KObject } from '../../api/types.js';
import { DescribeWriter, writeMap } from './writer.js';
import { writeEvents } from './events.js';
import type { DescribeContext } from './index.js';

/** Secret type of a service account's token Secret. */
const TOKEN_TYPE = 'kubernetes.io/service-account-token';

/** The three headers, padded to one width as kubectl pads them, in kubectl's (sorted) order. */
const PULL_HEADER = 'Image pull secrets:';
const MOUNT_HEADER = 'Mountable secrets: ';
const TOKEN_HEADER = 'Tokens:            ';
const EMPTY_HEADER = '                   ';

export function describeServiceAccount(sa: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.line(0, 'Name', sa.metadata.name);
  w.line(0, 'Namespace', sa.metadata.namespace ?? '');
  writeMap(w, 0, 'Labels', sa.metadata.labels);
  writeMap(w, 0, 'Annotations', sa.metadata.annotations);

  const secrets = ctx.list('secrets', sa.metadata.namespace);
  const existing = new Set(secrets.map((s) => s.metadata.name));
  // A token Secret belongs to the account whose name and uid its annotations carry.
  const tokens = secrets
    .filter((s) => s.type === TOKEN_TYPE)
    .filter((s) => s.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name && s.metadata.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata.uid)
    .map((s) => s.metadata.name);
  const names = (refs: { name?: string }[] | undefined) => (refs ?? []).map((r) => r.name ?? '');
  const sections: [string, string[]][] = [
    [PULL_HEADER, names(sa.imagePullSecrets)],
    [MOUNT_HEADER, names(sa.secrets)],
    [TOKEN_HEADER, tokens],
  ];
  for (const [header, list] of sections) {
    if (list.length === 0) {
      w.write(0, `${header}\t<none>\n`);
      continue;
    }
    let prefix = header;
    for (const name of list) {
      const missing = header !== TOKEN_HEADER && !existing.has(name);
      w.write(0, `${prefix}\t${name}${missing ? ' (not found)' : ''}\n`);
      prefix = EMPTY_HEADER;
    }
  }
  writeEvents(w, ctx.events(sa), ctx.now, ctx.version);
  return w.text();
}
