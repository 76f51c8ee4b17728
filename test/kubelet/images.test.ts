import { describe, expect, it } from 'vitest';
import { containerStatusImage, containerStatusImageID, runtimeContainerID } from '../../src/kubelet/images.js';
import { imageConfigID, imageRepoDigest } from '../../src/images/catalog.js';

const PINNED = `sha256:${'ab'.repeat(32)}`;

describe('containerStatusImage', () => {
  it.each([
    ['an official Docker Hub image', 'nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['a tag-less image', 'busybox', 'docker.io/library/busybox:latest'],
    ['a user image on Docker Hub', 'wangyanglinux/myapp:v1', 'docker.io/wangyanglinux/myapp:v1'],
    ['an image written with the legacy index host', 'index.docker.io/library/perl:5.36.0', 'docker.io/library/perl:5.36.0'],
    ['an image on another registry', 'registry.k8s.io/pause:3.9', 'registry.k8s.io/pause:3.9'],
    ['an image on a private registry', 'hub.atguigu.com/library/myapp:v1', 'hub.atguigu.com/library/myapp:v1'],
    ['an image on a registry with a port', 'localhost:5000/team/app:dev', 'localhost:5000/team/app:dev'],
  ])('qualifies %s as containerd stores its tag', (_name, image, expected) => {
    expect(containerStatusImage(image, 132)).toBe(expected);
  });

  it.each([
    ['an official Docker Hub image', 'nginx:1.7.9', 'nginx:1.7.9'],
    ['a tag-less image', 'busybox', 'busybox:latest'],
    ['a fully qualified official image', 'docker.io/library/nginx:1.7.9', 'nginx:1.7.9'],
    ['a user image on Docker Hub', 'docker.io/wangyanglinux/myapp:v2', 'wangyanglinux/myapp:v2'],
    ['an image on a private registry', 'hub.atguigu.com/library/myapp:v1', 'hub.atguigu.com/library/myapp:v1'],
  ])('shortens %s as the docker daemon lists its tag before 1.24', (_name, image, expected) => {
    expect(containerStatusImage(image, 115)).toBe(expected);
  });

  it('names a pinned image by image ID', () => {
    expect(containerStatusImage(`nginx@${PINNED}`, 132)).toBe('sha256:419289c5fe6ef540c1ecda3fced59bca6c2ada81e22031cc092bb99bc0711016');
    expect(containerStatusImage(`nginx@${PINNED}`, 115)).toBe('sha256:419289c5fe6ef540c1ecda3fced59bca6c2ada81e22031cc092bb99bc0711016');
  });

  it('drops a tag beside a digest', () => {
    expect(containerStatusImage(`nginx:1.27@${PINNED}`, 132)).toBe(containerStatusImage(`nginx@${PINNED}`, 132));
  });

  it('uses the config ID, not the digest', () => {
    expect(containerStatusImage(`registry.k8s.io/pause@${PINNED}`, 132)).toBe(imageConfigID(`registry.k8s.io/pause@${PINNED}`));
    expect(imageConfigID(`registry.k8s.io/pause@${PINNED}`)).not.toBe(PINNED);
  });
});

describe('containerStatusImageID', () => {
  it('reports the repo digest on containerd', () => {
    expect(containerStatusImageID('nginx:1.27', 132)).toBe(imageRepoDigest('nginx:1.27'));
    expect(containerStatusImageID('nginx:1.27', 132)).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  });

  it.each([
    ['an official image', 'nginx:1.7.9', /^docker-pullable:\/\/nginx@sha256:[0-9a-f]{64}$/],
    ['a user image', 'wangyanglinux/myapp:v1', /^docker-pullable:\/\/wangyanglinux\/myapp@sha256:[0-9a-f]{64}$/],
    ['a private registry image', 'hub.atguigu.com/library/myapp:v1', /^docker-pullable:\/\/hub\.atguigu\.com\/library\/myapp@sha256:[0-9a-f]{64}$/],
  ])('reports %s as dockershim before 1.24', (_name, image, expected) => {
    expect(containerStatusImageID(image, 115)).toMatch(expected);
  });

  it('keeps the digest across runtimes', () => {
    const digest = (id: string) => id.slice(id.indexOf('@'));
    expect(digest(containerStatusImageID('nginx:1.7.9', 115))).toBe(digest(containerStatusImageID('nginx:1.7.9', 132)));
  });
});

describe('runtimeContainerID', () => {
  it('names containerd containers with 64 hex digits', () => {
    expect(runtimeContainerID('785e255cb1cd2803', 132)).toMatch(/^containerd:\/\/785e255cb1cd2803[0-9a-f]{48}$/);
  });

  it('names docker containers before 1.24', () => {
    expect(runtimeContainerID('785e255cb1cd2803', 115)).toMatch(/^docker:\/\/785e255cb1cd2803[0-9a-f]{48}$/);
  });

  it('derives the same ID from the same seed', () => {
    expect(runtimeContainerID('0123456789abcdef', 132)).toBe(runtimeContainerID('0123456789abcdef', 132));
  });
});
