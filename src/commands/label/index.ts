/**
 * `kubectl label`: add, change (with --overwrite) or remove (`key-`) labels.
 */
import type { CommandDef } from '../types.js';
import { editMetadata, METADATA_FLAGS } from '../shared/metadata-edit.js';

export const command: CommandDef = {
  use: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  short: 'Update the labels on a resource.',
  examples: "  # Update pod 'foo' with the label 'unhealthy' and the value 'true'\n  kubesim label pods foo unhealthy=true",
  flags: [...METADATA_FLAGS, { name: 'list', type: 'bool', default: false, help: 'If true, display the labels for a given resource.' }],
  run: (ctx, parsed) => editMetadata(ctx, parsed, 'labels'),
};
