/**
 * Every controller the engine runs, in registration order. Each file adds
 * one entry here.
 */
import type { Controller } from '../engine/controller.js';
import { scheduler } from './scheduler/scheduler.js';
import { garbageCollector } from './garbagecollector/garbagecollector.js';
import { kubelet } from '../kubelet/kubelet.js';
import { nodeLifecycle } from './nodelifecycle/nodelifecycle.js';
import { daemonSetController } from './daemonset/daemonset.js';
import { statefulSetController } from './statefulset/statefulset.js';
import { volumeBinder } from './volume/binder.js';
import { endpointsController } from './endpoints/endpoints.js';

export const CONTROLLERS: Controller[] = [scheduler, kubelet, garbageCollector, nodeLifecycle, daemonSetController, statefulSetController, volumeBinder, endpointsController];
