import { describe, expect, it } from 'vitest';
import { imageConfigID, imageRepoDigest, KNOWN_IMAGES, resolveImage, resolveNginxVersion } from '../../src/images/catalog';

describe('resolveImage', () => {
  it('parses a registry-prefixed myapp reference', () => {
    const info = resolveImage('hub.atguigu.com/library/myapp:v1');
    expect(info.repository).toBe('hub.atguigu.com/library/myapp');
    expect(info.registry).toBe('hub.atguigu.com');
    expect(info.tag).toBe('v1');
    expect(info.kind).toBe('myapp');
    expect(info.known).toBe(true);
    expect(info.exists).toBe(true);
    expect(info.fullReference).toBe('hub.atguigu.com/library/myapp:v1');
  });

  it('parses a Docker Hub user repository', () => {
    const info = resolveImage('wangyanglinux/myapp:v2');
    expect(info.registry).toBe('docker.io');
    expect(info.kind).toBe('myapp');
    expect(info.fullReference).toBe('docker.io/wangyanglinux/myapp:v2');
  });

  it('defaults an untagged reference to latest', () => {
    const info = resolveImage('nginx');
    expect(info.tag).toBe('latest');
    expect(info.fullReference).toBe('docker.io/library/nginx:latest');
    expect(info.exists).toBe(true);
  });

  it('reports nginx:1.91 as missing', () => {
    expect(resolveImage('nginx:1.91').exists).toBe(false);
  });

  it('accepts published nginx tags', () => {
    for (const tag of ['1.7.9', '1.9.1', '1.14.2', '1.25', '1.25-alpine', 'stable', 'mainline']) {
      expect(resolveImage(`nginx:${tag}`).exists, tag).toBe(true);
    }
  });

  it('reports myapp tags beyond v3 as missing', () => {
    expect(resolveImage('wangyanglinux/myapp:v9').exists).toBe(false);
    expect(resolveImage('wangyanglinux/myapp').exists).toBe(false);
  });

  it('recognises perl and busybox tags', () => {
    expect(resolveImage('perl:5.36.0').kind).toBe('perl');
    expect(resolveImage('perl:5.36.0').exists).toBe(true);
    expect(resolveImage('perl:5.37.0').exists).toBe(false);
    expect(resolveImage('busybox:1.28').exists).toBe(true);
    expect(resolveImage('busybox:9.9').exists).toBe(false);
  });

  it('treats unknown images as existing generic servers', () => {
    const info = resolveImage('registry.example.com:5000/team/api:2.1');
    expect(info.kind).toBe('generic');
    expect(info.known).toBe(false);
    expect(info.exists).toBe(true);
    expect(info.registry).toBe('registry.example.com:5000');
    expect(info.tag).toBe('2.1');
    expect(info.sizeBytes).toBe(resolveImage('registry.example.com:5000/team/api:2.1').sizeBytes);
  });

  it('keeps a digest and leaves the tag empty', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const info = resolveImage(`busybox@${digest}`);
    expect(info.digest).toBe(digest);
    expect(info.tag).toBe('');
    expect(info.exists).toBe(true);
    expect(info.fullReference).toBe(`docker.io/library/busybox@${digest}`);
  });

  it('rejects an uppercase repository', () => {
    const info = resolveImage('Nginx');
    expect(info.invalidReason).toBe('invalid reference format: repository name (library/Nginx) must be lowercase');
    expect(info.exists).toBe(false);
  });

  it('rejects an empty reference', () => {
    expect(resolveImage('').invalidReason).toBe('invalid reference format');
  });

  it('lists only images that exist', () => {
    for (const image of KNOWN_IMAGES) expect(resolveImage(image).exists, image).toBe(true);
  });

  it('shares one frozen result per reference', () => {
    const first = resolveImage('nginx:1.27');
    expect(resolveImage('nginx:1.27')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(resolveImage('nginx:1.28')).not.toBe(first);
  });
});

describe('misspelled library images', () => {
  it('finds no repository for near misses of the simulated library images', () => {
    for (const typo of ['ngnix', 'nignx', 'nginxx', 'ngin', 'busbox', 'bussybox', 'prel']) {
      const info = resolveImage(typo);
      expect(info.exists, typo).toBe(false);
      expect(info.missingRepository, typo).toBe(true);
    }
  });

  it('runs other unknown images as the generic server', () => {
    // Names shorter than four letters are too short to call misspellings.
    for (const image of ['redis', 'httpd', 'nginxinc/nginx-unprivileged', 'registry.example.com/ngnix', 'myorg/ngnix', 'nginx', 'ubuntu', 'pel']) {
      const info = resolveImage(image);
      expect(info.missingRepository ?? false, image).toBe(false);
      expect(info.exists, image).toBe(true);
    }
  });
});

describe('resolveNginxVersion', () => {
  it('maps a minor tag to its last patch release', () => {
    expect(resolveNginxVersion('1.25')).toBe('1.25.5');
  });

  it('returns undefined for a patch that was never released', () => {
    expect(resolveNginxVersion('1.25.99')).toBeUndefined();
  });

  it('answers a repeated tag the same', () => {
    expect(resolveNginxVersion('1.91')).toBeUndefined();
    expect(resolveNginxVersion('1.91')).toBeUndefined();
    expect(resolveNginxVersion('stable-alpine')).toBe('1.28.0');
    expect(resolveNginxVersion('stable-alpine')).toBe('1.28.0');
  });
});

describe('imageRepoDigest', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx@sha256:'],
    ['nginx:1.25.3', 'docker.io/library/nginx@sha256:'],
    ['wangyanglinux/myapp:v2', 'docker.io/wangyanglinux/myapp@sha256:'],
    ['index.docker.io/library/busybox', 'docker.io/library/busybox@sha256:'],
    ['registry.k8s.io/pause:3.9', 'registry.k8s.io/pause@sha256:'],
    ['gcr.io/google-samples/hello-app:1.0', 'gcr.io/google-samples/hello-app@sha256:'],
    ['quay.io/prometheus/node-exporter:v1.8.2', 'quay.io/prometheus/node-exporter@sha256:'],
    ['hub.atguigu.com/library/myapp:v1', 'hub.atguigu.com/library/myapp@sha256:'],
    ['localhost:5000/team/app:dev', 'localhost:5000/team/app@sha256:'],
  ])('names the repository of %s', (image, prefix) => {
    const id = imageRepoDigest(image);
    expect(id.startsWith(prefix)).toBe(true);
    expect(id.slice(prefix.length)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps a pinned digest', () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    expect(imageRepoDigest(`registry.k8s.io/pause@${digest}`)).toBe(`registry.k8s.io/pause@${digest}`);
  });

  it('gives one image the same digest however it is written', () => {
    expect(imageRepoDigest('nginx')).toBe(imageRepoDigest('docker.io/library/nginx:latest'));
  });

  it('gives different tags different digests', () => {
    expect(imageRepoDigest('nginx:1.25.3')).not.toBe(imageRepoDigest('nginx:1.24.0'));
  });
});

describe('imageConfigID', () => {
  it('gives one image the same ID however it is written', () => {
    expect(imageConfigID('nginx')).toBe(imageConfigID('docker.io/library/nginx:latest'));
  });

  it('gives an image an ID apart from its manifest digest', () => {
    const id = imageConfigID('nginx:1.27');
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(imageRepoDigest('nginx:1.27').endsWith(`@${id}`)).toBe(false);
  });

  it('gives a pinned digest the same ID with or without a tag', () => {
    const digest = `sha256:${'cd'.repeat(32)}`;
    expect(imageConfigID(`busybox:1.36@${digest}`)).toBe(imageConfigID(`docker.io/library/busybox@${digest}`));
  });
});
