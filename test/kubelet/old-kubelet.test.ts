import { describe, expect, it } from 'vitest';
import { advance, createObject, newCluster, newPod } from '../helpers/cluster.js';
import { pullOutcome } from '../../src/kubelet/images.js';
import { DEFAULT_SETTINGS } from '../../src/engine/settings.js';

describe('kubelet before 1.16', () => {
  it('reports the pod IP only once the first pull attempt has ended on 1.15', () => {
    const c = newCluster({ kubernetesVersion: '1.15' });
    createObject(c, 'pods', newPod('web', 'perl:5.36.0'));
    advance(c, c.settings.pullMs - 1);
    expect(c.store.get('pods', 'default', 'web')!.status.podIP).toBeUndefined();
    advance(c, 1);
    expect(c.store.get('pods', 'default', 'web')!.status.podIP).toMatch(/^10\.244\.[12]\.\d+$/);
  });

  it('names a running container image in the docker daemon short form on 1.15', () => {
    const c = newCluster({ kubernetesVersion: '1.15' });
    createObject(c, 'pods', newPod('web', 'nginx'));
    createObject(c, 'pods', newPod('app', 'hub.atguigu.com/library/myapp:v1'));
    advance(c, 60_000);
    const image = (name: string) => c.store.get('pods', 'default', name)!.status.containerStatuses[0].image;
    expect(image('web')).toBe('nginx:latest');
    expect(image('app')).toBe('hub.atguigu.com/library/myapp:v1');
  });

  it('words a pull timeout as the docker daemon did before 1.24', () => {
    const settings = { ...DEFAULT_SETTINGS, version: 115, versionString: '1.15', pullTimeout: ['perl:*'] };
    const outcome = pullOutcome('perl', settings, 1, Date.parse('2022-05-31T08:10:00Z'));
    expect(outcome.ok).toBe(false);
    const message = outcome.ok ? '' : outcome.message;
    expect(message).toMatch(/^rpc error: code = Unknown desc = error pulling image configuration: Get https:\/\/production\.cloudflare\.docker\.com\/registry-v2\/docker\/registry\/v2\/blobs\/sha256\/([0-9a-f]{2})\/\1[0-9a-f]{62}\/data\?verify=1653984600-[A-Za-z0-9%]+: dial tcp 104\.18\.121\.25:443: i\/o timeout$/);
  });

  it('words a pull timeout as containerd does from 1.24', () => {
    const settings = { ...DEFAULT_SETTINGS, pullTimeout: ['perl:*'] };
    const outcome = pullOutcome('perl', settings, 1, 0);
    expect(outcome.ok ? '' : outcome.message).toBe('rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/perl:latest": failed to resolve reference "docker.io/library/perl:latest": failed to do request: Head "https://registry-1.docker.io/v2/library/perl/manifests/latest": dial tcp 104.18.121.25:443: i/o timeout (request 00000001)');
  });
});
