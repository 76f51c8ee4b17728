import { describe, expect, it } from 'vitest';
import { containerStatusImage } from '../../src/kubelet/images.js';
import { imageConfigID } from '../../src/images/catalog.js';

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
