import { describe, expect, it } from 'vitest';
import { advance, create, get, newCluster, newCronJob, newJob } from '../../controllers/helpers.js';
import { describeObject, type DescribeContext } from '../../../src/printers/describe/index.js';
import { eventsFor } from '../../../src/printers/describe/events.js';
import type { Cluster } from '../../../src/engine/cluster.js';

function contextOf(c: Cluster): DescribeContext {
  return {
    now: c.simNow,
    version: c.settings.version,
    events: (o) => eventsFor(c.store.list('events', 'default'), o),
    list: (resource, ns) => c.store.list(resource, ns),
  };
}

describe('describe batch objects', () => {
  it('describes a completed job', () => {
    const c = newCluster();
    create(c, 'jobs', newJob('pi', { script: 'echo hi', activeDeadlineSeconds: 100 }));
    advance(c, 45_000);
    const uid = get(c, 'jobs', 'pi')!.metadata.uid;
    expect(describeObject('jobs', get(c, 'jobs', 'pi')!, contextOf(c))).toBe(
      [
        'Name:                     pi',
        'Namespace:                default',
        `Selector:                 batch.kubernetes.io/controller-uid=${uid}`,
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Parallelism:              1',
        'Completions:              1',
        'Completion Mode:          NonIndexed',
        'Suspend:                  false',
        'Backoff Limit:            6',
        'Start Time:               Tue, 31 May 2022 09:49:30 +0000',
        'Completed At:             Tue, 31 May 2022 09:49:35 +0000',
        'Duration:                 5s',
        'Active Deadline Seconds:  100s',
        'Pods Statuses:            0 Active (0 Ready) / 1 Succeeded / 0 Failed',
        'Pod Template:',
        `  Labels:  batch.kubernetes.io/controller-uid=${uid}`,
        '           batch.kubernetes.io/job-name=pi',
        `           controller-uid=${uid}`,
        '           job-name=pi',
        '  Containers:',
        '   main:',
        '    Image:      busybox:1.36',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      sh',
        '      -c',
        '      echo hi',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age   From            Message',
        '  ----    ------            ----  ----            -------',
        '  Normal  SuccessfulCreate  45s   job-controller  Created pod: pi-f795s',
        '  Normal  Completed         40s   job-controller  Job completed',
        '',
      ].join('\n'),
    );
  });

  it('describes a cron job after its first run', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('hello'));
    advance(c, 45_000);
    expect(describeObject('cronjobs', get(c, 'cronjobs', 'hello')!, contextOf(c))).toBe(
      [
        'Name:                          hello',
        'Namespace:                     default',
        'Labels:                        <none>',
        'Annotations:                   <none>',
        'Schedule:                      */1 * * * *',
        'Concurrency Policy:            Allow',
        'Suspend:                       False',
        'Successful Job History Limit:  3',
        'Failed Job History Limit:      1',
        'Starting Deadline Seconds:     <unset>',
        'Selector:                      <unset>',
        'Parallelism:                   1',
        'Completions:                   1',
        'Pod Template:',
        '  Labels:  <none>',
        '  Containers:',
        '   main:',
        '    Image:      busybox:1.36',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      sh',
        '      -c',
        '      date; echo Hello from the Kubernetes cluster',
        '    Environment:     <none>',
        '    Mounts:          <none>',
        '  Volumes:           <none>',
        '  Node-Selectors:    <none>',
        '  Tolerations:       <none>',
        'Last Schedule Time:  Tue, 31 May 2022 09:50:00 +0000',
        'Active Jobs:         <none>',
        'Events:',
        '  Type    Reason            Age   From                Message',
        '  ----    ------            ----  ----                -------',
        '  Normal  SuccessfulCreate  15s   cronjob-controller  Created job hello-27566510',
        '  Normal  SawCompletedJob   10s   cronjob-controller  Saw completed job: hello-27566510, condition: Complete',
        '',
      ].join('\n'),
    );
  });
});
