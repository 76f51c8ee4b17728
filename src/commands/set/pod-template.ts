/**
 * Pod spec locations per workload kind, so `set` subcommands can edit pods
 * and every controller's template alike.
 */
import type { KObject } from '../../api/types.js';

/** Returns the pod spec an object runs, or undefined when the kind has none. */
export function podSpecOf(resource: string, obj: KObject): any {
  switch (resource) {
    case 'pods':
      return obj.spec;
    case 'cronjobs':
      return obj.spec?.jobTemplate?.spec?.template?.spec;
    case 'deployments':
    case 'replicasets':
    case 'replicationcontrollers':
    case 'daemonsets':
    case 'statefulsets':
    case 'jobs':
      return obj.spec?.template?.spec;
    default:
      return undefined;
  }
}
