import { describe, expect, it } from 'vitest';
import { ageMark, parseAge, parseAgeUpper, tableRecords } from '../../../src/replay/run/ages';
import { schedulePeriod } from '../../../src/replay/run/cron-phase';
import { explainDifference } from '../../../src/replay/run/differences';
import { detectEra, detectPullTimeouts, dominantPrompt } from '../../../src/replay/run/era';
import { NameLedger, withoutNames } from '../../../src/replay/run/explain';
import { splitWords } from '../../../src/replay/run/shell-words';
import { parseFilter, splitPipeline } from '../../../src/replay/run/pipes';
import { EMPTY_BINDINGS } from '../../../src/replay/match';
import type { Step } from '../../../src/replay/parse';

function step(command: string, output: string[], prompt = '$', line = 1): Step {
  return { index: 1, line, prompt, command, expectedOutput: output, kind: 'kubectl' };
}

describe('splitWords', () => {
  const none = async () => '';
  it('splits quotes and expands variables', async () => {
    const vars = new Map([['pods', 'a b']]);
    expect(await splitWords(`kubectl logs $pods "x y" 'z $pods'`, vars, none)).toEqual({ ok: true, words: ['kubectl', 'logs', 'a', 'b', 'x y', 'z $pods'] });
  });
  it('runs command substitution', async () => {
    const result = await splitWords('kubectl logs $(kubectl get pods -o name)', new Map(), async (inner) => `[${inner}]\n`);
    expect(result).toEqual({ ok: true, words: ['kubectl', 'logs', '[kubectl', 'get', 'pods', '-o', 'name]'] });
  });
  it('rejects pipes and lists', async () => {
    expect(await splitWords('kubectl get pods | wc -l', new Map(), none)).toEqual({ ok: false, reason: 'the shell construct `|` is not run by replay' });
    expect(await splitWords('a && b', new Map(), none)).toEqual({ ok: false, reason: 'the shell construct `&&` is not run by replay' });
  });
});

describe('ages', () => {
  it('parses kubectl ages', () => {
    expect(parseAge('5h4m')).toBe(5 * 3_600_000 + 4 * 60_000);
    expect(parseAge('2m58s')).toBe(178_000);
    expect(parseAge('<none>')).toBeUndefined();
  });
  it('takes the youngest AGE of a table', () => {
    expect(ageMark(['NAME   AGE', 'a      15h', 'b      87s'])).toEqual({ ms: 87_000, mode: 'youngest' });
  });
  it('takes the oldest event of a describe', () => {
    const lines = [
      'Events:',
      '  Type    Reason     Age                 From               Message',
      '  ----    ------     ----                ----               -------',
      '  Normal  Scheduled  119s                default-scheduler  Successfully assigned',
      '  Normal  Pulling    61s (x2 over 118s)  kubelet, k8s-node01  Pulling image "perl"',
    ];
    expect(ageMark(lines)).toEqual({ ms: 119_000, mode: 'oldest' });
  });
  it('reads table records by header', () => {
    expect(tableRecords(['NAME   LAST SCHEDULE   AGE', 'hello  <none>          22s'])).toEqual([{ NAME: 'hello', 'LAST SCHEDULE': '<none>', AGE: '22s' }]);
  });
});

describe('schedulePeriod', () => {
  it('reads minute schedules', () => {
    expect(schedulePeriod('*/1 * * * *')).toBe(60_000);
    expect(schedulePeriod('*/15 * * * *')).toBe(900_000);
    expect(schedulePeriod('*/7 * * * *')).toBeUndefined();
    expect(schedulePeriod('0 3 * * *')).toBeUndefined();
  });
});

describe('detectEra', () => {
  it('picks 1.15 for the extensions group', () => {
    const era = detectEra([step('kubectl create -f rs.yml', ['replicaset.extensions/frontend created'], '$', 10)]);
    expect(era.version).toBe('1.15');
    expect(era.evidence).toEqual([{ maxMinor: 15, line: 11, reason: 'the extensions API group in a resource name' }]);
  });
  it('keeps the default without clues', () => {
    expect(detectEra([step('kubectl create -f rs.yml', ['replicaset.apps/frontend created'])]).version).toBeUndefined();
  });
  it('ignores steps from another prompt', () => {
    const steps = [step('kubectl get pods', [], '#'), step('kubectl get pods', [], '#'), step('kubectl get jobs', ['No resources found.'], '$')];
    expect(dominantPrompt(steps)).toBe('#');
    expect(detectEra(steps, '#').version).toBeUndefined();
  });
  it('finds images whose pulls timed out', () => {
    const line = '  Warning  Failed  75s  kubelet, k8s-node01  Failed to pull image "perl": rpc error: dial tcp 104.18.121.25:443: i/o timeout';
    expect(detectPullTimeouts([step('kubectl describe pod pi', [line])])).toEqual(['perl:*']);
  });
});

describe('NameLedger', () => {
  it('finds names nothing in the replay created', () => {
    const ledger = new NameLedger();
    ledger.seeName('frontend');
    const expected = ['NAME   READY', 'frontend-2t7r8   1/1', 'lifecycle-demo   1/1'];
    expect(ledger.foreignNames(expected, ['NAME   READY', 'frontend-b4x9z   1/1'])).toEqual(['lifecycle-demo']);
    expect(withoutNames(expected, ['lifecycle-demo'])).toEqual(['NAME   READY', 'frontend-2t7r8   1/1']);
  });
});

describe('explainDifference', () => {
  it('explains pods on other nodes', () => {
    const header = 'NAME        READY   IP           NODE';
    const result = explainDifference(
      [header, 'web-2t7r8   1/1     10.244.1.7   k8s-node01'],
      [header, 'web-b4x9z   1/1     10.244.2.2   k8s-node02'],
      EMPTY_BINDINGS,
    );
    expect(result?.reasons).toEqual(['pods landed on other nodes (transcript: k8s-node01 ×1; kubesim: k8s-node02 ×1), because the scheduler breaks ties between equally loaded nodes at random']);
    expect(result?.bindings.values).toEqual({ '2t7r8': 'b4x9z', '10.244.1.7': '10.244.2.2' });
  });
  it('leaves a READY difference unexplained', () => {
    const header = 'NAME        READY   IP           NODE';
    const result = explainDifference(
      [header, 'web-2t7r8   0/1     10.244.1.7   k8s-node01'],
      [header, 'web-b4x9z   1/1     10.244.2.2   k8s-node02'],
      EMPTY_BINDINGS,
    );
    expect(result).toBeUndefined();
  });
  it('explains a pod replaced outside the transcript', () => {
    const bindings = { values: { '59srm': 'b4x9z' }, groups: [] };
    const header = 'NAME       READY   STATUS';
    const result = explainDifference(
      [header, 'pi-98qk8   0/1     ErrImagePull', 'web        1/1     Running'],
      [header, 'pi-b4x9z   0/1     ImagePullBackOff', 'web        1/1     Running'],
      bindings,
    );
    expect(result?.reasons).toEqual(['the transcript shows a pod replaced for a reason it does not show (pi-98qk8 replaced pi-59srm); kubesim still runs the earlier pod']);
  });
});

describe('explainDifference for rollout history', () => {
  it('explains revisions made off-screen', () => {
    const result = explainDifference(
      ['REVISION  CHANGE-CAUSE', '5         kubectl apply --filename=deployment.yml --record=true', '6         kubectl apply --filename=deployment.yml --record=true'],
      ['REVISION  CHANGE-CAUSE', '2         kubectl apply --filename=deployment.yml --record=true', '3         kubectl apply --filename=deployment.yml --record=true'],
      EMPTY_BINDINGS,
    );
    expect(result?.reasons).toEqual(["revisions 5, 6 are 3 higher than kubesim's 2, 3: the author made 3 more rollouts than the transcript shows"]);
  });
});

describe('parseAgeUpper', () => {
  it('reads the largest age a printed age covers', () => {
    expect(parseAgeUpper('7h45m')).toBe(7 * 3_600_000 + 46 * 60_000 - 1000);
    expect(parseAgeUpper('20s')).toBe(20_000);
    expect(parseAgeUpper('15h')).toBe(16 * 3_600_000 - 1000);
  });
});

describe('pipes', () => {
  it('splits a pipeline outside quotes', () => {
    expect(splitPipeline("kubectl get pods | grep 'a|b' | wc -l")).toEqual(['kubectl get pods', "grep 'a|b'", 'wc -l']);
    expect(splitPipeline('a || b')).toEqual(['a || b']);
  });
  it('builds the supported filters', () => {
    const lines = ['NAME', 'web-1', 'api-1', 'web-2'];
    const grep = parseFilter(['grep', '-v', 'web']);
    expect(typeof grep === 'function' && grep(lines)).toEqual(['NAME', 'api-1']);
    const tail = parseFilter(['tail', '-2']);
    expect(typeof tail === 'function' && tail(lines)).toEqual(['api-1', 'web-2']);
    expect(parseFilter(['awk', '{print $1}'])).toBe('`awk` is not a filter replay runs');
  });
});
