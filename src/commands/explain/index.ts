/**
 * `kubectl explain TYPE[.FIELD...]`: field documentation from the official
 * Kubernetes OpenAPI schema bundled at build time. Clusters older than 1.27
 * print the OpenAPI v2 layout their kubectl used.
 */
import type { CommandDef } from '../types.js';
import { ExitError, UsageError } from '../../api/errors.js';
import { explain } from '../../api/explain.js';
import { ExplainError } from '../../api/explain-resolve.js';

export const command: CommandDef = {
  use: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]',
  short: 'Get documentation for a resource.',
  examples: '  # Get the documentation of a specific field of a resource\n  kubesim explain pods.spec.containers',
  flags: [
    { name: 'recursive', type: 'bool', default: false, help: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
    { name: 'api-version', type: 'string', default: '', help: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', short: 'o', type: 'string', default: '', help: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
  ],
  run(ctx, parsed) {
    const path = parsed.args[0];
    if (!path) {
      throw new UsageError(
        'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
      );
    }
    if (parsed.args.length > 1) throw new UsageError(`We accept only this format: explain RESOURCE`);
    // kubectl switched its default explain output to the OpenAPI v3 template in 1.27.
    const output = ctx.flags.output || (ctx.cluster().settings.version < 127 ? 'plaintext-openapiv2' : 'plaintext');
    try {
      ctx.io.out(explain(path, { recursive: ctx.flags.recursive, apiVersion: ctx.flags['api-version'] || undefined, output }));
    } catch (err) {
      if (err instanceof ExplainError) {
        if (err.output) ctx.io.out(err.output);
        throw new ExitError(1, err.message);
      }
      throw err;
    }
  },
};
