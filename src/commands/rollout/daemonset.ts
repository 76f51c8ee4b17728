/** Registers rollout support for DaemonSets. */
import { statusMessage } from '../../controllers/daemonset/viewer.js';
import { registerRolloutKind } from './registry.js';
import { revisionRollout } from './controller-revisions.js';

registerRolloutKind('daemonsets', revisionRollout('daemonsets', statusMessage));
