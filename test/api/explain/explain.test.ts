import { describe, expect, it } from 'vitest';
import { explain, ExplainError, explainKinds, findExplainKinds } from '../../../src/api/explain.js';

/** Runs explain and returns the error it throws, failing when it does not throw. */
function explainError(path: string, opts = {}): ExplainError {
  try {
    explain(path, opts);
  } catch (err) {
    if (err instanceof ExplainError) return err;
    throw err;
  }
  throw new Error(`explain ${path} did not fail`);
}

describe('explain', () => {
  it('prints a field with its type description and subfields', () => {
    expect(explain('deployment.spec.strategy.rollingUpdate')).toBe(
      [
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: rollingUpdate <RollingUpdateDeployment>',
        '',
        '',
        'DESCRIPTION:',
        '    Rolling update config params. Present only if DeploymentStrategyType =',
        '    RollingUpdate.',
        '    Spec to control the desired behavior of rolling update.',
        '    ',
        'FIELDS:',
        '  maxSurge\t<IntOrString>',
        '    The maximum number of pods that can be scheduled above the desired number of',
        '    pods. Value can be an absolute number (ex: 5) or a percentage of desired',
        '    pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is',
        '    calculated from percentage by rounding up. Defaults to 25%. Example: when',
        '    this is set to 30%, the new ReplicaSet can be scaled up immediately when the',
        '    rolling update starts, such that the total number of old and new pods do not',
        '    exceed 130% of desired pods. Once old pods have been killed, new ReplicaSet',
        '    can be scaled up further, ensuring that total number of pods running at any',
        '    time during the update is at most 130% of desired pods.',
        '',
        '  maxUnavailable\t<IntOrString>',
        '    The maximum number of pods that can be unavailable during the update. Value',
        '    can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%).',
        '    Absolute number is calculated from percentage by rounding down. This can not',
        '    be 0 if MaxSurge is 0. Defaults to 25%. Example: when this is set to 30%,',
        '    the old ReplicaSet can be scaled down to 70% of desired pods immediately',
        '    when the rolling update starts. Once new pods are ready, old ReplicaSet can',
        '    be scaled down further, followed by scaling up the new ReplicaSet, ensuring',
        '    that the total number of pods available at all times during the update is at',
        '    least 70% of desired pods.',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  it('prints the recursive field tree with inline enums', () => {
    expect(explain('deployment.spec.strategy', { recursive: true })).toBe(
      [
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: strategy <DeploymentStrategy>',
        '',
        '',
        'DESCRIPTION:',
        '    The deployment strategy to use to replace existing pods with new ones.',
        '    DeploymentStrategy describes how to replace existing pods with new ones.',
        '    ',
        'FIELDS:',
        '  rollingUpdate\t<RollingUpdateDeployment>',
        '    maxSurge\t<IntOrString>',
        '    maxUnavailable\t<IntOrString>',
        '  type\t<string>',
        '  enum: Recreate, RollingUpdate',
        '',
        '',
      ].join('\n'),
    );
  });

  it('lists enum values under FIELD for a single field', () => {
    const out = explain('pods.spec.containers.imagePullPolicy');
    expect(out.startsWith('KIND:       Pod\nVERSION:    v1\n\nFIELD: imagePullPolicy <string>\nENUM:\n    Always\n    IfNotPresent\n    Never\n\nDESCRIPTION:\n')).toBe(true);
  });

  it('marks required fields and shows map and integer types', () => {
    expect(explain('pods.spec.containers.ports')).toContain('  containerPort\t<integer> -required-\n');
    expect(explain('cm.data')).toContain('FIELD: data <map[string]string>\n');
    expect(explain('jobs.spec.backoffLimit')).toContain('FIELD: backoffLimit <integer>\n');
  });

  it('prints a primitive field without a FIELDS section', () => {
    expect(explain('jobs.spec.backoffLimit')).toBe(
      [
        'GROUP:      batch',
        'KIND:       Job',
        'VERSION:    v1',
        '',
        'FIELD: backoffLimit <integer>',
        '',
        '',
        'DESCRIPTION:',
        '    Specifies the number of retries before marking this job failed. Defaults to',
        '    6',
        '    ',
        '',
        '',
      ].join('\n'),
    );
  });

  it('resolves plural, singular, kind and short names alike', () => {
    const header = 'GROUP:      apps\nKIND:       ReplicaSet\nVERSION:    v1\n';
    for (const name of ['replicasets', 'replicaset', 'ReplicaSet', 'rs']) {
      expect(explain(name).startsWith(header)).toBe(true);
    }
  });

  it('accepts a trailing dot and a resource.group prefix', () => {
    expect(explain('pods.')).toBe(explain('pods'));
    expect(explain('deployments.apps')).toBe(explain('deployments'));
    expect(explain('deployments.apps.spec.paused')).toBe(explain('deployments.spec.paused'));
  });

  it('uses the preferred HorizontalPodAutoscaler version unless --api-version is given', () => {
    expect(explain('hpa').startsWith('GROUP:      autoscaling\nKIND:       HorizontalPodAutoscaler\nVERSION:    v2\n')).toBe(true);
    const v1 = explain('hpa.spec', { apiVersion: 'autoscaling/v1' });
    expect(v1.startsWith('GROUP:      autoscaling\nKIND:       HorizontalPodAutoscaler\nVERSION:    v1\n')).toBe(true);
    expect(v1).toContain('  targetCPUUtilizationPercentage\t<integer>\n');
  });
});

describe('explain errors', () => {
  it('rejects an unknown resource type', () => {
    const err = explainError('foo');
    expect(err.message).toBe('the server doesn\'t have a resource type "foo"');
    expect(err.output).toBe('');
  });

  it('rejects an unknown field after printing the header', () => {
    const err = explainError('pods.spec.foo');
    expect(err.message).toBe('error: field "foo" does not exist');
    expect(err.output).toBe('KIND:       Pod\nVERSION:    v1\n\n');
  });

  it('names the last path element when a middle one is missing', () => {
    expect(explainError('pods.foo.bar').message).toBe('error: field "bar" does not exist');
  });

  it('rejects a group/version that is not served', () => {
    expect(explainError('hpa', { apiVersion: 'autoscaling/v3' }).message).toBe(
      'error: couldn\'t find resource for "autoscaling/v3, Resource=horizontalpodautoscalers"',
    );
  });

  it('rejects a resource that its requested group/version does not have', () => {
    expect(explainError('deployment', { apiVersion: 'v1' }).message).toBe(
      'error: GVR (/v1, Resource=deployments) not found in OpenAPI schema',
    );
  });

  it('rejects an empty path element', () => {
    expect(explainError('pods.spec..containers').message).toBe('error: invalid jsonpath syntax, first node must be field node');
  });

  it('rejects an unknown output format', () => {
    expect(explainError('pods', { output: 'yaml' }).message).toBe('error: unrecognized format: yaml');
  });
});

describe('explainKinds', () => {
  it('lists every served kind with group and version', () => {
    const names = explainKinds.map((k) => `${k.group ? k.group + '/' : ''}${k.version}/${k.kind}`);
    expect(names).toEqual([
      'v1/Pod',
      'v1/ReplicationController',
      'v1/Service',
      'v1/Endpoints',
      'v1/Namespace',
      'v1/Node',
      'v1/Event',
      'v1/PersistentVolumeClaim',
      'v1/PersistentVolume',
      'v1/ConfigMap',
      'v1/Secret',
      'v1/ServiceAccount',
      'apps/v1/Deployment',
      'apps/v1/ReplicaSet',
      'apps/v1/DaemonSet',
      'apps/v1/StatefulSet',
      'apps/v1/ControllerRevision',
      'batch/v1/Job',
      'batch/v1/CronJob',
      'autoscaling/v2/HorizontalPodAutoscaler',
      'autoscaling/v1/HorizontalPodAutoscaler',
      'discovery.k8s.io/v1/EndpointSlice',
      'v1/ComponentStatus',
      'v1/LimitRange',
      'v1/PodTemplate',
      'v1/ResourceQuota',
      'admissionregistration.k8s.io/v1/MutatingWebhookConfiguration',
      'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy',
      'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding',
      'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration',
      'apiregistration.k8s.io/v1/APIService',
      'authentication.k8s.io/v1/SelfSubjectReview',
      'authentication.k8s.io/v1/TokenReview',
      'authorization.k8s.io/v1/LocalSubjectAccessReview',
      'authorization.k8s.io/v1/SelfSubjectAccessReview',
      'authorization.k8s.io/v1/SelfSubjectRulesReview',
      'authorization.k8s.io/v1/SubjectAccessReview',
      'certificates.k8s.io/v1/CertificateSigningRequest',
      'coordination.k8s.io/v1/Lease',
      'flowcontrol.apiserver.k8s.io/v1/FlowSchema',
      'flowcontrol.apiserver.k8s.io/v1/PriorityLevelConfiguration',
      'networking.k8s.io/v1/IngressClass',
      'networking.k8s.io/v1/Ingress',
      'networking.k8s.io/v1/NetworkPolicy',
      'node.k8s.io/v1/RuntimeClass',
      'policy/v1/PodDisruptionBudget',
      'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
      'rbac.authorization.k8s.io/v1/ClusterRole',
      'rbac.authorization.k8s.io/v1/RoleBinding',
      'rbac.authorization.k8s.io/v1/Role',
      'scheduling.k8s.io/v1/PriorityClass',
      'storage.k8s.io/v1/CSIDriver',
      'storage.k8s.io/v1/CSINode',
      'storage.k8s.io/v1/CSIStorageCapacity',
      'storage.k8s.io/v1/VolumeAttachment',
    ]);
  });

  it('finds a kind by short name', () => {
    expect(findExplainKinds('deploy')).toMatchObject([{ group: 'apps', version: 'v1', kind: 'Deployment', resource: 'deployments' }]);
  });

  it('lists the preferred HorizontalPodAutoscaler version first', () => {
    expect(findExplainKinds('hpa').map((k) => k.version)).toEqual(['v2', 'v1']);
  });
});

describe('explain --output=plaintext-openapiv2', () => {
  it('prints a primitive field in the OpenAPI v2 layout', () => {
    expect(explain('deployment.spec.replicas', { output: 'plaintext-openapiv2' })).toBe(
      [
        'KIND:     Deployment',
        'VERSION:  apps/v1',
        '',
        'FIELD:    replicas <integer>',
        '',
        'DESCRIPTION:',
        '     Number of desired pods. This is a pointer to distinguish between explicit',
        '     zero and not specified. Defaults to 1.',
        '',
      ].join('\n'),
    );
  });

  it('prints an object field with both descriptions and its fields', () => {
    const out = explain('deployment.spec.strategy', { output: 'plaintext-openapiv2' });
    expect(out.startsWith(
      [
        'KIND:     Deployment',
        'VERSION:  apps/v1',
        '',
        'RESOURCE: strategy <Object>',
        '',
        'DESCRIPTION:',
        '     The deployment strategy to use to replace existing pods with new ones.',
        '',
        '     DeploymentStrategy describes how to replace existing pods with new ones.',
        '',
        'FIELDS:',
        '   rollingUpdate\t<Object>',
        '     Rolling update config params. Present only if DeploymentStrategyType =',
        '     RollingUpdate.',
        '',
        '   type\t<string>',
        '',
      ].join('\n'),
    )).toBe(true);
  });

  it('names the first missing field without a header', () => {
    const err = explainError('pods.foo.bar', { output: 'plaintext-openapiv2' });
    expect(err.message).toBe('error: field "foo" does not exist');
    expect(err.output).toBe('');
  });
});
