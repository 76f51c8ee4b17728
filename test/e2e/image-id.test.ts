import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

describe('images of running containers', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('img', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'img', '--clock', 'manual', '--seed', '1', '--start-time', '2022-05-31T09:49:30Z']).code).toBe(0);
    on('run', 'hello', '--image=gcr.io/google-samples/hello-app:1.0');
    on('run', 'web', '--image=nginx');
    on('clock', 'advance', '1m');
  });
  afterAll(() => sb.cleanup());

  it('names the image registry in describe pod', () => {
    expect(on('describe', 'pod', 'hello').stdout).toContain(
      '    Image:          gcr.io/google-samples/hello-app:1.0\n    Image ID:       gcr.io/google-samples/hello-app@sha256:f5cb23b4b98eb3f5d768105242b79353fd50648020df1b91735e667e3eb25b4f\n',
    );
  });

  it('qualifies a Docker Hub tag in the status', () => {
    expect(on('get', 'pod', 'web', '-o', 'jsonpath={.spec.containers[0].image} {.status.containerStatuses[0].image}').stdout).toBe(
      'nginx docker.io/library/nginx:latest',
    );
  });

  it('keeps the spec image in describe pod', () => {
    expect(on('describe', 'pod', 'web').stdout).toContain('    Image:          nginx\n');
  });

  it('qualifies a Docker Hub image in the container status', () => {
    expect(on('get', 'pod', 'web', '-o', 'jsonpath={.status.containerStatuses[0].imageID}').stdout).toBe(
      'docker.io/library/nginx@sha256:58bebf026c27bf69890545a49e4d2783ef385cf6185b8d7d0ebc63f8363071c7',
    );
  });
});

describe('runtime IDs of running containers', () => {
  const sb = new Sandbox();
  const on = (cluster: string, ...args: string[]) => sb.on(cluster, args);
  beforeAll(() => {
    for (const [name, version] of [['new', '1.32'], ['old', '1.15']]) {
      expect(sb.run(['cluster', 'create', name, '--clock', 'manual', '--seed', '1', '--kubernetes-version', version]).code).toBe(0);
      on(name, 'run', 'web', '--image=nginx', '--restart=Never');
      on(name, 'clock', 'advance', '1m');
    }
  });
  afterAll(() => sb.cleanup());

  const ids = (cluster: string) =>
    on(cluster, 'get', 'pod', 'web', '-o', 'jsonpath={.status.containerStatuses[0].containerID} {.status.containerStatuses[0].imageID}').stdout.split(' ');

  it('names containerd IDs on 1.32', () => {
    const [container, image] = ids('new');
    expect(container).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(image).toBe('docker.io/library/nginx@sha256:58bebf026c27bf69890545a49e4d2783ef385cf6185b8d7d0ebc63f8363071c7');
  });

  it('names docker IDs on 1.15', () => {
    const [container, image] = ids('old');
    expect(container).toMatch(/^docker:\/\/[0-9a-f]{64}$/);
    expect(image).toBe('docker-pullable://nginx@sha256:58bebf026c27bf69890545a49e4d2783ef385cf6185b8d7d0ebc63f8363071c7');
  });

  it('prints the IDs in describe pod on 1.15', () => {
    const out = on('old', 'describe', 'pod', 'web').stdout;
    expect(out).toMatch(/\n    Container ID:   docker:\/\/[0-9a-f]{64}\n/);
    expect(out).toContain('\n    Image ID:       docker-pullable://nginx@sha256:58bebf026c27bf69890545a49e4d2783ef385cf6185b8d7d0ebc63f8363071c7\n');
  });
});
