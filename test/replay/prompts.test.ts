import { describe, expect, it } from 'vitest';
import { catTarget, cleanCommand, editorTarget, filesReadBy, heredocStart, matchPrompt } from '../../src/replay/prompts';

describe('matchPrompt', () => {
  it.each([
    ['[root@k8s-master01 ~]# kubectl get pod', '[root@k8s-master01 ~]#', 'kubectl get pod'],
    ['[user@box tmp]$ ls', '[user@box tmp]$', 'ls'],
    ['root@box:~# kubectl get ns', 'root@box:~#', 'kubectl get ns'],
    ['$ anything at all', '$', 'anything at all'],
    ['# kubectl get pod', '#', 'kubectl get pod'],
    ['> curl localhost', '>', 'curl localhost'],
    ['# pods=$(kubectl get pods -o name)', '#', 'pods=$(kubectl get pods -o name)'],
  ])('reads %j', (line, prompt, rest) => {
    expect(matchPrompt(line)).toEqual({ prompt, rest });
  });

  it.each(['# 扩容', '## 查看状态', '# Scale the Deployment up', '# watch the pods restart', '> quoted text', 'NAME   READY', 'kubectl get pod'])(
    'rejects %j', (line) => {
      expect(matchPrompt(line)).toBeUndefined();
    },
  );
});

describe('cleanCommand', () => {
  it('trims trailing spaces', () => {
    expect(cleanCommand('kubectl get job      ')).toEqual({ command: 'kubectl get job' });
  });

  it('splits glued output and a comment', () => {
    expect(cleanCommand('kubectl get pod   # list          NAME   READY')).toEqual({
      command: 'kubectl get pod', comment: 'list', gluedOutput: 'NAME   READY',
    });
  });

  it('keeps a hash inside a word', () => {
    expect(cleanCommand('curl http://web/#top')).toEqual({ command: 'curl http://web/#top' });
  });
});

describe('file helpers', () => {
  it('lists local files read with -f', () => {
    expect(filesReadBy('kubectl apply -f a.yml --filename=b.yml -f - -f https://x/c.yml --filename d.yml')).toEqual(['a.yml', 'b.yml', 'd.yml']);
  });

  it('reads editor and cat targets', () => {
    expect(editorTarget('vim deploy.yaml')).toBe('deploy.yaml');
    expect(editorTarget('vi a.yml b.yml')).toBeUndefined();
    expect(catTarget('cat deploy.yaml')).toBe('deploy.yaml');
    expect(catTarget('cat /etc/hosts')).toBeUndefined();
  });

  it('reads heredoc delimiters and targets', () => {
    expect(heredocStart("cat <<'EOF' > pod.yml")).toEqual({ delimiter: 'EOF', stripTabs: false, target: 'pod.yml' });
    expect(heredocStart('kubectl apply -f - <<-END')).toEqual({ delimiter: 'END', stripTabs: true });
    expect(heredocStart('kubectl get pods')).toBeUndefined();
  });
});
