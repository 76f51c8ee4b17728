/**
 * The container `kubectl exec` runs in when -c is not given, and the notice
 * kubectl prints about its choice, by kubectl version.
 */
import type { KObject } from '../../api/types.js';

/** The pod annotation that names the container kubectl picks when -c is not given (kubectl 1.21+). */
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

function namesOf(list: { name: string }[] | undefined): string[] {
  return (list ?? []).map((c) => c.name);
}

/** Reports whether the pod has a regular, init or ephemeral container called `name`, as the API server checks it. */
export function podHasContainer(pod: KObject, name: string): boolean {
  return [pod.spec?.containers, pod.spec?.initContainers, pod.spec?.ephemeralContainers].some((list) => namesOf(list).includes(name));
}

/**
 * Lists the pod's containers as podcmd.AllContainerNames does: regular
 * containers, then ephemeral ones marked `(ephem)`, then init ones marked `(init)`.
 */
export function allContainerNames(pod: KObject): string {
  return [
    ...namesOf(pod.spec?.containers),
    ...namesOf(pod.spec?.ephemeralContainers).map((n) => `${n} (ephem)`),
    ...namesOf(pod.spec?.initContainers).map((n) => `${n} (init)`),
  ].join(', ');
}

/**
 * Picks the container when -c is not given and writes kubectl's notice to
 * `err`. From 1.21 (podcmd.FindOrDefaultContainerByName) the
 * default-container annotation names it, else the first container, with a
 * `Defaulted container` notice unless -q when the pod has other containers.
 * Before 1.21 kubectl took the first container and named it when there were
 * several regular containers.
 */
export function chooseContainer(pod: KObject, version: number, quiet: boolean, namespace: string, err: (text: string) => void): string {
  const containers = namesOf(pod.spec?.containers);
  const first = containers[0];
  if (version < 121) {
    if (containers.length > 1) {
      err(`Defaulting container name to ${first}.\n`);
      err(`Use 'kubectl describe pod/${pod.metadata.name} -n ${namespace}' to see all of the containers in this pod.\n`);
    }
    return first;
  }
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && podHasContainer(pod, annotated)) return annotated;
  const others = containers.length > 1 || namesOf(pod.spec?.initContainers).length > 0 || namesOf(pod.spec?.ephemeralContainers).length > 0;
  if (!quiet && others) err(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  return first;
}
