/**
 * The key pair check of `kubectl create secret tls`: kubectl v1.32 loads the
 * files with Go's tls.X509KeyPair and stops on its error. This module makes
 * the same checks with Node's crypto and reports Go's messages.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { UsageError } from '../../api/errors.js';

interface PemBlock {
  type: string;
  der: Buffer;
}

const PEM_BLOCK = /-----BEGIN ([^\r\n]*?)-----\r?\n([\s\S]*?)-----END \1-----/g;

/**
 * Decodes the PEM blocks of `input` in order, as repeated pem.Decode calls
 * do. A block whose body is not base64 is skipped.
 */
function decodePem(input: Buffer): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of input.toString('latin1').matchAll(PEM_BLOCK)) {
    const lines = match[2].split(/\r?\n/).filter((line) => line !== '');
    // Header lines (`Proc-Type: 4,ENCRYPTED`) come before a blank line and are not part of the body.
    const body = lines.filter((line) => !line.includes(':')).join('');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) continue;
    blocks.push({ type: match[1], der: Buffer.from(body, 'base64') });
  }
  return blocks;
}

function fail(message: string): never {
  throw new UsageError(message);
}

/** Finds the certificates of the certificate input, with Go's messages when there are none. */
function certificateBlocks(certPem: Buffer): Buffer[] {
  const blocks = decodePem(certPem);
  const certificates = blocks.filter((b) => b.type === 'CERTIFICATE').map((b) => b.der);
  if (certificates.length > 0) return certificates;
  const skipped = blocks.map((b) => b.type);
  if (skipped.length === 0) fail('tls: failed to find any PEM data in certificate input');
  if (skipped.length === 1 && skipped[0].endsWith('PRIVATE KEY')) {
    fail('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
  }
  return fail(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`);
}

/** Finds the first block whose type ends in "PRIVATE KEY", with Go's messages when there is none. */
function keyBlock(keyPem: Buffer): Buffer {
  const skipped: string[] = [];
  for (const block of decodePem(keyPem)) {
    if (block.type === 'PRIVATE KEY' || block.type.endsWith(' PRIVATE KEY')) return block.der;
    skipped.push(block.type);
  }
  if (skipped.length === 0) fail('tls: failed to find any PEM data in key input');
  if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') fail('tls: found a certificate rather than a key in the PEM for the private key');
  return fail(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`);
}

/** The elliptic curves Go's x509 package parses (P-224, P-256, P-384 and P-521), by their OpenSSL names. */
const GO_CURVES = new Set(['secp224r1', 'prime256v1', 'secp384r1', 'secp521r1']);

/** Reports whether Go's x509 parsers would return this key for the given format. */
function goParses(key: KeyObject, type: 'pkcs1' | 'pkcs8' | 'sec1'): boolean {
  const kind = key.asymmetricKeyType;
  if (kind === 'ec') return GO_CURVES.has(String(key.asymmetricKeyDetails?.namedCurve));
  if (type === 'pkcs8') return kind === 'rsa' || kind === 'ed25519' || kind === 'x25519';
  return true;
}

/**
 * Parses a private key as Go's tls package tries the formats: PKCS #1, then
 * PKCS #8, then SEC 1. A PKCS #8 X25519 key parses in Go but cannot sign,
 * so tls rejects it with its own message.
 */
function parsePrivateKey(der: Buffer): KeyObject {
  for (const type of ['pkcs1', 'pkcs8', 'sec1'] as const) {
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: der, format: 'der', type });
    } catch {
      continue;
    }
    if (!goParses(key, type)) continue;
    if (key.asymmetricKeyType === 'x25519') fail('tls: found unknown private key type in PKCS#8 wrapping');
    return key;
  }
  return fail('tls: failed to parse private key');
}

/**
 * Checks that `certPem` contains a certificate whose public key matches the
 * private key in `keyPem`, and throws tls.X509KeyPair's error otherwise.
 */
// NOTE: Go's x509 parser and Node's accept slightly different certificates.
// Any certificate Node rejects is reported as Go's generic
// "x509: malformed certificate".
export function checkKeyPair(certPem: Buffer, keyPem: Buffer): void {
  const [first] = certificateBlocks(certPem);
  const der = keyBlock(keyPem);

  let cert: X509Certificate;
  try {
    cert = new X509Certificate(first);
  } catch {
    return fail('x509: malformed certificate');
  }
  const key = parsePrivateKey(der);

  const publicType = cert.publicKey.asymmetricKeyType;
  if (publicType !== 'rsa' && publicType !== 'ec' && publicType !== 'ed25519') fail('tls: unknown public key algorithm');
  if (key.asymmetricKeyType !== publicType) fail('tls: private key type does not match public key type');
  if (!cert.checkPrivateKey(key)) fail('tls: private key does not match public key');
}
