/**
 * Recognizes the parts of kubectl output that legitimately differ between
 * two runs of the same tutorial: timestamps, ages, IP addresses, uids and
 * generated name suffixes.
 */

/** Alphabet of Kubernetes' generated name suffixes and pod-template-hashes (no vowels, no 0/1/3). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const SAFE_SEGMENT = new RegExp(`^[${SAFE_ALPHABET}]{5,10}$`);
/** CronJob job names end in the scheduled time: minutes since the epoch today, seconds in old releases. */
const DIGIT_SEGMENT = /^\d{6,12}$/;

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIMESTAMPS: readonly RegExp[] = [
  // RFC 1123 with a numeric zone, as `kubectl describe` prints: Tue, 31 May 2022 15:21:18 +0800
  new RegExp(`\\b${DAY}, \\d{1,2} ${MONTH} \\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}\\b`, 'g'),
  // date(1) and Go's UnixDate: Tue May 31 10:03:24 UTC 2022
  new RegExp(`\\b${DAY} ${MONTH} +\\d{1,2} \\d{2}:\\d{2}:\\d{2} [A-Z]{2,5} \\d{4}\\b`, 'g'),
  // RFC 3339, as in -o yaml: 2022-05-31T10:03:24Z
  /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g,
  // Go's time.Time default format: 2022-05-31 15:21:18 +0800 CST
  /\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? [+-]\d{4}(?: [A-Z]{2,5})?/g,
];

/** Placeholder that replaces every timestamp; it contains no spaces, so it is one cell. */
export const TIME_MASK = '<time>';

/**
 * A registry CDN's signed blob URL (in docker's pull errors) ends in
 * `?verify=EXPIRY-SIGNATURE`: a timestamp and a signature over it. The
 * `sha256/17/` directory in front of a blob repeats the digest's first two
 * characters, so it is dropped and the digest binds like a uid.
 */
const SIGNED_URL_EXPIRY = /([?&]verify=)\d+-[A-Za-z0-9%._~-]+/g;
const BLOB_DIRECTORY = /\/sha256\/[0-9a-f]{2}\/(?=[0-9a-f]{64})/g;

/** Replaces every timestamp in a line with TIME_MASK, signed-URL expiries included (see SIGNED_URL_EXPIRY). */
export function maskTimestamps(line: string): string {
  const masked = TIMESTAMPS.reduce((text, pattern) => text.replace(pattern, TIME_MASK), line);
  return masked.replace(SIGNED_URL_EXPIRY, `$1${TIME_MASK}`).replace(BLOB_DIRECTORY, '/sha256/');
}

/** Reports whether a word is a kubectl age or duration (`20s`, `2m58s`, `5h4m`, `<invalid>`). */
export function isAge(word: string): boolean {
  return /^(?:\d+[smhdy])+$/.test(word) || word === '<invalid>' || word === '<unknown>';
}

/** A run of characters of one kind inside a word. */
export interface Piece {
  kind: 'ip' | 'uid' | 'name' | 'punct';
  text: string;
}

const PIECE = /(\d{1,3}(?:\.\d{1,3}){3})|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64}(?![A-Za-z0-9-]))|([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)|([^A-Za-z0-9]+)/g;

/** Splits a word into IP addresses, uids (and sha256 digests, which bind the same way), name-like runs and punctuation. */
export function splitPieces(word: string): Piece[] {
  const pieces: Piece[] = [];
  for (const m of word.matchAll(PIECE)) {
    let kind: Piece['kind'] = 'punct';
    if (m[1]) kind = 'ip';
    else if (m[2]) kind = 'uid';
    else if (m[3]) kind = 'name';
    pieces.push({ kind, text: m[0] });
  }
  return pieces;
}

/** Class of a generated name segment. */
export type SegmentClass = 'safe' | 'digits';

/** A name split into its literal base and the generated segments after it. */
export interface GeneratedName {
  base: string;
  /** Generated segments, left to right. */
  segments: string[];
  classes: SegmentClass[];
}

/**
 * Reports whether an actual segment can stand in for an expected one. Both
 * must be CronJob-style digits or both safe-alphabet strings; a hash that
 * happens to be all digits (`2456789245`) is both.
 */
export function segmentsCompatible(expected: string, actual: string): boolean {
  if (DIGIT_SEGMENT.test(expected) && DIGIT_SEGMENT.test(actual)) return true;
  return SAFE_SEGMENT.test(expected) && SAFE_SEGMENT.test(actual);
}

/** Class of one dash-separated segment, or undefined when it is an ordinary word. */
export function classifySegment(segment: string): SegmentClass | undefined {
  if (DIGIT_SEGMENT.test(segment)) return 'digits';
  if (SAFE_SEGMENT.test(segment)) return 'safe';
  return undefined;
}

/**
 * Splits `nginx-deployment-5df65767f-4wxdv` into base `nginx-deployment`
 * and generated segments `5df65767f`, `4wxdv`, reading generated segments
 * from the right. A lone segment such as a label value `5df65767f` counts
 * (with base '') only when it mixes letters and digits, so plain words and
 * numbers stay literal. Returns undefined when nothing is generated.
 */
export function splitGeneratedName(name: string): GeneratedName | undefined {
  const parts = name.split('-');
  const segments: string[] = [];
  const classes: SegmentClass[] = [];
  while (parts.length > 1) {
    const cls = classifySegment(parts[parts.length - 1]);
    if (!cls) break;
    segments.unshift(parts.pop()!);
    classes.unshift(cls);
  }
  if (segments.length > 0) return { base: parts.join('-'), segments, classes };
  if (classifySegment(name) === 'safe' && /\d/.test(name) && /[a-z]/.test(name)) {
    return { base: '', segments: [name], classes: ['safe'] };
  }
  return undefined;
}

/**
 * Replaces everything that may legitimately differ with a placeholder
 * (`<time>`, `<age>`, `<ip>`, `<uid>`, `base-<gen>`). Two lines with the
 * same key can match; the diff pairs lines by it.
 */
export function normalizedKey(line: string): string {
  return maskTimestamps(line)
    .trim()
    .split(/\s+/)
    .map((word) => (isAge(word) ? '<age>' : splitPieces(word).map(pieceKey).join('')))
    .join(' ');
}

function pieceKey(piece: Piece): string {
  if (piece.kind === 'ip') return '<ip>';
  if (piece.kind === 'uid') return '<uid>';
  if (piece.kind === 'punct') return piece.text;
  if (isAge(piece.text)) return '<age>';
  const generated = splitGeneratedName(piece.text);
  if (!generated) return piece.text;
  const masked = generated.segments.map(() => '<gen>');
  return generated.base === '' ? masked.join('-') : [generated.base, ...masked].join('-');
}
