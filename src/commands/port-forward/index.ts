/**
 * `kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT...`: listens on
 * local loopback ports and serves each connection from one pod's
 * simulated program. The checks, their order and the messages follow
 * kubectl 1.32's PortForwardOptions (Complete, Validate, RunPortForward)
 * and client-go's PortForwarder.
 */
import type { CommandDef } from '../types.js';
import { notFound, UsageError } from '../../api/errors.js';
import { checkLoopbackOnly, parseAddresses, splitAddressFlag } from './addresses.js';
import { findForwardablePod, findForwardTarget } from './forwardable-pod.js';
import { forwardPorts } from './forwarder.js';
import { forwardingErrorStyle } from './stream-error.js';
import { checkUdpPortsInPod, checkUdpPortsInService, convertPodNamedPorts, parsePorts, translateServicePorts } from './ports.js';

const LONG = `Forward one or more local ports to a pod.

 Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.

 If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.

 kubesim listens on 127.0.0.1 and ::1 only: --address accepts localhost, 127.0.0.1 and ::1, and rejects every other address.`;

const EXAMPLES = [
  '  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod',
  '  kubesim port-forward pod/mypod 5000 6000',
  '  ',
  '  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment',
  '  kubesim port-forward deployment/mydeployment 5000 6000',
  '  ',
  '  # Listen on port 8443 locally, forwarding to the targetPort of the service\'s port named "https" in a pod selected by the service',
  '  kubesim port-forward service/myservice 8443:https',
  '  ',
  '  # Listen on port 8888 locally, forwarding to 5000 in the pod',
  '  kubesim port-forward pod/mypod 8888:5000',
  '  ',
  '  # Listen on port 8888 on 127.0.0.1 only, forwarding to 5000 in the pod',
  '  kubesim port-forward --address 127.0.0.1 pod/mypod 8888:5000',
  '  ',
  '  # Listen on a random port locally, forwarding to 5000 in the pod',
  '  kubesim port-forward pod/mypod :5000',
].join('\n');

export const command: CommandDef = {
  use: 'port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  short: 'Forward one or more local ports to a pod.',
  long: LONG,
  examples: EXAMPLES,
  flags: [
    {
      name: 'address',
      type: 'stringArray',
      default: ['localhost'],
      help: 'Addresses to listen on (comma separated). Only accepts localhost, 127.0.0.1 and ::1 as a value. When localhost is supplied, kubesim will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.',
    },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000, help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  async run(ctx, parsed) {
    const args = parsed.args;
    if (args.length < 2) throw new UsageError('TYPE/NAME and list of ports are required for port-forward', true);
    const timeoutMs: number = ctx.flags['pod-running-timeout'];
    if (timeoutMs <= 0) throw new UsageError('--pod-running-timeout must be higher than zero', true);

    const cluster = ctx.cluster();
    const namespace = ctx.namespace;
    const target = findForwardTarget(cluster, args[0], namespace);
    const chosen = await findForwardablePod(cluster, target, timeoutMs);

    // A Service port maps to its target port in the pod; a pod's ports may be named.
    const specs = args.slice(1);
    let translated: string[];
    if (target.info.kind === 'Service') {
      checkUdpPortsInService(specs, target.obj);
      translated = translateServicePorts(specs, target.obj, chosen);
    } else {
      checkUdpPortsInPod(specs, chosen);
      translated = convertPodNamedPorts(specs, chosen);
    }

    // RunPortForward reads the pod again and forwards only to a running one.
    const pod = cluster.store.get('pods', chosen.metadata.namespace ?? namespace, chosen.metadata.name);
    if (!pod) throw notFound('pods', chosen.metadata.name);
    if (pod.status?.phase !== 'Running') throw new UsageError(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? ''}`);

    const addresses = parseAddresses(splitAddressFlag(ctx.flags.address));
    checkLoopbackOnly(addresses);
    const ports = parsePorts(translated);
    const style = forwardingErrorStyle(cluster.settings.version);
    await forwardPorts({ cluster, pod, ports, addresses, style, out: (t) => ctx.io.out(t), err: (t) => ctx.io.err(t) });
  },
};
