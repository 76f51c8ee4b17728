/**
 * `kubectl create secret tls NAME --cert=FILE --key=FILE`: a
 * kubernetes.io/tls Secret from a PEM certificate and its private key,
 * which must parse and match as kubectl checks them.
 */
import { readFileSync } from 'node:fs';
import type { CommandDef } from '../types.js';
import type { KObject } from '../../api/types.js';
import { UsageError } from '../../api/errors.js';
import { meta } from '../../printers/generator-helpers.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS, requireName } from '../shared/generated.js';
import { describeFsError } from './env-file.js';
import { checkKeyPair } from './tls-pair.js';
import { appendContentHash } from './name-hash.js';
import { APPEND_HASH_FLAG } from './secret.js';

/** Reads a --cert or --key file, with kubectl's message when it cannot. */
function readPemFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const operation = code === 'EISDIR' ? 'read' : 'open';
    throw new UsageError(`Cannot read file ${path}, ${operation} ${path}: ${describeFsError(err)}`);
  }
}

/** Builds the Secret from the two files' bytes, stored unchanged. */
function generateSecretTls(name: string, cert: Buffer, key: Buffer, namespace?: string): KObject {
  return { kind: 'Secret', apiVersion: 'v1', metadata: meta(name, namespace), data: { 'tls.crt': cert.toString('base64'), 'tls.key': key.toString('base64') }, type: 'kubernetes.io/tls' };
}

export const command: CommandDef = {
  use: 'create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]',
  short: 'Create a TLS secret.',
  long: 'Create a TLS secret from the given public/private key pair.\n\n The public/private key pair must exist beforehand. The public key certificate must be .PEM encoded and match the given private key.',
  examples: '  # Create a new TLS secret named tls-secret with the given key pair\n  kubesim create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key',
  flags: [
    APPEND_HASH_FLAG,
    { name: 'cert', type: 'string', default: '', help: 'Path to PEM encoded public key certificate.' },
    { name: 'key', type: 'string', default: '', help: 'Path to private key associated with given certificate.' },
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    const certPath: string = ctx.flags.cert;
    const keyPath: string = ctx.flags.key;
    if (!certPath || !keyPath) throw new UsageError('key and cert must be specified');

    const cert = readPemFile(certPath);
    const key = readPemFile(keyPath);
    checkKeyPair(cert, key);
    const obj = generateSecretTls(name, cert, key, explicitNamespace(ctx));
    if (ctx.flags['append-hash']) appendContentHash(obj);
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create secret ' });
  },
};
