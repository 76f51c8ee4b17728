import { describe, expect, it } from 'vitest';
import { execInImage, type ExecRequest } from '../../src/images/exec';
import { planContainer } from '../../src/images/program';
import { newContext } from './helpers';

const now = Date.UTC(2025, 11, 1, 10, 0, 0);

function run(argv: string[], image: string, main: string[]): ReturnType<typeof execInImage> {
  const request: ExecRequest = {
    image, argv, env: [], hostname: 'p', podIP: '10.244.1.5', namespace: 'default', now, tty: false,
    main: { argv: main, startedAt: now - 3_600_000 },
  };
  return execInImage(request);
}

describe('ps in busybox', () => {
  it('shows PID 1 as the container command and itself', () => {
    expect(run(['ps'], 'busybox', ['sleep', '3600'])).toEqual({
      type: 'ran', stdout: 'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 ps\n', stderr: '', exitCode: 0, finished: true,
    });
  });

  it('ignores BSD operands such as aux', () => {
    expect(run(['ps', 'aux'], 'busybox', ['sh'])).toMatchObject({ stdout: 'PID   USER     TIME  COMMAND\n    1 root      0:00 sh\n    7 root      0:00 ps aux\n' });
  });

  it('shows the nginx master and a worker in myapp', () => {
    expect(run(['ps'], 'wangyanglinux/myapp:v1', ['nginx', '-g', 'daemon off;'])).toMatchObject({
      stdout: 'PID   USER     TIME  COMMAND\n    1 root      0:00 nginx: master process nginx -g daemon off;\n'
        + '   30 nginx     0:00 nginx: worker process\n    7 root      0:00 ps\n',
    });
  });

  it('lists only itself as PID 1 when it is the main program', () => {
    const plan = planContainer({ name: 'p', image: 'busybox', command: ['ps'] }, newContext());
    expect(plan.output.map((l) => l.line)).toEqual(['PID   USER     TIME  COMMAND', '    1 root      0:00 ps']);
    expect(plan.exit).toEqual({ atMs: 0, code: 0 });
  });
});

describe('ps in the perl image (procps-ng)', () => {
  it('prints the BSD user format for ps aux', () => {
    expect(run(['ps', 'aux'], 'perl', ['sleep', '3600'])).toMatchObject({
      stdout: 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n'
        + 'root           1  0.0  0.0   2304  1024 ?        Ss   09:00   0:00 sleep 3600\n'
        + 'root           7  0.0  0.0   8096  4096 ?        Rs   10:00   0:00 ps aux\n',
    });
  });

  it('prints PID, TTY, TIME and CMD without options', () => {
    expect(run(['ps'], 'perl', ['sleep', '3600'])).toMatchObject({
      stdout: '    PID TTY          TIME CMD\n      1 ?        00:00:00 sleep\n      7 ?        00:00:00 ps\n',
    });
  });

  it('is absent from the nginx image', () => {
    expect(run(['ps'], 'nginx', ['nginx'])).toEqual({ type: 'start-failed', reason: 'exec: "ps": executable file not found in $PATH' });
  });
});
