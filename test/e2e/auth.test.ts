import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

/** `kubectl auth can-i` and `auth whoami` print what a kubeadm cluster prints for its admin. */
describe('auth', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'new', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    expect(sb.run(['cluster', 'create', 'v128', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.28']).code).toBe(0);
    expect(sb.run(['cluster', 'create', 'v126', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.26']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('prints yes and exits 0', () => {
    expect(sb.on('new', ['auth', 'can-i', 'create', 'deployments.apps'])).toEqual({ stdout: 'yes\n', stderr: '', code: 0 });
  });

  it('prints nothing with --quiet', () => {
    expect(sb.on('new', ['auth', 'can-i', 'delete', 'pods/web', '-q'])).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('warns about a cluster-scoped resource checked in a namespace', () => {
    expect(sb.on('new', ['auth', 'can-i', 'delete', 'nodes'])).toEqual({ stdout: 'yes\n', stderr: "Warning: resource 'nodes' is not namespace scoped\n\n", code: 0 });
    expect(sb.on('new', ['auth', 'can-i', 'delete', 'nodes', '-A'])).toEqual({ stdout: 'yes\n', stderr: '', code: 0 });
  });

  it('warns about unknown verbs and resources', () => {
    expect(sb.on('new', ['auth', 'can-i', 'fly', 'widgets.example.com'])).toEqual({
      stdout: 'yes\n',
      stderr: "Warning: the server doesn't have a resource type 'widgets' in group 'example.com'\n\nWarning: verb 'fly' is not a known verb\n\n",
      code: 0,
    });
    expect(sb.on('new', ['auth', 'can-i', 'fly', '/logs/'])).toEqual({ stdout: 'yes\n', stderr: "Warning: verb 'fly' is not a known verb\n\n", code: 0 });
  });

  it.each([
    ['one argument', ['get'], "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n"],
    ['three arguments', ['get', 'pods', 'x'], "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n"],
    ['--list with arguments', ['--list', 'get'], 'error: list option must be specified with no arguments\n'],
    ['--list with --quiet', ['--list', '-q'], "error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n"],
    ['--subresource on a URL', ['get', '/logs', '--subresource=x'], 'error: --subresource can not be used with NonResourceURL\n'],
    ['--no-headers without --list', ['get', 'pods', '--no-headers'], 'error: --no-headers cannot be set without --list specified\n'],
  ])('rejects %s', (_name, args, stderr) => {
    expect(sb.on('new', ['auth', 'can-i', ...(args as string[])])).toEqual({ stdout: '', stderr, code: 1 });
  });

  it('lists the admin rules', () => {
    const r = sb.on('new', ['auth', 'can-i', '--list']);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'Resources                                       Non-Resource URLs   Resource Names   Verbs',
      '*.*                                             []                  []               [*]',
      '                                                [*]                 []               [*]',
    ]);
    expect(r.code).toBe(0);
  });

  it('shows the 1.32 admin with its credential ID', () => {
    const r = sb.on('new', ['auth', 'whoami']);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'ATTRIBUTE                                           VALUE',
      'Username                                            kubernetes-admin',
      'Groups                                              [kubeadm:cluster-admins system:authenticated]',
    ]);
    expect(lines[3]).toMatch(/^Extra: authentication\.kubernetes\.io\/credential-id {3}\[X509SHA256=[0-9a-f]{64}\]$/);
    expect(r.code).toBe(0);
  });

  it('shows the 1.28 admin in system:masters as a v1 SelfSubjectReview', () => {
    const r = sb.on('v128', ['auth', 'whoami', '-o', 'yaml']);
    expect(r.stdout.replace(/creationTimestamp: ".*"/, 'creationTimestamp: T')).toBe(
      [
        'apiVersion: authentication.k8s.io/v1',
        'kind: SelfSubjectReview',
        'metadata:',
        '  creationTimestamp: T',
        'status:',
        '  userInfo:',
        '    groups:',
        '    - system:masters',
        '    - system:authenticated',
        '    username: kubernetes-admin',
        '',
      ].join('\n'),
    );
  });

  it('reports the API as not enabled before 1.27', () => {
    expect(sb.on('v126', ['auth', 'whoami'])).toEqual({
      stdout: '',
      stderr: 'error: the selfsubjectreviews API is not enabled in the cluster\nenable APISelfSubjectReview feature gate and authentication.k8s.io/v1alpha1 or authentication.k8s.io/v1beta1 API\n',
      code: 1,
    });
  });

  it('rejects an unknown output format', () => {
    expect(sb.on('new', ['auth', 'whoami', '-o', 'foo'])).toEqual({
      stdout: '',
      stderr: 'error: unable to match a printer suitable for the output format "foo", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
      code: 1,
    });
  });

  it('rejects an unknown subcommand', () => {
    expect(sb.on('new', ['auth', 'foo'])).toEqual({ stdout: '', stderr: "error: unknown command \"foo\"\nSee 'kubectl auth -h' for help and examples\n", code: 1 });
  });
});
