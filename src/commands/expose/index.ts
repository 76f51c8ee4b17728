/**
 * `kubectl expose (-f FILE | TYPE NAME) [--port=port] [--target-port=...]
 * [--type=...] [--name=...]`: creates a Service that selects the pods of
 * a deployment, replica set, replication controller, pod or Service.
 */
import { changeCause, RECORD_FLAG, recordOn } from '../shared/record.js';
import type { CommandDef } from '../types.js';
import type { KObject } from '../../api/types.js';
import { UsageError, notFound } from '../../api/errors.js';
import { resourceString } from '../../api/registry.js';
import { NO_RESOURCES_MESSAGE, parseTargets } from '../shared/targets.js';
import { buildExposedService, setServiceFlagFields } from './build.js';
import { applyOverrides, checkOverrideTypeFlag } from '../shared/overrides.js';
import { GENERATOR_FLAGS, emitGenerated, explicitNamespace } from '../shared/generated.js';
import { generateExposeService } from '../../printers/generators.js';

export const command: CommandDef = {
  use: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  examples: '  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000\n  kubesim expose deployment nginx --port=80 --target-port=8000',
  flags: [
    RECORD_FLAG,
    { name: 'port', type: 'string', default: '', help: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
    { name: 'target-port', type: 'string', default: '', help: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
    { name: 'protocol', type: 'string', default: '', help: 'The network protocol for the service to be created. Default is \'TCP\'.' },
    { name: 'type', type: 'string', default: '', help: 'Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is \'ClusterIP\'.' },
    { name: 'name', type: 'string', default: '', help: 'The name for the newly created object.' },
    { name: 'selector', type: 'string', default: '', help: 'A label selector to use for this service. Only equality-based selector requirements are supported.' },
    { name: 'labels', short: 'l', type: 'string', default: '', help: 'Labels to apply to the service created by this call.' },
    { name: 'cluster-ip', type: 'string', default: '', help: 'ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to \'None\' to create a headless service.' },
    { name: 'external-ip', type: 'string', default: '', help: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.' },
    { name: 'load-balancer-ip', type: 'string', default: '', help: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).' },
    { name: 'session-affinity', type: 'string', default: '', help: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    { name: 'overrides', type: 'string', default: '', help: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.' },
    { name: 'override-type', type: 'string', default: 'merge', help: 'The method used to override the generated object: json, merge, or strategic.' },
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    checkOverrideTypeFlag(parsed.set.has('override-type'), ctx.cluster().settings.version);
    if (parsed.args.length === 0) throw new UsageError(NO_RESOURCES_MESSAGE);
    const targets = parseTargets(parsed.args);
    const cluster = ctx.cluster();
    const store = cluster.store;
    for (const t of targets) {
      if (t.names.length === 0) throw new UsageError('resource(s) were provided, but no name was specified', true);
      for (const name of t.names) {
        const obj = store.get(t.info.resource, ctx.namespace, name);
        if (!obj) throw notFound(resourceString(t.info), name);
        const fields = {
          externalIP: ctx.flags['external-ip'],
          type: ctx.flags.type,
          loadBalancerIP: ctx.flags['load-balancer-ip'],
          sessionAffinity: ctx.flags['session-affinity'],
        };
        // kubectl patches the Service with --overrides and then records the change cause on the result.
        const finish = (service: KObject): KObject => {
          setServiceFlagFields(service.spec, fields);
          const result = ctx.flags.overrides ? applyOverrides(service, ctx.flags.overrides, ctx.flags['override-type']) : service;
          if (ctx.flags.record) recordOn(result, changeCause(ctx.path, parsed));
          return result;
        };
        const svc = buildExposedService(obj, {
          name: ctx.flags.name,
          port: ctx.flags.port,
          targetPort: ctx.flags['target-port'],
          protocol: ctx.flags.protocol,
          type: ctx.flags.type,
          selector: ctx.flags.selector,
          labels: ctx.flags.labels,
          clusterIP: ctx.flags['cluster-ip'],
        });
        if (ctx.flags['dry-run'] !== 'none' || ctx.flags.output) {
          // Dry runs and -o print the object kubectl's generator builds, byte for byte.
          const generated = finish(generateExposeService({
            source: obj,
            name: ctx.flags.name || undefined,
            port: ctx.flags.port || undefined,
            targetPort: ctx.flags['target-port'] || undefined,
            protocol: ctx.flags.protocol || undefined,
            type: ctx.flags.type || undefined,
            selector: ctx.flags.selector || undefined,
            labels: ctx.flags.labels || undefined,
            clusterIP: ctx.flags['cluster-ip'] || undefined,
            namespace: explicitNamespace(ctx),
          }));
          emitGenerated(ctx, generated, { operation: 'exposed' });
          continue;
        }
        const created = store.tx(() => store.create('services', finish(svc)));
        ctx.io.out(`service/${created.metadata.name} exposed\n`);
      }
    }
    ctx.settle();
  },
};
