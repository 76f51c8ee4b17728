/**
 * `--field-selector` as the API server serves it: each kind can be selected
 * by metadata.name, metadata.namespace and its own few fields, and any
 * other field is a BadRequest that kubectl prefixes with its request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

describe('field selectors', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('f', args);

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'f', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    expect(k('create', 'deployment', 'web', '--image=nginx').code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('rejects a field a Deployment cannot be selected by', () => {
    const r = k('get', 'deployments', '-A', '--field-selector=spec.replicas=1');
    expect(r.stderr).toBe(
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "spec.replicas=1": field label not supported: spec.replicas\n',
    );
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
  });

  it('names the core group as empty and repeats the label selector', () => {
    const r = k('get', 'pods', '-l', 'app=web', '--field-selector=spec.foo=x');
    expect(r.stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app=web", field selector "spec.foo=x": field label not supported: spec.foo\n',
    );
    expect(r.code).toBe(1);
  });

  it('selects nodes by spec.unschedulable', () => {
    expect(k('cordon', 'k8s-node02').code).toBe(0);
    expect(k('get', 'nodes', '--field-selector=spec.unschedulable=true', '-o', 'name').stdout).toBe('node/k8s-node02\n');
    expect(k('get', 'nodes', '--field-selector=spec.unschedulable=false', '-o', 'name').stdout).toBe('node/k8s-master01\nnode/k8s-node01\n');
  });

  it('selects Services by spec.type', () => {
    expect(k('get', 'services', '-A', '--field-selector=spec.type=ClusterIP,metadata.namespace=default', '-o', 'name').stdout).toBe('service/kubernetes\n');
  });

  it('selects events by source', () => {
    const names = k('get', 'events', '--field-selector=source=deployment-controller', '-o', 'jsonpath={.items[*].reason}').stdout;
    expect(names).toBe('ScalingReplicaSet');
  });
});
