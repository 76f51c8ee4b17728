import { describe, expect, it } from 'vitest';
import { formatFlagHelp, type FlagSpec } from '../../src/cli/flags.js';

const SPECS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector.' },
  { name: 'restart', type: 'string', default: 'Always', help: 'Restart policy.' },
  { name: 'follow', short: 'f', type: 'bool', default: false, help: 'Stream.' },
  { name: 'env', type: 'stringArray', default: [], help: 'Env.' },
  { name: 'timeout', type: 'duration', default: 60_000, help: 'Timeout.' },
  { name: 'tail', type: 'int', default: -1, help: 'Lines.' },
  { name: 'secret', type: 'string', default: '', help: 'Hidden.', hidden: true },
];

describe('formatFlagHelp', () => {
  it('sorts flags by name and shows each default as kubectl does', () => {
    expect(formatFlagHelp(SPECS)).toBe(
      [
        '    --env=[]:\n\tEnv.\n',
        '    -f, --follow=false:\n\tStream.\n',
        "    --restart='Always':\n\tRestart policy.\n",
        "    -l, --selector='':\n\tSelector.\n",
        '    --tail=-1:\n\tLines.\n',
        '    --timeout=1m0s:\n\tTimeout.\n',
      ].join('\n'),
    );
  });
});
