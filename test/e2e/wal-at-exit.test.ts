/**
 * The WAL a command leaves when it exits. A small WAL stays for the next
 * command, which reads it back. A large one is copied into the database file
 * and removed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { Sandbox } from '../helpers/cli.js';

const sb = new Sandbox();
const wal = () => `${sb.dbPath('w')}-wal`;

afterAll(() => sb.cleanup());

describe('WAL at exit', () => {
  it('leaves a small WAL for the next command', () => {
    expect(sb.run(['cluster', 'create', 'w', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    expect(sb.on('w', ['create', 'configmap', 'c', '--from-literal=a=b']).code).toBe(0);
    expect(existsSync(wal())).toBe(true);
    expect(statSync(wal()).size).toBeLessThanOrEqual(512 * 1024);
    expect(sb.on('w', ['get', 'configmap', 'c', '-o', 'jsonpath={.data.a}']).stdout).toBe('b');
  });

  it('checkpoints and removes a WAL past 512 KiB', () => {
    expect(sb.on('w', ['create', 'deployment', 'big', '--image=nginx:1.27', '--replicas=200']).code).toBe(0);
    expect(existsSync(wal())).toBe(false);
    expect(sb.on('w', ['get', 'deployment', 'big', '-o', 'jsonpath={.status.replicas}']).stdout).toBe('200');
  });
});
