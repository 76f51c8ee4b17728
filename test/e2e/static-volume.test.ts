import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

const PV = 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: task-pv-volume\nspec:\n  storageClassName: manual\n  capacity:\n    storage: 10Gi\n  accessModes:\n    - ReadWriteOnce\n  hostPath:\n    path: "/mnt/data"\n';
const PVC = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: task-pv-claim\nspec:\n  storageClassName: manual\n  accessModes:\n    - ReadWriteOnce\n  resources:\n    requests:\n      storage: 3Gi\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: task-pv-pod\nspec:\n  volumes:\n    - name: task-pv-storage\n      persistentVolumeClaim:\n        claimName: task-pv-claim\n  containers:\n    - name: task-pv-container\n      image: nginx\n      volumeMounts:\n        - mountPath: "/usr/share/nginx/html"\n          name: task-pv-storage\n';

describe('a statically provisioned PersistentVolume', () => {
  const sb = new Sandbox();
  const k = (args: string[], input?: string) => sb.on('v', args, input === undefined ? {} : { input });
  const cells = (args: string[]) => k([...args, '--no-headers']).stdout.trim().split(/\s+/);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'v', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('keeps a pod whose claim does not exist yet Pending', () => {
    expect(k(['apply', '-f', '-'], POD).code).toBe(0);
    expect(k(['clock', 'advance', '5s']).code).toBe(0);
    expect(cells(['get', 'pod', 'task-pv-pod']).slice(1, 3)).toEqual(['0/1', 'Pending']);
    expect(k(['get', 'events', '--field-selector', 'reason=FailedScheduling', '-o', 'jsonpath={.items[0].message}']).stdout).toBe(
      '0/3 nodes are available: persistentvolumeclaim "task-pv-claim" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('is Available with the Retain policy once created', () => {
    expect(k(['apply', '-f', '-'], PV).code).toBe(0);
    expect(cells(['get', 'pv', 'task-pv-volume']).slice(0, 6)).toEqual(['task-pv-volume', '10Gi', 'RWO', 'Retain', 'Available', 'manual']);
  });

  it('binds a matching claim, and the waiting pod then runs', () => {
    expect(k(['apply', '-f', '-'], PVC).code).toBe(0);
    expect(cells(['get', 'pvc', 'task-pv-claim']).slice(0, 6)).toEqual(['task-pv-claim', 'Bound', 'task-pv-volume', '10Gi', 'RWO', 'manual']);
    expect(cells(['get', 'pv', 'task-pv-volume']).slice(4, 6)).toEqual(['Bound', 'default/task-pv-claim']);
    expect(k(['clock', 'advance', '10s']).code).toBe(0);
    expect(cells(['get', 'pod', 'task-pv-pod']).slice(1, 3)).toEqual(['1/1', 'Running']);
  });
});
