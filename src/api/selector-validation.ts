/**
 * The selector and template-label checks of the workload kinds, in the
 * order and wording of the API server's apps validation
 * (pkg/apis/apps/validation: ValidateDeploymentSpec, ValidateReplicaSetSpec,
 * ValidateStatefulSetSpec, ValidateDaemonSetSpec) and apimachinery's
 * ValidateLabelSelector. Selector and label values are printed as the API
 * server prints them: Go's `%#v` before 1.34, JSON from then on.
 */
import { invalidValue, required, type FieldCause } from './errors.js';
import { goLabelSelector, goStringMap, printsGoSyntax } from './go-syntax.js';
import { labelValueErrors, validateLabelKey, validateLabels } from './name-validation.js';
import { fromLabelSelector, matches } from './selectors.js';

const MISMATCH = '`selector` does not match template `labels`';

/** The detail of each kind's empty-selector error (ReplicaSets reuse the Deployment text). */
const EMPTY_SELECTOR: Record<string, string> = {
  deployments: 'empty selector is invalid for deployment',
  replicasets: 'empty selector is invalid for deployment',
  statefulsets: 'empty selector is invalid for statefulset',
  daemonsets: 'empty selector is invalid for daemonset',
};

/** The detail of the error when the selector cannot be converted (LabelSelectorAsSelector fails). */
const UNCONVERTIBLE: Record<string, string | undefined> = {
  deployments: 'invalid label selector',
  replicasets: 'invalid label selector',
  statefulsets: '',
};

/**
 * The result of checking a workload's selector: the causes, and whether
 * the API server goes on to check the pod template, which it skips when
 * the selector cannot be converted.
 */
export interface SelectorCheck {
  causes: FieldCause[];
  checkTemplate: boolean;
}

/** Checks the selector of a Deployment, ReplicaSet, StatefulSet or DaemonSet, and its template's labels. */
export function validateWorkloadSelector(resource: string, spec: any, clusterVersion: number): SelectorCheck {
  const goSyntax = printsGoSyntax(clusterVersion);
  const causes: FieldCause[] = [];
  const selector = spec.selector;
  const labels = spec.template?.metadata?.labels;
  const present = selector !== undefined && selector !== null;

  let selectorCauses: FieldCause[] = [];
  if (!present) {
    // ValidateDaemonSetSpec has no required check: a missing selector only fails to match the labels.
    if (resource !== 'daemonsets') causes.push(required('spec.selector'));
  } else {
    selectorCauses = validateLabelSelector(selector, 'spec.selector');
    causes.push(...selectorCauses);
  }

  const empty = present && countOf(selector.matchLabels) + countOf(selector.matchExpressions) === 0;
  // A DaemonSet checks the template's labels before it reports an empty selector.
  if (empty && resource !== 'daemonsets') causes.push(selectorInvalid(selector, EMPTY_SELECTOR[resource], goSyntax));
  // LabelSelectorAsSelector makes the same checks (labels.NewRequirement), so it fails exactly when they found a cause.
  if (selectorCauses.length > 0) {
    const detail = UNCONVERTIBLE[resource];
    if (detail !== undefined) causes.push(selectorInvalid(selector, detail, goSyntax));
    if (resource !== 'daemonsets') return { causes, checkTemplate: false };
  } else if (!empty && !(present && matches(fromLabelSelector(selector), labels ?? {}))) {
    // A missing selector selects nothing, so no labels match it.
    const cause = invalidValue('spec.template.metadata.labels', labels ?? null, MISMATCH);
    if (goSyntax) cause.valueText = goStringMap(labels);
    causes.push(cause);
  }
  if (empty && resource === 'daemonsets') causes.push(selectorInvalid(selector, EMPTY_SELECTOR[resource], goSyntax));
  // ValidatePodTemplateSpecForStatefulSet checks the labels under `spec.template.labels`.
  causes.push(...validateLabels(labels, resource === 'statefulsets' ? 'spec.template.labels' : 'spec.template.metadata.labels'));
  return { causes, checkTemplate: true };
}

/** Builds an `Invalid value` cause on `spec.selector`, with the value printed as the API server prints a LabelSelector. */
export function selectorInvalid(selector: unknown, detail: string, goSyntax: boolean): FieldCause {
  const cause = invalidValue('spec.selector', selector ?? null, detail);
  if (goSyntax) cause.valueText = goLabelSelector(selector);
  return cause;
}

/** apimachinery's ValidateLabelSelector with the strict options the workload kinds use. */
function validateLabelSelector(selector: any, field: string): FieldCause[] {
  const causes = validateLabels(selector.matchLabels ?? undefined, `${field}.matchLabels`);
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  expressions.forEach((requirement: any, i: number) => {
    const at = `${field}.matchExpressions[${i}]`;
    const values = Array.isArray(requirement?.values) ? requirement.values : [];
    switch (requirement?.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) causes.push(required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) causes.push({ field: `${at}.values`, type: 'Forbidden', detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'" });
        break;
      default:
        causes.push(invalidValue(`${at}.operator`, requirement?.operator ?? '', 'not a valid selector operator'));
    }
    causes.push(...validateLabelKey(String(requirement?.key ?? ''), `${at}.key`));
    values.forEach((v: unknown, j: number) => {
      for (const message of labelValueErrors(String(v))) causes.push(invalidValue(`${at}.values[${j}]`, String(v), message));
    });
  });
  return causes;
}

/** Counts the entries of a map or list, as Go's len does (zero when absent). */
function countOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return value && typeof value === 'object' ? Object.keys(value).length : 0;
}
