import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/replay/parse';
import { formatReport, formatTotals, reportToJson, type StepOutcome } from '../../src/replay/report';

function step(index: number, command: string, extra: Partial<Step> = {}): Step {
  return { index, line: index * 10, prompt: '$', command, expectedOutput: [], kind: 'kubectl', ...extra };
}

const outcomes: StepOutcome[] = [
  { step: step(1, 'vi rs.yml', { kind: 'editor' }), status: 'skipped', reason: 'writes rs.yml' },
  { step: step(2, 'kubectl create -f rs.yml'), status: 'match' },
  { step: step(9, 'kubectl get rs'), status: 'transient' },
  {
    step: step(10, 'kubectl label pod frontend-gwqnq tier=x'),
    status: 'differ',
    ranCommand: 'kubectl label pod frontend-b4x9z tier=x',
    diff: ['- pod/frontend-gwqnq labeled', '+ error: not found', '  ^^^^^^^^^^^^^^^^'],
  },
];

describe('formatReport', () => {
  it('prints one line per step, diffs and totals', () => {
    expect(formatReport(outcomes)).toBe([
      '○  1  vi rs.yml  (writes rs.yml)',
      '✓  2  kubectl create -f rs.yml',
      '≈  9  kubectl get rs',
      '✗ 10  kubectl label pod frontend-gwqnq tier=x',
      '      ran: kubectl label pod frontend-b4x9z tier=x',
      '      - pod/frontend-gwqnq labeled',
      '      + error: not found',
      '        ^^^^^^^^^^^^^^^^',
      '',
      '4 steps: 1 ✓ match, 1 ≈ transient, 1 ✗ differ, 1 ○ skipped',
      '',
    ].join('\n'));
  });

  it('adds ANSI colours only when asked', () => {
    expect(formatReport(outcomes)).not.toContain('\u001b[');
    expect(formatReport(outcomes, { color: true })).toContain('\u001b[32m✓\u001b[39m');
  });
});

describe('formatTotals', () => {
  it('uses the singular for one step', () => {
    expect(formatTotals({ steps: 1, match: 1, transient: 0, differ: 0, skipped: 0 })).toBe('1 step: 1 ✓ match, 0 ≈ transient, 0 ✗ differ, 0 ○ skipped');
  });
});

describe('reportToJson', () => {
  it('lists steps with only the fields that apply', () => {
    const json = reportToJson(outcomes);
    expect(json.totals).toEqual({ steps: 4, match: 1, transient: 1, differ: 1, skipped: 1 });
    expect(json.steps[0]).toEqual({ index: 1, line: 10, command: 'vi rs.yml', status: 'skipped', reason: 'writes rs.yml' });
    expect(json.steps[1]).toEqual({ index: 2, line: 20, command: 'kubectl create -f rs.yml', status: 'match' });
    expect(json.steps[3].ranCommand).toBe('kubectl label pod frontend-b4x9z tier=x');
    expect(json.steps[3].diff).toHaveLength(3);
  });
});

describe('formatReport with transcript files', () => {
  it('heads each file of a folder replay', () => {
    const fromFiles: StepOutcome[] = [
      { step: step(1, 'kubectl create -f rs.yml', { file: '01-rs.txt' }), status: 'match' },
      { step: step(2, 'kubectl get rs', { file: '01-rs.txt' }), status: 'match' },
      { step: step(3, 'kubectl get job', { file: '02-job.txt' }), status: 'match' },
    ];
    expect(formatReport(fromFiles).split('\n').slice(0, 5)).toEqual([
      '01-rs.txt:',
      '✓ 1  kubectl create -f rs.yml',
      '✓ 2  kubectl get rs',
      '02-job.txt:',
      '✓ 3  kubectl get job',
    ]);
    expect(reportToJson(fromFiles).steps[2]).toEqual({ index: 3, file: '02-job.txt', line: 30, command: 'kubectl get job', status: 'match' });
  });
});

describe('formatReport for transient steps', () => {
  it('shows both outputs', () => {
    const transient: StepOutcome[] = [{
      step: step(4, 'kubectl get rs', { expectedOutput: ['NAME  READY', 'web   4'] }),
      status: 'transient',
      actual: ['NAME  READY', 'web   2'],
      reason: 'kubesim reached this state 2s later',
    }];
    expect(formatReport(transient).split('\n').slice(0, 7)).toEqual([
      '≈ 4  kubectl get rs  (kubesim reached this state 2s later)',
      '     transcript:',
      '       NAME  READY',
      '       web   4',
      "     kubesim at the transcript's moment:",
      '       NAME  READY',
      '       web   2',
    ]);
    expect(reportToJson(transient).steps[0].actual).toEqual(['NAME  READY', 'web   2']);
  });
});

describe('formatReport for matched transient steps', () => {
  it('shows the state that matched', () => {
    const transient: StepOutcome[] = [{
      step: step(5, 'kubectl get pod', { expectedOutput: ['NAME  STATUS', 'a     Completed', 'b     Completed'] }),
      status: 'transient',
      actual: ['NAME  STATUS', 'b     Completed'],
      matched: ['NAME  STATUS', 'a     Completed', 'b     Completed'],
      reason: 'kubesim passed through this state',
    }];
    expect(formatReport(transient).split('\n').slice(0, 11)).toEqual([
      '≈ 5  kubectl get pod  (kubesim passed through this state)',
      '     transcript:',
      '       NAME  STATUS',
      '       a     Completed',
      '       b     Completed',
      '     kubesim when it matched:',
      '       NAME  STATUS',
      '       a     Completed',
      '       b     Completed',
      "     kubesim at the transcript's moment:",
      '       NAME  STATUS',
    ]);
    expect(reportToJson(transient).steps[0].matched).toEqual(['NAME  STATUS', 'a     Completed', 'b     Completed']);
  });
});
