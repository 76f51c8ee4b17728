/**
 * The status conditions the namespace controller keeps on a terminating
 * namespace, computed from what its deletion pass left. Each condition is
 * True with a failure reason while the problem lasts, and False with an
 * "ok" reason otherwise.
 */
import { compareText } from '../../store/pending-writes.js';

/** A namespace status condition as the API serves it. */
export interface NamespaceCondition {
  type: string;
  status: 'True' | 'False';
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** The content that one deletion pass over a namespace left behind. */
export interface RemainingContent {
  /** Objects left per resource, keyed `resource.group` (`pods.` for the core group), as the controller names them. */
  byResource: Map<string, number>;
  /** Objects left per finalizer they still carry. */
  byFinalizer: Map<string, number>;
  /** Error messages of the resource types that could not be emptied, one per type. */
  errors: string[];
}

/** Set when discovering the resources to delete failed. kubesim's registry is static, so it stays False. */
export const DISCOVERY_FAILURE = 'NamespaceDeletionDiscoveryFailure';
/** Set when a resource's group version could not be parsed. kubesim's registry is static, so it stays False. */
export const GROUP_VERSION_PARSING_FAILURE = 'NamespaceDeletionGroupVersionParsingFailure';
/** Set when deleting some resource type failed. */
export const CONTENT_FAILURE = 'NamespaceDeletionContentFailure';
/** Set while objects remain in the namespace after a deletion pass. */
export const CONTENT_REMAINING = 'NamespaceContentRemaining';
/** Set while remaining objects carry finalizers. */
export const FINALIZERS_REMAINING = 'NamespaceFinalizersRemaining';

/** The condition types in the order the controller adds them. */
const CONDITION_TYPES = [DISCOVERY_FAILURE, GROUP_VERSION_PARSING_FAILURE, CONTENT_FAILURE, CONTENT_REMAINING, FINALIZERS_REMAINING];

/** Reason and message of each condition type when nothing is wrong. */
const OK: Record<string, { reason: string; message: string }> = {
  [DISCOVERY_FAILURE]: { reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
  [GROUP_VERSION_PARSING_FAILURE]: { reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
  [CONTENT_FAILURE]: { reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
  [CONTENT_REMAINING]: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  [FINALIZERS_REMAINING]: { reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
};

/** Sorts text by UTF-16 code units, as Go's sort.Strings orders ASCII. */
function sortText(items: string[]): string[] {
  return items.sort(compareText);
}

/** Returns the failing conditions (status True) that the remaining content calls for, without times. */
export function calculateFailures(remaining: RemainingContent): Omit<NamespaceCondition, 'lastTransitionTime'>[] {
  const failures: Omit<NamespaceCondition, 'lastTransitionTime'>[] = [];
  if (remaining.errors.length > 0) {
    const errors = sortText([...remaining.errors]);
    const message = `Failed to delete all resource types, ${errors.length} remaining: ${errors.join(', ')}`;
    failures.push({ type: CONTENT_FAILURE, status: 'True', reason: 'ContentDeletionFailed', message });
  }
  const resources = sortText([...remaining.byResource].filter(([, n]) => n > 0).map(([r, n]) => `${r} has ${n} resource instances`));
  if (resources.length > 0) {
    failures.push({ type: CONTENT_REMAINING, status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${resources.join(', ')}` });
  }
  const finalizers = sortText([...remaining.byFinalizer].filter(([, n]) => n > 0).map(([f, n]) => `${f} in ${n} resource instances`));
  if (finalizers.length > 0) {
    failures.push({ type: FINALIZERS_REMAINING, status: 'True', reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${finalizers.join(', ')}` });
  }
  return failures;
}

/**
 * Returns the namespace's conditions after a deletion pass, or undefined
 * when they would not change. Every controller type is present: a failing
 * one as given, any other in its "ok" form. A condition keeps its
 * lastTransitionTime unless its status changes.
 */
export function calculateConditions(current: readonly NamespaceCondition[], remaining: RemainingContent, now: string): NamespaceCondition[] | undefined {
  const failures = calculateFailures(remaining);
  const next = current.map((c) => ({ ...c }));
  let changed = false;
  for (const type of CONDITION_TYPES) {
    const desired = failures.find((f) => f.type === type) ?? { type, status: 'False' as const, ...OK[type] };
    const old = next.find((c) => c.type === type);
    if (!old) {
      next.push({ type, status: desired.status, lastTransitionTime: now, reason: desired.reason, message: desired.message });
      changed = true;
    } else if (old.status !== desired.status || old.reason !== desired.reason || old.message !== desired.message) {
      if (old.status !== desired.status) old.lastTransitionTime = now;
      old.status = desired.status;
      old.reason = desired.reason;
      old.message = desired.message;
      changed = true;
    }
  }
  return changed ? next : undefined;
}
