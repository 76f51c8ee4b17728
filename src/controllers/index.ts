/**
 * Every controller the engine runs, in registration order. Each file adds
 * one entry here.
 */
import type { Controller } from '../engine/controller.js';
import { scheduler } from './scheduler/scheduler.js';
import { garbageCollector } from './garbagecollector/garbagecollector.js';
import { kubelet } from '../kubelet/kubelet.js';
import { jobController } from './job/job-controller.js';
import { ttlAfterFinishedController } from './job/ttl-after-finished.js';
import { cronJobController } from './cronjob/cronjob-controller.js';

export const CONTROLLERS: Controller[] = [scheduler, kubelet, garbageCollector, jobController, ttlAfterFinishedController, cronJobController];
