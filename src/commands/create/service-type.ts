/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME
 * --tcp=PORT[:TARGET]...`.
 */
import type { CommandDef } from '../types.js';
import { generateService } from '../../printers/generators.js';
import { RequiredFlagError, UsageError } from '../../api/errors.js';
import { isDns1123Subdomain } from '../../api/name-validation.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS, requireName } from '../shared/generated.js';
import { splitList } from './from-sources.js';

const TCP = { name: 'tcp', type: 'stringArray' as const, default: [], help: 'Port pairs can be specified as \'<port>:<targetPort>\'.' };

/** `create service clusterip`: `--clusterip=None` makes a headless service that needs no port. */
export const clusterIP: CommandDef = {
  use: 'create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]',
  short: 'Create a ClusterIP service.',
  examples: '  # Create a new ClusterIP service named my-cs\n  kubesim create service clusterip my-cs --tcp=5678:8080\n\n  # Create a new ClusterIP service named my-cs (in headless mode)\n  kubesim create service clusterip my-cs --clusterip="None"',
  flags: [TCP, { name: 'clusterip', type: 'string', default: '', help: 'Assign your own ClusterIP or set to \'None\' for a \'headless\' service (no loadbalancing).' }, ...GENERATOR_FLAGS],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    const tcp = splitList(ctx.flags.tcp);
    if (tcp.length === 0 && ctx.flags.clusterip !== 'None') throw new UsageError('at least one tcp port specifier must be provided');
    const obj = generateService({ type: 'ClusterIP', name, tcp, clusterIP: ctx.flags.clusterip, namespace: explicitNamespace(ctx) });
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create ClusterIP service: ' });
  },
};

/** `create service nodeport`: `--node-port` fixes the node port of every port pair. */
export const nodePort: CommandDef = {
  use: 'create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
  short: 'Create a NodePort service.',
  examples: '  # Create a new NodePort service named my-ns\n  kubesim create service nodeport my-ns --tcp=5678:8080',
  flags: [TCP, { name: 'node-port', type: 'int', default: 0, help: 'Port used to expose the service on each node in a cluster.' }, ...GENERATOR_FLAGS],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    const tcp = splitList(ctx.flags.tcp);
    if (tcp.length === 0) throw new UsageError('at least one tcp port specifier must be provided');
    return emitGenerated(ctx, generateService({ type: 'NodePort', name, tcp, nodePort: ctx.flags['node-port'], namespace: explicitNamespace(ctx) }), {
      failurePrefix: 'failed to create NodePort service: ',
    });
  },
};

/** `create service loadbalancer`: like clusterip, with at least one port pair. */
export const loadBalancer: CommandDef = {
  use: 'create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
  short: 'Create a LoadBalancer service.',
  examples: '  # Create a new LoadBalancer service named my-lbs\n  kubesim create service loadbalancer my-lbs --tcp=5678:8080',
  flags: [TCP, ...GENERATOR_FLAGS],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    const tcp = splitList(ctx.flags.tcp);
    if (tcp.length === 0) throw new UsageError('at least one tcp port specifier must be provided');
    return emitGenerated(ctx, generateService({ type: 'LoadBalancer', name, tcp, namespace: explicitNamespace(ctx) }), {
      failurePrefix: 'failed to create LoadBalancer service: ',
    });
  },
};

/** `create service externalname`: --external-name is required and must be a DNS-1123 subdomain, ports are optional. */
export const externalName: CommandDef = {
  use: 'create service externalname NAME --external-name external.name [--dry-run=server|client|none]',
  short: 'Create an ExternalName service.',
  examples: '  # Create a new ExternalName service named my-ns\n  kubesim create service externalname my-ns --external-name bar.com',
  flags: [TCP, { name: 'external-name', type: 'string', default: '', help: 'External name of service' }, ...GENERATOR_FLAGS],
  run(ctx, parsed) {
    // cobra checks required flags before kubectl looks at the NAME argument.
    if (!ctx.parsed.set.has('external-name')) throw new RequiredFlagError(['external-name']);
    const name = requireName(parsed.args);
    const hostName = ctx.flags['external-name'];
    if (!isDns1123Subdomain(hostName)) throw new UsageError(`invalid service external name ${hostName}`);
    const obj = generateService({ type: 'ExternalName', name, tcp: splitList(ctx.flags.tcp), externalName: hostName, namespace: explicitNamespace(ctx) });
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create ExternalName service: ' });
  },
};
