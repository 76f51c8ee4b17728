/**
 * Every controller the engine runs, in registration order. Each file adds
 * one entry here.
 */
import type { Controller } from '../engine/controller.js';
import { scheduler } from './scheduler/scheduler.js';
import { garbageCollector } from './garbagecollector/garbagecollector.js';
import { kubelet } from '../kubelet/kubelet.js';
import { loadExpiry } from '../metrics/load.js';
import { horizontalPodAutoscaler } from './podautoscaler/horizontal.js';

export const CONTROLLERS: Controller[] = [scheduler, kubelet, garbageCollector, loadExpiry, horizontalPodAutoscaler];
