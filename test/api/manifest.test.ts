import { describe, expect, it } from 'vitest';
import { decodeObject, deprecationWarning } from '../../src/api/manifest.js';

const rs = {
  apiVersion: 'extensions/v1beta1',
  kind: 'ReplicaSet',
  metadata: { name: 'frontend' },
  spec: { replicas: 3, template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'myapp', image: 'myapp:v1' }] } } },
};

describe('decodeObject', () => {
  it('converts extensions/v1beta1 with a deprecation warning on a 1.32 cluster', () => {
    const d = decodeObject(rs, { clusterVersion: 132, strictVersions: false, source: 'rs.yml' });
    expect(d.obj.apiVersion).toBe('apps/v1');
    expect(d.group).toBe('apps');
    expect(d.warnings).toEqual(['extensions/v1beta1 ReplicaSet is deprecated in v1.8+, unavailable in v1.16+; use apps/v1 ReplicaSet']);
  });

  it('keeps the extensions group on a 1.15 cluster without warnings', () => {
    const d = decodeObject(rs, { clusterVersion: 115, strictVersions: false, source: 'rs.yml' });
    expect(d.group).toBe('extensions');
    expect(d.warnings).toEqual([]);
  });

  it('rejects removed versions on a strict cluster', () => {
    expect(() => decodeObject(rs, { clusterVersion: 132, strictVersions: true, source: 'rs.yml' })).toThrow(
      'resource mapping not found for name: "frontend" namespace: "" from "rs.yml": no matches for kind "ReplicaSet" in version "extensions/v1beta1"\nensure CRDs are installed first',
    );
  });

  it('rejects unknown kinds', () => {
    expect(() => decodeObject({ apiVersion: 'v1', kind: 'Widget', metadata: { name: 'w' } }, { clusterVersion: 132, strictVersions: false, source: 'w.yaml' })).toThrow(
      /no matches for kind "Widget" in version "v1"/,
    );
  });

  it('words the batch/v1beta1 CronJob warning as the API server does', () => {
    expect(deprecationWarning('batch/v1beta1', 'CronJob')).toBe('batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob');
  });
});
