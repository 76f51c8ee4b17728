/**
 * Name and label formats of k8s.io/apimachinery/pkg/util/validation, with
 * the messages of Kubernetes 1.32: DNS-1123 labels and subdomains, DNS-1035
 * labels, IANA service (port) names, port numbers and label keys and values.
 */
import { invalidValue, type FieldCause } from './errors.js';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const PORT_NAME_CHARSET = /^[-a-z0-9]+$/;

export const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QUALIFIED_NAME_MESSAGE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const DNS1035_LABEL_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** apimachinery's InclusiveRangeError(1, 65535), the message of IsValidPortNum. */
export const PORT_RANGE_MESSAGE = 'must be between 1 and 65535, inclusive';

export function isDns1123Label(s: string): boolean {
  return s.length <= 63 && DNS1123_LABEL.test(s);
}

export function isDns1123Subdomain(s: string): boolean {
  return s.length <= 253 && DNS1123_SUBDOMAIN.test(s);
}

/** Validates a label key (`prefix/name`) and returns its causes. */
export function validateLabelKey(key: string, field: string): FieldCause[] {
  const slash = key.indexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefix = slash >= 0 ? key.slice(0, slash) : '';
  const causes: FieldCause[] = [];
  if (slash >= 0 && (!prefix || !isDns1123Subdomain(prefix))) causes.push(invalidValue(field, key, `prefix part ${SUBDOMAIN_MESSAGE}`));
  if (!name) causes.push(invalidValue(field, key, 'name part must be non-empty'));
  else if (name.length > 63) causes.push(invalidValue(field, key, 'name part must be no more than 63 characters'));
  else if (!QUALIFIED_NAME.test(name)) causes.push(invalidValue(field, key, QUALIFIED_NAME_MESSAGE));
  return causes;
}

/** Label keys and values found valid before: every write of an object checks its labels again. */
const validLabelKeys = new Set<string>();
const validLabelValues = new Set<string>();

/** Strings remembered per set before it is emptied. */
const MAX_REMEMBERED = 10_000;

function remember(set: Set<string>, s: string): void {
  if (set.size >= MAX_REMEMBERED) set.clear();
  set.add(s);
}

export function validateLabels(labels: Record<string, unknown> | undefined, field: string): FieldCause[] {
  const causes: FieldCause[] = [];
  const map = labels ?? {};
  const keys = Object.keys(map);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = map[k];
    if (!validLabelKeys.has(k)) {
      const keyCauses = validateLabelKey(k, field);
      if (keyCauses.length === 0) remember(validLabelKeys, k);
      else causes.push(...keyCauses);
    }
    if (typeof v !== 'string') causes.push(invalidValue(`${field}`, v, 'label values must be strings'));
    else if (validLabelValues.has(v)) continue;
    else {
      const errors = labelValueErrors(v);
      if (errors.length === 0) remember(validLabelValues, v);
      for (const message of errors) causes.push(invalidValue(field, v, message));
    }
  }
  return causes;
}

/** Returns IsValidLabelValue's messages for `v`: its length, then its characters (both can apply). */
export function labelValueErrors(v: string): string[] {
  const errors: string[] = [];
  if (v.length > 63) errors.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(v)) errors.push(LABEL_VALUE_MESSAGE);
  return errors;
}

/** Returns IsDNS1123Label's messages for `s`: its length, then its characters. */
// NOTE: Kubernetes 1.33 reports a name that is a valid subdomain with "must
// not contain dots" instead of the pattern. The 1.32 source this follows has
// only the pattern message.
export function dns1123LabelErrors(s: string): string[] {
  const errors: string[] = [];
  if (s.length > 63) errors.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(s)) errors.push(LABEL_MESSAGE);
  return errors;
}

/** Returns IsDNS1123Subdomain's messages for `s`: its length, then its characters. */
export function dns1123SubdomainErrors(s: string): string[] {
  const errors: string[] = [];
  if (s.length > 253) errors.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(s)) errors.push(SUBDOMAIN_MESSAGE);
  return errors;
}

/** Returns IsDNS1035Label's messages for `s`, the name format of a Service: its length, then its characters. */
export function dns1035LabelErrors(s: string): string[] {
  const errors: string[] = [];
  if (s.length > 63) errors.push('must be no more than 63 characters');
  if (!DNS1035_LABEL.test(s)) errors.push(DNS1035_LABEL_MESSAGE);
  return errors;
}

/** Returns IsValidPortNum's message for `port`, if it is outside 1-65535. */
export function portNumberErrors(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [PORT_RANGE_MESSAGE];
}

/**
 * Returns IsValidPortName's messages for `name`, an IANA service name as a
 * named container port or targetPort: at most 15 characters of a-z, 0-9 and
 * '-', with a letter, and no leading, trailing or doubled hyphen.
 */
export function portNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (name.length > 15) errors.push('must be no more than 15 characters');
  if (!PORT_NAME_CHARSET.test(name)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errors.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errors.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}

/**
 * Returns IsQualifiedName's messages for `value`, an optional DNS subdomain
 * prefix and '/' before a name of at most 63 characters. It checks the
 * pattern even after an empty or long name, as Kubernetes 1.32 does.
 */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) {
    return [`a qualified name ${QUALIFIED_NAME_MESSAGE.slice('name part '.length)} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const errors: string[] = [];
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix === '') errors.push('prefix part must be non-empty');
    else errors.push(...dns1123SubdomainErrors(prefix).map((message) => `prefix part ${message}`));
  }
  if (name === '') errors.push('name part must be non-empty');
  else if (name.length > 63) errors.push('name part must be no more than 63 characters');
  if (!QUALIFIED_NAME.test(name)) errors.push(QUALIFIED_NAME_MESSAGE);
  return errors;
}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_VAR_NAME_MESSAGE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/**
 * Returns IsEnvVarName's messages for `name`: the pattern, then the
 * `.`/`..` rules. kubectl checks `run --env` names with it, and API servers
 * before 1.32 check container env names with it.
 */
export function envVarNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (!ENV_VAR_NAME.test(name)) errors.push(ENV_VAR_NAME_MESSAGE);
  if (name === '.') errors.push("must not be '.'");
  else if (name === '..') errors.push("must not be '..'");
  else if (name.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

/**
 * Returns IsRelaxedEnvVarName's messages for `name`, the check of API
 * servers from 1.32, where the RelaxedEnvironmentVariableValidation gate is
 * on by default: printable ASCII (space included) other than '='.
 */
export function relaxedEnvVarNameErrors(name: string): string[] {
  if (name === '') return ['environment variable name must be non-empty'];
  if (/^[\x20-\x3c\x3e-\x7e]+$/.test(name)) return [];
  return ["a valid environment variable name must consist only of printable ASCII characters other than '='"];
}
