/**
 * Every controller the engine runs, in registration order. Each controller
 * adds one import and one entry on a line of its own.
 */
import type { Controller } from '../engine/controller.js';
import { scheduler } from './scheduler/scheduler.js';
import { garbageCollector } from './garbagecollector/garbagecollector.js';
import { kubelet } from '../kubelet/kubelet.js';
import { replicaSetController, replicationControllerController } from './replicaset/replicaset.js';
import { deploymentController } from './deployment/deployment.js';
import { jobController } from './job/job-controller.js';
import { ttlAfterFinishedController } from './job/ttl-after-finished.js';
import { cronJobController } from './cronjob/cronjob-controller.js';
import { nodeLifecycle } from './nodelifecycle/nodelifecycle.js';
import { daemonSetController } from './daemonset/daemonset.js';
import { statefulSetController } from './statefulset/statefulset.js';
import { volumeBinder } from './volume/binder.js';
import { endpointsController } from './endpoints/endpoints.js';
import { apiServerEndpointsController } from './endpoints/apiserver-endpoints.js';
import { loadExpiry } from '../metrics/load.js';
import { horizontalPodAutoscaler } from './podautoscaler/horizontal.js';
import { eventTtlController } from '../engine/event-ttl.js';
import { namespaceController } from './namespace/namespace-controller.js';
import { disruptionController } from './disruption/disruption.js';
import { serviceAccountsController } from './serviceaccount/serviceaccounts-controller.js';
import { rootCACertPublisher } from './rootcacert/publisher.js';
import { resourceQuotaController } from './resourcequota/resourcequota-controller.js';

export const CONTROLLERS: Controller[] = [
  scheduler,
  kubelet,
  garbageCollector,
  replicaSetController,
  replicationControllerController,
  deploymentController,
  jobController,
  ttlAfterFinishedController,
  cronJobController,
  nodeLifecycle,
  daemonSetController,
  statefulSetController,
  volumeBinder,
  endpointsController,
  apiServerEndpointsController,
  loadExpiry,
  horizontalPodAutoscaler,
  eventTtlController,
  namespaceController,
  disruptionController,
  serviceAccountsController,
  rootCACertPublisher,
  resourceQuotaController,
];
