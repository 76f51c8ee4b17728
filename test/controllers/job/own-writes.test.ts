import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import { syncJob } from '../../../src/controllers/job/job-controller.js';
import { contextOf, newCluster, newJob } from '../helpers.js';

/** Creates job default/pi, drops the keys queued so far and syncs the job once, inside a transaction of `c`. */
function createAndSync(c: Cluster): void {
  c.store.create('jobs', newJob('pi'));
  c.store.takeQueued(100);
  syncJob(contextOf(c), 'default/pi');
}

describe('job controller queue keys', () => {
  it('ignores writes of its own sync', () => {
    const c = newCluster();
    c.store.tx(() => {
      createAndSync(c);
      expect(c.store.list('pods', 'default')).toHaveLength(1);
      expect(c.store.get('jobs', 'default', 'pi')!.status.active).toBe(1);
      expect(c.store.isQueued('job', 'default/pi')).toBe(false);
    });
  });

  it('stores record before status', () => {
    const c = newCluster();
    c.store.tx(() => {
      c.store.create('jobs', newJob('pi'));
      syncJob(contextOf(c), 'default/pi');
      expect(Object.keys(c.store.get('jobs', 'default', 'pi')!).slice(-2)).toEqual(['_sim', 'status']);
    });
  });

  it('keeps stored job on idle sync', () => {
    const c = newCluster();
    c.store.tx(() => {
      c.store.create('jobs', newJob('pi'));
      syncJob(contextOf(c), 'default/pi');
      const before = c.store.get('jobs', 'default', 'pi', { shared: true })!;
      syncJob(contextOf(c), 'default/pi');
      expect(c.store.get('jobs', 'default', 'pi', { shared: true })).toBe(before);
    });
  });

  it('queues a job edited by others', () => {
    const c = newCluster();
    c.store.tx(() => {
      createAndSync(c);
      const job = c.store.get('jobs', 'default', 'pi')!;
      job.metadata.labels = { team: 'a' };
      c.store.update('jobs', job);
      expect(c.store.isQueued('job', 'default/pi')).toBe(true);
    });
  });
});
