/**
 * Label selectors in both forms: the string syntax of `-l` (equality- and
 * set-based) and the structured `matchLabels`/`matchExpressions` form.
 */
import type { LabelSelector } from './types.js';
import { UsageError } from './errors.js';

export interface Requirement {
  key: string;
  op: 'in' | 'notin' | 'exists' | '!' | '=' | '!=';
  values: string[];
}

export type Selector = Requirement[];

/** Parses kubectl's `-l` syntax: `a=b,c!=d,e in (f,g),h notin (i),j,!k`. */
export function parseSelector(text: string): Selector {
  const out: Selector = [];
  let i = 0;
  const s = text.trim();
  if (!s) return out;
  const fail = (why: string) => {
    throw new UsageError(`unable to parse requirement: ${why}`);
  };
  while (i < s.length) {
    while (s[i] === ' ') i++;
    let negate = false;
    if (s[i] === '!') {
      negate = true;
      i++;
    }
    const keyMatch = /^[A-Za-z0-9][-A-Za-z0-9_./]*/.exec(s.slice(i));
    if (!keyMatch) fail(`found '${s.slice(i, i + 1) || 'end of string'}', expected: identifier`);
    const key = keyMatch![0];
    i += key.length;
    while (s[i] === ' ') i++;
    if (negate) {
      out.push({ key, op: '!', values: [] });
    } else if (i >= s.length || s[i] === ',') {
      out.push({ key, op: 'exists', values: [] });
    } else {
      const rest = s.slice(i);
      const opMatch = /^(==|=|!=|in\b|notin\b)/.exec(rest);
      if (!opMatch) fail(`found '${rest[0]}', expected: in, notin, =, ==, !=, gt, lt`);
      const op = opMatch![1];
      i += op.length;
      while (s[i] === ' ') i++;
      if (op === 'in' || op === 'notin') {
        if (s[i] !== '(') fail(`found '${s[i] ?? 'end of string'}', expected: '('`);
        const close = s.indexOf(')', i);
        if (close < 0) fail(`found 'end of string', expected: ')'`);
        const values = s
          .slice(i + 1, close)
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== '');
        out.push({ key, op: op as 'in' | 'notin', values });
        i = close + 1;
      } else {
        const valMatch = /^[A-Za-z0-9_.-]*/.exec(s.slice(i));
        const value = valMatch ? valMatch[0] : '';
        i += value.length;
        out.push({ key, op: op === '!=' ? '!=' : '=', values: [value] });
      }
    }
    while (s[i] === ' ') i++;
    if (i < s.length) {
      if (s[i] !== ',') fail(`found '${s[i]}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  return out;
}

/** Converts the structured API form to requirements; an absent selector matches nothing. */
export function fromLabelSelector(sel: LabelSelector | undefined | null): Selector | null {
  if (!sel) return null;
  const out: Selector = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) out.push({ key, op: '=', values: [value] });
  for (const e of sel.matchExpressions ?? []) {
    const op = ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const)[e.operator];
    out.push({ key: e.key, op, values: e.values ?? [] });
  }
  return out;
}

export function matches(selector: Selector | null, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const r of selector) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case '=':
        if (!has || v !== r.values[0]) return false;
        break;
      case '!=':
        if (has && v === r.values[0]) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(v)) return false;
        break;
      case 'notin':
        if (has && r.values.includes(v)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** Formats a structured selector as kubectl's FormatLabelSelector does (`app=nginx,tier in (a,b)`). */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  if (!sel) return '<none>';
  const parts: string[] = [];
  for (const k of Object.keys(sel.matchLabels ?? {}).sort()) parts.push(`${k}=${sel.matchLabels![k]}`);
  for (const e of sel.matchExpressions ?? []) {
    switch (e.operator) {
      case 'In':
        parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
        break;
      case 'NotIn':
        parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
        break;
      case 'Exists':
        parts.push(e.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${e.key}`);
        break;
    }
  }
  const s = parts.join(',');
  return s === '' ? '<none>' : s;
}

/** Formats a plain label map as `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** Label selector operators of the structured API form. */
const LABEL_SELECTOR_OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/**
 * Converts the structured API form as metav1.LabelSelectorAsSelector does:
 * an absent selector matches nothing, and an unknown operator throws
 * `"OP" is not a valid label selector operator`.
 */
export function labelSelectorAsSelector(sel: LabelSelector | undefined | null): Selector | null {
  for (const e of sel?.matchExpressions ?? []) {
    if (!LABEL_SELECTOR_OPERATORS.has(e.operator)) throw new Error(`"${e.operator}" is not a valid label selector operator`);
  }
  return fromLabelSelector(sel);
}

/**
 * Formats a structured selector as the generated String() method of
 * metav1.LabelSelector does, which is what `%v` prints in controller events:
 * `&LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]LabelSelectorRequirement{},}`.
 */
export function formatGoLabelSelector(sel: LabelSelector | undefined | null): string {
  if (!sel) return 'nil';
  const labels = Object.keys(sel.matchLabels ?? {})
    .sort()
    .map((k) => `${k}: ${sel.matchLabels![k]},`)
    .join('');
  const expressions = (sel.matchExpressions ?? [])
    .map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`)
    .join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${expressions}},}`;
}
