/**
 * The cluster's CA certificate as PEM text, the bundle kubeadm writes to
 * /etc/kubernetes/pki/ca.crt and kube-controller-manager publishes in every
 * namespace's `kube-root-ca.crt` ConfigMap.
 *
 * Simplified: a real bundle is a signed X.509 certificate. kubesim has no
 * TLS, so the bundle only looks like one: its DER starts as a kubeadm CA's
 * does (version 3, an 8-byte serial, sha256WithRSAEncryption, issuer
 * CN=kubernetes), and the rest are bytes hashed from the cluster's seed. The
 * size matches a kubeadm CA with a 2048-bit RSA key: 777 bytes of DER, 1107
 * characters of PEM.
 */
import { draw } from '../../engine/random.js';

/** Mixed into the cluster's seed so the bundle's bytes repeat no other stream ("ca.c"). */
const STREAM = 0x63612e63;

/** Bytes of DER in the bundle. */
const DER_LENGTH = 777;

/**
 * The opening of a kubeadm CA's DER: the certificate and TBSCertificate
 * SEQUENCE headers, the version, the tag and length of the serial.
 */
const HEAD = [0x30, 0x82, 0x03, 0x05, 0x30, 0x82, 0x01, 0xed, 0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x08];

/** The signature algorithm (sha256WithRSAEncryption) and the issuer CN=kubernetes, after the serial. */
const AFTER_SERIAL = [
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00,
  0x30, 0x15, 0x31, 0x13, 0x30, 0x11, 0x06, 0x03, 0x55, 0x04, 0x03, 0x13, 0x0a,
  ...Array.from('kubernetes', (c) => c.charCodeAt(0)),
];

/** The last bundle built: every namespace's ConfigMap contains the same text. */
let cached: { seed: number; pem: string } | undefined;

/**
 * Returns the cluster's CA bundle: `-----BEGIN CERTIFICATE-----`, base64
 * lines of 64 characters, `-----END CERTIFICATE-----` and a newline. It
 * depends on the seed only and draws nothing from the cluster's generator.
 */
export function clusterCABundle(seed: number): string {
  if (cached?.seed === seed) return cached.pem;
  const stream = (seed ^ STREAM) >>> 0;
  const der = Buffer.alloc(DER_LENGTH);
  let at = 0;
  for (const b of HEAD) der[at++] = b;
  const serialStart = at;
  for (; at < serialStart + 8; at++) der[at] = draw(stream, at) & 0xff;
  // A DER INTEGER is positive when its first bit is clear.
  der[serialStart] &= 0x7f;
  for (const b of AFTER_SERIAL) der[at++] = b;
  for (; at < DER_LENGTH; at++) der[at] = draw(stream, at) & 0xff;

  const body = der.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  const pem = `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
  cached = { seed, pem };
  return pem;
}
