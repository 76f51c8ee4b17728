/**
 * `kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]]`.
 */
import type { CommandDef } from '../types.js';
import { generateIngress } from './ingress-generator.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS, requireName } from '../shared/generated.js';

export const command: CommandDef = {
  use: 'create ingress NAME --rule=host/path=service:port[,tls[=secret]] ',
  short: 'Create an ingress with the specified name.',
  examples: [
    "  # Create a single ingress called 'simple' that directs requests to foo.com/bar to svc\n  # svc1:8080 with a TLS secret \"my-cert\"\n  kubesim create ingress simple --rule=\"foo.com/bar=svc1:8080,tls=my-cert\"",
    '  # Create a catch all ingress of "/path" pointing to service svc:port and Ingress Class as "otheringress"\n  kubesim create ingress catch-all --class=otheringress --rule="/path=svc:port"',
    '  # Create an ingress with two annotations: ingress.annotation1 and ingress.annotations2\n  kubesim create ingress annotated --class=default --rule="foo.com/bar=svc:port" \\\n  --annotation ingress.annotation1=foo \\\n  --annotation ingress.annotation2=bla',
    '  # Create an ingress with the same host and multiple paths\n  kubesim create ingress multipath --class=default \\\n  --rule="foo.com/=svc:port" \\\n  --rule="foo.com/admin/=svcadmin:portadmin"',
    '  # Create an ingress with multiple hosts and the pathType as Prefix\n  kubesim create ingress ingress1 --class=default \\\n  --rule="foo.com/path*=svc:8080" \\\n  --rule="bar.com/admin*=svc2:http"',
    '  # Create an ingress with TLS enabled using the default ingress certificate and different path types\n  kubesim create ingress ingtls --class=default \\\n  --rule="foo.com/=svc:https,tls" \\\n  --rule="foo.com/path/subpath*=othersvc:8080"',
    '  # Create an ingress with TLS enabled using a specific secret and pathType as Prefix\n  kubesim create ingress ingsecret --class=default \\\n  --rule="foo.com/*=svc:8080,tls=secret1"',
    '  # Create an ingress with a default backend\n  kubesim create ingress ingdefault --class=default \\\n  --default-backend=defaultsvc:http \\\n  --rule="foo.com/*=svc:8080,tls=secret1"',
  ].join('\n  \n'),
  flags: [
    { name: 'annotation', type: 'stringArray', default: [], help: 'Annotation to insert in the ingress object, in the format annotation=value' },
    { name: 'class', type: 'string', default: '', help: 'Ingress Class to be used' },
    { name: 'default-backend', type: 'string', default: '', help: 'Default service for backend, in format of svcname:port' },
    { name: 'rule', type: 'stringArray', default: [], help: 'Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character \'*\' are considered pathType=Prefix. tls argument is optional.' },
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    const f = ctx.flags;
    const obj = generateIngress({
      name: requireName(parsed.args),
      rules: f.rule,
      annotations: f.annotation,
      ingressClass: f.class,
      defaultBackend: f['default-backend'],
      namespace: explicitNamespace(ctx),
    });
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create ingress: ' });
  },
};
