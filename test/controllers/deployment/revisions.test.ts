import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { KObject } from '../../../src/api/types.js';
import { advance, apply, edit, get, newCluster, newDeployment, setImage } from '../workload-helpers.js';
import { computeHash, safeEncodeString } from '../../../src/controllers/deployment/hash.js';

const ROLL = 60_000;

function revisions(c: Cluster): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rs of c.store.list('replicasets', 'default')) out[rs.spec.template.spec.containers[0].image] = rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '';
  return out;
}

/** Applies kubectl's undo: the ReplicaSet template minus its hash label goes back into the Deployment. */
function undoTo(c: Cluster, image: string): void {
  const rs = c.store.list('replicasets', 'default').find((r) => r.spec.template.spec.containers[0].image === image) as KObject;
  edit(c, 'deployments', 'web', (d) => {
    const t = structuredClone(rs.spec.template);
    delete t.metadata.labels['pod-template-hash'];
    d.spec.template = t;
  });
}

describe('pod-template-hash', () => {
  it('maps decimal digits through the safe alphabet', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('changes with the collision count', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: {} };
    expect(computeHash(t)).not.toBe(computeHash(t, 1));
    expect(computeHash(t)).toMatch(/^[456789bcdf]{1,10}$/);
  });

  it('names the ReplicaSet and labels its pods', () => {
    const c = newCluster();
    apply(c, 'deployments', newDeployment({ replicas: 2 }));
    const [rs] = c.store.list('replicasets', 'default');
    const hash = rs.spec.template.metadata.labels['pod-template-hash'];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    const pods = c.store.list('pods', 'default');
    expect(pods.map((p) => p.metadata.name.startsWith(`web-${hash}-`))).toEqual([true, true]);
  });
});

describe('revisions', () => {
  it('moves a rolled-back ReplicaSet to the next revision', () => {
    const c = newCluster();
    apply(c, 'deployments', newDeployment({ replicas: 2 }));
    advance(c, ROLL);
    setImage(c, 'web', 'nginx:1.15');
    advance(c, ROLL);
    expect(revisions(c)).toEqual({ 'nginx:1.14.2': '1', 'nginx:1.15': '2' });
    undoTo(c, 'nginx:1.14.2');
    expect(revisions(c)).toEqual({ 'nginx:1.14.2': '3', 'nginx:1.15': '2' });
    const old = c.store.list('replicasets', 'default').find((r) => r.spec.template.spec.containers[0].image === 'nginx:1.14.2')!;
    expect(old.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(get(c, 'deployments', 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    advance(c, ROLL);
    undoTo(c, 'nginx:1.15');
    expect(revisions(c)).toEqual({ 'nginx:1.14.2': '3', 'nginx:1.15': '4' });
  });

  it('copies the change-cause annotation to the new ReplicaSet', () => {
    const c = newCluster();
    const d = newDeployment();
    d.metadata.annotations = { 'kubernetes.io/change-cause': 'kubectl apply --filename=web.yml --record=true' };
    apply(c, 'deployments', d);
    const [rs] = c.store.list('replicasets', 'default');
    expect(rs.metadata.annotations?.['kubernetes.io/change-cause']).toBe('kubectl apply --filename=web.yml --record=true');
  });
});

describe('revisionHistoryLimit', () => {
  function rollThrough(limit: number, images: string[]): Cluster {
    const c = newCluster();
    apply(c, 'deployments', newDeployment({ replicas: 2, revisionHistoryLimit: limit }));
    advance(c, ROLL);
    for (const image of images) {
      setImage(c, 'web', image);
      advance(c, ROLL);
      advance(c, ROLL);
    }
    return c;
  }

  it('keeps only the newest old ReplicaSets', () => {
    const c = rollThrough(2, ['nginx:1.15', 'nginx:1.16', 'nginx:1.17', 'nginx:1.18']);
    expect(Object.keys(revisions(c)).sort()).toEqual(['nginx:1.16', 'nginx:1.17', 'nginx:1.18']);
  });

  it('keeps no old ReplicaSet at zero', () => {
    const c = rollThrough(0, ['nginx:1.15']);
    expect(Object.keys(revisions(c))).toEqual(['nginx:1.15']);
  });
});

describe('progress deadline', () => {
  it('marks the rollout failed when a missing image never becomes ready', () => {
    const c = newCluster();
    apply(c, 'deployments', newDeployment({ replicas: 3, progressDeadlineSeconds: 60 }));
    advance(c, ROLL);
    setImage(c, 'web', 'nginx:1.91');
    advance(c, 32_000);
    const pod = c.store.list('pods', 'default').find((p) => p.spec.containers[0].image === 'nginx:1.91')!;
    expect(pod.status.containerStatuses[0].state.waiting.reason).toMatch(/ErrImagePull|ImagePullBackOff/);
    advance(c, 38_000);
    const cond = get(c, 'deployments', 'web').status.conditions.find((x: any) => x.type === 'Progressing');
    expect(cond.status).toBe('False');
    expect(cond.reason).toBe('ProgressDeadlineExceeded');
    expect(cond.message).toMatch(/^ReplicaSet "web-[456789bcdf]+" has timed out progressing\.$/);
  });

  it('recovers when the template goes back', () => {
    const c = newCluster();
    apply(c, 'deployments', newDeployment({ replicas: 3, progressDeadlineSeconds: 60 }));
    advance(c, ROLL);
    setImage(c, 'web', 'nginx:1.91');
    advance(c, 120_000);
    undoTo(c, 'nginx:1.14.2');
    advance(c, ROLL);
    const d = get(c, 'deployments', 'web');
    expect(d.status.conditions.find((x: any) => x.type === 'Progressing').reason).toBe('NewReplicaSetAvailable');
    expect(c.store.list('pods', 'default').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.containers[0].image)).toEqual(['nginx:1.14.2', 'nginx:1.14.2', 'nginx:1.14.2']);
  });
});

describe('paused Deployments', () => {
  it('create no ReplicaSet for a new template until resumed', () => {
    const c = newCluster();
    apply(c, 'deployments', newDeployment({ replicas: 2 }));
    advance(c, ROLL);
    edit(c, 'deployments', 'web', (d) => (d.spec.paused = true));
    setImage(c, 'web', 'nginx:1.15');
    expect(c.store.list('replicasets', 'default')).toHaveLength(1);
    expect(get(c, 'deployments', 'web').status.conditions.find((x: any) => x.type === 'Progressing').reason).toBe('DeploymentPaused');
    edit(c, 'deployments', 'web', (d) => delete d.spec.paused);
    expect(c.store.list('replicasets', 'default')).toHaveLength(2);
  });
});

describe('server-side rollback', () => {
  function requestRollback(c: Cluster, revision: string): void {
    edit(c, 'deployments', 'web', (d) => (d.metadata.annotations = { ...(d.metadata.annotations ?? {}), 'deprecated.deployment.rollback.to': revision }));
  }

  function reasons(c: Cluster): string[] {
    return c.store
      .list('events', 'default')
      .filter((e) => e.reason.startsWith('Rollback') || e.reason === 'DeploymentRollback')
      .map((e) => `${e.reason} ${e.message}`);
  }

  it('restores the previous template and clears the request', () => {
    const c = newCluster();
    apply(c, 'deployments', newDeployment({ replicas: 2 }));
    advance(c, ROLL);
    setImage(c, 'web', 'nginx:1.15');
    advance(c, ROLL);
    requestRollback(c, '0');
    const d = get(c, 'deployments', 'web');
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.14.2');
    expect(d.metadata.annotations?.['deprecated.deployment.rollback.to']).toBeUndefined();
    expect(reasons(c)).toEqual(['DeploymentRollback Rolled back deployment "web" to revision 1']);
    expect(revisions(c)).toEqual({ 'nginx:1.14.2': '3', 'nginx:1.15': '2' });
  });

  it('gives up without an earlier revision', () => {
    const c = newCluster();
    apply(c, 'deployments', newDeployment({ replicas: 1 }));
    requestRollback(c, '0');
    expect(reasons(c)).toEqual(['RollbackRevisionNotFound Unable to find last revision.']);
    expect(get(c, 'deployments', 'web').metadata.annotations?.['deprecated.deployment.rollback.to']).toBeUndefined();
  });
});
