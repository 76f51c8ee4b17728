/**
 * The `deprecated.daemonset.template.generation` annotation the API server
 * keeps on DaemonSets: the generation at which the pod template last changed.
 */
import type { KObject } from '../../api/types.js';

export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** Sets the annotation on create (1) and when an update changes the template (the next generation). */
export function stampTemplateGeneration(ds: KObject, old: KObject | undefined): void {
  const annotations = { ...(ds.metadata.annotations ?? {}) };
  if (!old) annotations[TEMPLATE_GENERATION_ANNOTATION] = '1';
  else if (JSON.stringify(ds.spec?.template) !== JSON.stringify(old.spec?.template)) {
    annotations[TEMPLATE_GENERATION_ANNOTATION] = String((old.metadata.generation ?? 1) + 1);
  } else {
    const previous = old.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
    if (previous) annotations[TEMPLATE_GENERATION_ANNOTATION] = previous;
  }
  ds.metadata.annotations = annotations;
}
