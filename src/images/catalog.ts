// Placeholder contract until the image catalog lands; replaced by the images branch.
export interface ImageInfo { repository: string; tag: string; known: boolean; exists: boolean; sizeBytes: number; kind: 'myapp' | 'nginx' | 'busybox' | 'perl' | 'generic' }
export function resolveImage(image: string): ImageInfo {
  const i = image.lastIndexOf(':');
  const tag = i > image.lastIndexOf('/') ? image.slice(i + 1) : 'latest';
  const repository = i > image.lastIndexOf('/') ? image.slice(0, i) : image;
  return { repository, tag, known: false, exists: !(repository.endsWith('nginx') && tag === '1.91'), sizeBytes: 10_000_000, kind: 'generic' };
}
