/** Registers rollout support for StatefulSets. */
import { statusMessage } from '../../controllers/statefulset/viewer.js';
import { registerRolloutKind } from './registry.js';
import { revisionRollout } from './controller-revisions.js';

registerRolloutKind('statefulsets', revisionRollout('statefulsets', statusMessage));
