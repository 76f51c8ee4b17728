/**
 * `kubectl annotate`: add, change (with --overwrite) or remove (`key-`) annotations.
 */
import type { CommandDef } from '../types.js';
import { editMetadata, METADATA_FLAGS } from '../shared/metadata-edit.js';

export const command: CommandDef = {
  use: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  short: 'Update the annotations on a resource.',
  examples: "  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'\n  kubesim annotate pods foo description='my frontend'",
  flags: [...METADATA_FLAGS, { name: 'list', type: 'bool', default: false, help: 'If true, display the annotations for a given resource.' }],
  run: (ctx, parsed) => editMetadata(ctx, parsed, 'annotations'),
};
