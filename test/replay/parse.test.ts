import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/replay/parse';

const FIXTURES = join(__dirname, '../../fixtures/tutorial');

/** Commands, prompts and outputs of the steps, the parts most tests check. */
function brief(text: string) {
  return parseTranscript(text).steps.map((s) => ({ line: s.line, prompt: s.prompt, command: s.command, out: s.expectedOutput }));
}

describe('parseTranscript prompts', () => {
  it('reads bracket prompts and their output', () => {
    const text = ['说明文字', '[root@k8s-master01 ~]# kubectl get ns', 'NAME      STATUS   AGE', 'default   Active   1d', '', '更多说明'].join('\n');
    expect(brief(text)).toEqual([
      { line: 2, prompt: '[root@k8s-master01 ~]#', command: 'kubectl get ns', out: ['NAME      STATUS   AGE', 'default   Active   1d'] },
    ]);
  });

  it('reads dollar, hash and greater-than prompts', () => {
    const text = ['$ kubectl get pods', 'No resources found.', '# curl 10.0.0.1', 'ok', '> echo hi', 'hi', 'user@box:~$ date', 'Tue'].join('\n');
    expect(brief(text).map((s) => [s.prompt, s.command, s.out])).toEqual([
      ['$', 'kubectl get pods', ['No resources found.']],
      ['#', 'curl 10.0.0.1', ['ok']],
      ['>', 'echo hi', ['hi']],
      ['user@box:~$', 'date', ['Tue']],
    ]);
  });

  it('reads hash comments as comments', () => {
    const text = ['$ kubectl get rs', 'NAME   DESIRED', 'web    3', '# 扩容', '## another comment', '$ kubectl scale rs web --replicas 5'].join('\n');
    expect(brief(text).map((s) => [s.command, s.out])).toEqual([
      ['kubectl get rs', ['NAME   DESIRED', 'web    3']],
      ['kubectl scale rs web --replicas 5', []],
    ]);
  });

  it('ends output at a line of prose', () => {
    const text = ['$ kubectl get pods', 'No resources found.', '这里开始是说明'].join('\n');
    expect(brief(text)[0].out).toEqual(['No resources found.']);
  });

  it('splits a header glued to the command', () => {
    const text = '$ kubectl get pod --show-labels                     NAME        READY   LABELS\nweb-b4x9z   1/1     app=web';
    expect(brief(text)).toEqual([
      { line: 1, prompt: '$', command: 'kubectl get pod --show-labels', out: ['NAME        READY   LABELS', 'web-b4x9z   1/1     app=web'] },
    ]);
  });

  it('moves a comment tail out of the command', () => {
    const step = parseTranscript('$ kubectl rollout status deployment/web\t\t## 查看状态').steps[0];
    expect(step.command).toBe('kubectl rollout status deployment/web');
    expect(step.comment).toBe('查看状态');
  });

  it('keeps a hash inside quotes', () => {
    const step = parseTranscript(`$ echo 'a # b'`).steps[0];
    expect(step.command).toBe(`echo 'a # b'`);
  });

  it('keeps blank lines inside explain output', () => {
    const text = ['$ kubectl explain rs', 'KIND:     ReplicaSet', '', 'DESCRIPTION:', '     ReplicaSet ensures...', '', 'FIELDS:', '   spec <Object>', '', 'Next section'].join('\n');
    expect(brief(text)[0].out).toEqual(['KIND:     ReplicaSet', '', 'DESCRIPTION:', '     ReplicaSet ensures...', '', 'FIELDS:', '   spec <Object>']);
  });

  it('drops trailing blank output lines', () => {
    const text = ['$ kubectl rollout history deployment/web', 'REVISION  CHANGE-CAUSE', '1         <none>', '', '$ kubectl get rs'].join('\n');
    expect(brief(text)[0].out).toEqual(['REVISION  CHANGE-CAUSE', '1         <none>']);
  });

  it('skips an empty prompt', () => {
    expect(brief('[root@m ~]# kubectl get pods\nNo resources found.\n[root@m ~]# \n$\n[root@m ~]#')).toEqual([
      { line: 1, prompt: '[root@m ~]#', command: 'kubectl get pods', out: ['No resources found.'] },
    ]);
  });

  it('reads CRLF line endings', () => {
    expect(brief('$ kubectl get pods\r\nNo resources found.\r\n')).toEqual([
      { line: 1, prompt: '$', command: 'kubectl get pods', out: ['No resources found.'] },
    ]);
  });
});

describe('parseTranscript step kinds', () => {
  it('classifies commands by their first word', () => {
    const text = ['$ kubectl get pods', '$ curl 10.244.1.2', '$ echo $?', '$ docker tag abc perl:5', '$ vi app.yml', '$ x=$(kubectl get pods -o name)', '$ echo hi', '$ watch kubectl get pods', '$ frobnicate'].join('\n');
    expect(parseTranscript(text).steps.map((s) => s.kind)).toEqual(['kubectl', 'curl', 'echo-status', 'docker', 'editor', 'shell', 'shell', 'shell', 'other']);
  });
});

describe('parseTranscript repeated tables', () => {
  it('splits a repeated table header', () => {
    const text = ['$ kubectl get rs', 'NAME      DESIRED', 'web-abc   5', 'NAME      DESIRED', 'web-abc   1', '$ kubectl get pods'].join('\n');
    const steps = parseTranscript(text).steps;
    expect(steps.map((s) => [s.index, s.line, s.prompt, s.command, s.expectedOutput])).toEqual([
      [1, 1, '$', 'kubectl get rs', ['NAME      DESIRED', 'web-abc   5']],
      [2, 4, '', 'kubectl get rs', ['NAME      DESIRED', 'web-abc   1']],
      [3, 6, '$', 'kubectl get pods', []],
    ]);
    expect(steps[1].note).toBe("no prompt in the source; the table header repeats, so this reruns line 1's command");
  });
});

describe('parseTranscript manifests', () => {
  const podYaml = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: web', '    image: nginx'];

  it('reads the YAML after vi as the file', () => {
    const text = ['编辑文件', 'vi pod.yml', '', ...podYaml, '', '然后创建', '$ kubectl create -f pod.yml', 'pod/web created'].join('\n');
    const result = parseTranscript(text);
    expect(result.manifests).toEqual({ 'pod.yml': podYaml.join('\n') + '\n' });
    expect(result.steps.map((s) => [s.line, s.kind, s.command])).toEqual([[2, 'editor', 'vi pod.yml'], [14, 'kubectl', 'kubectl create -f pod.yml']]);
    expect(result.steps[0].writesFile).toEqual({ path: 'pod.yml', content: podYaml.join('\n') + '\n' });
  });

  it('ends a vi block at the next prompt', () => {
    const text = ['[root@m ~]# vi pod.yml', ...podYaml, '[root@m ~]# kubectl apply -f pod.yml', 'pod/web created'].join('\n');
    const result = parseTranscript(text);
    expect(result.manifests['pod.yml']).toBe(podYaml.join('\n') + '\n');
    expect(result.steps[1].expectedOutput).toEqual(['pod/web created']);
  });

  it('names an unnamed manifest by its reader', () => {
    const text = ['1、部署一个应用', '', ...podYaml, 'kubectl create -f https://example.test/pod.yaml', '', '创建', '$ kubectl apply -f other.yml', '$ kubectl apply -f web.yml'].join('\n');
    const result = parseTranscript(`vi other.yml\n\nkind: ConfigMap\n\n${text}`);
    expect(result.manifests['web.yml']).toBe(podYaml.join('\n') + '\n');
    const editor = result.steps.find((s) => s.writesFile?.path === 'web.yml');
    expect(editor?.line).toBe(7);
    expect(editor?.note).toBe('file name taken from line 19, which reads it');
    expect(result.documented).toEqual([{ line: 15, command: 'kubectl create -f https://example.test/pod.yaml' }]);
  });

  it('warns about a manifest no command reads', () => {
    const result = parseTranscript(podYaml.join('\n'));
    expect(result.warnings).toEqual(['line 1: YAML block without a file name, and no later command reads a local file with -f']);
    expect(result.steps).toEqual([]);
  });

  it('reads a heredoc file with prompts', () => {
    const text = ['$ cat > pod.yml <<EOF', ...podYaml.map((l) => `> ${l}`), '> EOF', '$ kubectl apply -f pod.yml', 'pod/web created'].join('\n');
    const result = parseTranscript(text);
    expect(result.steps[0].kind).toBe('editor');
    expect(result.manifests['pod.yml']).toBe(podYaml.join('\n') + '\n');
    expect(result.steps[1].expectedOutput).toEqual(['pod/web created']);
  });

  it('feeds a heredoc without a file to stdin', () => {
    const text = ['$ kubectl apply -f - <<EOF', ...podYaml, 'EOF', 'pod/web created'].join('\n');
    const step = parseTranscript(text).steps[0];
    expect(step.stdin).toBe(podYaml.join('\n') + '\n');
    expect(step.expectedOutput).toEqual(['pod/web created']);
  });

  it('takes a file from cat output', () => {
    const text = ['$ cat pod.yml', ...podYaml, '$ kubectl apply -f pod.yml'].join('\n');
    expect(parseTranscript(text).manifests).toEqual({ 'pod.yml': podYaml.join('\n') + '\n' });
  });
});

describe('parseTranscript on the tutorial fixtures', () => {
  const sections = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();

  it('has one transcript per tutorial section', () => {
    expect(sections).toEqual(['01-replicaset.txt', '02-deployment.txt', '03-daemonset.txt', '04-job.txt', '05-cronjob.txt']);
  });

  it('parses every section into steps', () => {
    const counts = sections.map((f) => parseTranscript(readFileSync(join(FIXTURES, f), 'utf8')).steps.length);
    expect(counts).toEqual([12, 26, 5, 16, 13]);
  });

  it('keeps manifests that load as the right kinds', () => {
    const kinds = ['rs.yml', 'deployment.yml', 'daemonset.yml', 'job.yml', 'cronjob.yml']
      .map((f) => load(readFileSync(join(FIXTURES, f), 'utf8')) as { kind: string; metadata: { name: string } })
      .map((m) => `${m.kind}/${m.metadata.name}`);
    expect(kinds).toEqual(['ReplicaSet/frontend', 'Deployment/nginx-deployment', 'DaemonSet/deamonset-example', 'Job/pi', 'CronJob/hello']);
  });

  it('splits the half-way rollout tables', () => {
    const steps = parseTranscript(readFileSync(join(FIXTURES, '02-deployment.txt'), 'utf8')).steps;
    const undo = steps.findIndex((s) => s.command === 'kubectl rollout undo deployment/nginx-deployment');
    expect(steps.slice(undo + 1, undo + 4).map((s) => s.expectedOutput[2])).toEqual([
      'nginx-deployment-5df65767f    6         6         4       15h',
      'nginx-deployment-5df65767f    10        10        8       15h',
      'nginx-deployment-5df65767f    10        10        9       15h',
    ]);
  });
});

const SOURCE = process.env.KUBESIM_TUTORIAL_SOURCE ?? '/work/shared/seed/k8s-controllers-tutorial.zh.txt';

describe.skipIf(!existsSync(SOURCE))('parseTranscript on the original tutorial text', () => {
  const result = existsSync(SOURCE) ? parseTranscript(readFileSync(SOURCE, 'utf8')) : undefined!;

  it('finds every step', () => {
    expect(result.steps.length).toBe(83);
    expect(result.warnings).toEqual([]);
  });

  it('writes the fixture manifests', () => {
    for (const name of ['rs.yml', 'deployment.yml', 'daemonset.yml', 'job.yml', 'cronjob.yml']) {
      expect(result.manifests[name]).toBe(readFileSync(join(FIXTURES, name), 'utf8'));
    }
  });

  it('yields the fixture transcripts', () => {
    const fromFixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort()
      .flatMap((f) => parseTranscript(readFileSync(join(FIXTURES, f), 'utf8')).steps)
      .map((s) => [s.command, s.expectedOutput]);
    const session = result.steps.filter((s) => s.kind !== 'editor' && s.prompt !== '$').map((s) => [s.command, s.expectedOutput]);
    expect(fromFixtures).toEqual(session);
  });

  it('lists prose commands as documentation', () => {
    expect(result.documented.map((d) => d.line)).toEqual([222, 275, 354, 355, 356, 357, 358, 359, 360]);
  });

  it('names the Deployment manifest after its apply', () => {
    const editor = result.steps.find((s) => s.writesFile?.path === 'deployment.yml');
    expect(editor?.line).toBe(206);
    expect(editor?.note).toBe('file name taken from line 227, which reads it');
  });
});
