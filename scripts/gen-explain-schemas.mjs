// Builds src/api/openapi/explain-schemas.json, the schema data behind
// `kubesim explain`, from the devDependency `kubernetes-models` (pinned).
//
// Why this package: no registry package ships the Kubernetes OpenAPI
// document itself. kubernetes-models is generated from the official
// document (Kubernetes v1.33.0 schema in release 4.5.1, the closest to 1.32
// that carries descriptions and enums) and keeps every description as a doc
// comment in its .d.ts files, with enums as string-literal unions. This
// script reads those declarations with the TypeScript parser. It writes the
// OpenAPI v3 shapes the API server serves: allOf-wrapped $refs, oneOf for
// IntOrString and Quantity, date-time strings for Time. Only the kinds
// kubesim serves and the definitions they reference are written.
//
// Run: npm run gen:explain   (the output is committed; `--out FILE` writes elsewhere)
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const modelsDir = dirname(require.resolve('kubernetes-models/package.json'));
const machineryDir = dirname(require.resolve('@kubernetes-models/apimachinery/package.json'));
const outArg = process.argv.indexOf('--out');
const outFile = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'src/api/openapi/explain-schemas.json');

/** The kinds kubesim serves: package folder, group, version, kind, plural, namespaced, short names. */
const KINDS = [
  ['v1', '', 'v1', 'Pod', 'pods', true, ['po']],
  ['v1', '', 'v1', 'ReplicationController', 'replicationcontrollers', true, ['rc']],
  ['v1', '', 'v1', 'Service', 'services', true, ['svc']],
  ['v1', '', 'v1', 'Endpoints', 'endpoints', true, ['ep']],
  ['v1', '', 'v1', 'Namespace', 'namespaces', false, ['ns']],
  ['v1', '', 'v1', 'Node', 'nodes', false, ['no']],
  ['v1', '', 'v1', 'Event', 'events', true, ['ev']],
  ['v1', '', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, ['pvc']],
  ['v1', '', 'v1', 'PersistentVolume', 'persistentvolumes', false, ['pv']],
  ['v1', '', 'v1', 'ConfigMap', 'configmaps', true, ['cm']],
  ['v1', '', 'v1', 'Secret', 'secrets', true, []],
  ['v1', '', 'v1', 'ServiceAccount', 'serviceaccounts', true, ['sa']],
  ['apps/v1', 'apps', 'v1', 'Deployment', 'deployments', true, ['deploy']],
  ['apps/v1', 'apps', 'v1', 'ReplicaSet', 'replicasets', true, ['rs']],
  ['apps/v1', 'apps', 'v1', 'DaemonSet', 'daemonsets', true, ['ds']],
  ['apps/v1', 'apps', 'v1', 'StatefulSet', 'statefulsets', true, ['sts']],
  ['apps/v1', 'apps', 'v1', 'ControllerRevision', 'controllerrevisions', true, []],
  ['batch/v1', 'batch', 'v1', 'Job', 'jobs', true, []],
  ['batch/v1', 'batch', 'v1', 'CronJob', 'cronjobs', true, ['cj']],
  ['autoscaling/v2', 'autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, ['hpa']],
  ['autoscaling/v1', 'autoscaling', 'v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, ['hpa']],
  ['discovery.k8s.io/v1', 'discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true, []],
  // Stored-only built-in kinds (src/api/builtin-resources.ts).
  ['v1', '', 'v1', 'ComponentStatus', 'componentstatuses', false, ['cs']],
  ['v1', '', 'v1', 'LimitRange', 'limitranges', true, ['limits']],
  ['v1', '', 'v1', 'PodTemplate', 'podtemplates', true, []],
  ['v1', '', 'v1', 'ResourceQuota', 'resourcequotas', true, ['quota']],
  ['admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io', 'v1', 'MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', false, []],
  ['admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io', 'v1', 'ValidatingAdmissionPolicy', 'validatingadmissionpolicies', false, []],
  ['admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io', 'v1', 'ValidatingAdmissionPolicyBinding', 'validatingadmissionpolicybindings', false, []],
  ['admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io', 'v1', 'ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', false, []],
  ['apiregistration.k8s.io/v1', 'apiregistration.k8s.io', 'v1', 'APIService', 'apiservices', false, []],
  ['authentication.k8s.io/v1', 'authentication.k8s.io', 'v1', 'SelfSubjectReview', 'selfsubjectreviews', false, []],
  ['authentication.k8s.io/v1', 'authentication.k8s.io', 'v1', 'TokenReview', 'tokenreviews', false, []],
  ['authorization.k8s.io/v1', 'authorization.k8s.io', 'v1', 'LocalSubjectAccessReview', 'localsubjectaccessreviews', true, []],
  ['authorization.k8s.io/v1', 'authorization.k8s.io', 'v1', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', false, []],
  ['authorization.k8s.io/v1', 'authorization.k8s.io', 'v1', 'SelfSubjectRulesReview', 'selfsubjectrulesreviews', false, []],
  ['authorization.k8s.io/v1', 'authorization.k8s.io', 'v1', 'SubjectAccessReview', 'subjectaccessreviews', false, []],
  ['certificates.k8s.io/v1', 'certificates.k8s.io', 'v1', 'CertificateSigningRequest', 'certificatesigningrequests', false, ['csr']],
  ['coordination.k8s.io/v1', 'coordination.k8s.io', 'v1', 'Lease', 'leases', true, []],
  ['flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io', 'v1', 'FlowSchema', 'flowschemas', false, []],
  ['flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io', 'v1', 'PriorityLevelConfiguration', 'prioritylevelconfigurations', false, []],
  ['networking.k8s.io/v1', 'networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false, []],
  ['networking.k8s.io/v1', 'networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, ['ing']],
  ['networking.k8s.io/v1', 'networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, ['netpol']],
  ['node.k8s.io/v1', 'node.k8s.io', 'v1', 'RuntimeClass', 'runtimeclasses', false, []],
  ['policy/v1', 'policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, ['pdb']],
  ['rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false, []],
  ['rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false, []],
  ['rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true, []],
  ['rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true, []],
  ['scheduling.k8s.io/v1', 'scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false, ['pc']],
  ['storage.k8s.io/v1', 'storage.k8s.io', 'v1', 'CSIDriver', 'csidrivers', false, []],
  ['storage.k8s.io/v1', 'storage.k8s.io', 'v1', 'CSINode', 'csinodes', false, []],
  ['storage.k8s.io/v1', 'storage.k8s.io', 'v1', 'CSIStorageCapacity', 'csistoragecapacities', true, []],
  ['storage.k8s.io/v1', 'storage.k8s.io', 'v1', 'VolumeAttachment', 'volumeattachments', false, []],
];

const REF = '#/components/schemas/';

/** Maps a .d.ts file to the official definition name, e.g. apps/v1/Deployment to io.k8s.api.apps.v1.Deployment. */
function definitionName(file) {
  if (file.startsWith(machineryDir)) {
    const rel = file.slice(machineryDir.length + 1).replace(/\.d\.ts$/, '');
    return 'io.k8s.apimachinery.pkg.' + rel.split('/').join('.');
  }
  const rel = file.slice(modelsDir.length + 1).replace(/\.d\.ts$/, '');
  const parts = rel.split('/');
  if (parts.length === 2) return `io.k8s.api.core.${parts[0]}.${parts[1]}`;
  const group = parts[0].split('.')[0];
  return `io.k8s.api.${group}.${parts[1]}.${parts[2]}`;
}

/** Resolves an import specifier of a .d.ts file to another .d.ts file. */
function resolveImport(fromFile, spec) {
  let base;
  if (spec.startsWith('@kubernetes-models/apimachinery/')) base = join(machineryDir, spec.slice('@kubernetes-models/apimachinery/'.length));
  else if (spec.startsWith('.')) base = resolve(dirname(fromFile), spec);
  else return undefined;
  base = base.replace(/\.js$/, '').replace(/\/index$/, '');
  const file = base + '.d.ts';
  return existsSync(file) ? file : undefined;
}

/** Returns the raw text of the doc comment right before a node, without the comment markers. */
function docComment(source, node) {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const doc = ranges.filter((r) => source.text.startsWith('/**', r.pos)).pop();
  if (!doc) return undefined;
  const body = source.text.slice(doc.pos + 3, doc.end - 2);
  const lines = body.split('\n').map((l) => l.replace(/^\s*\* ?/, '')).map((l) => l.replace(/\s+$/, ''));
  // kubernetes-models adds a @deprecated tag below deprecated descriptions. It is not schema text.
  while (lines.length && ['', '@deprecated'].includes(lines[lines.length - 1])) lines.pop();
  while (lines.length && lines[0] === '') lines.shift();
  // Undo the escapes kubernetes-models puts into doc comments: `*\/` for `*/` and `\*` for `*`.
  return lines.join('\n').replace(/\*\\\//g, '*/').replace(/\\\*/g, '*');
}

const schemas = {};
const pending = [];
let typeMetaDocs;

function ensure(file) {
  const name = definitionName(file);
  if (!(name in schemas)) {
    schemas[name] = null;
    pending.push(file);
  }
  return name;
}

/** Converts a declared TypeScript type to an OpenAPI v3 property schema. */
function toSchema(node, imports, source) {
  if (node.kind === ts.SyntaxKind.StringKeyword) return { type: 'string' };
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean' };
  // Every numeric field of the served kinds is an integer in the official schema.
  if (node.kind === ts.SyntaxKind.NumberKeyword) return { type: 'integer' };
  if (node.kind === ts.SyntaxKind.AnyKeyword || node.kind === ts.SyntaxKind.UnknownKeyword) return { type: 'object' };
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { type: 'string', enum: [node.literal.text] };
  if (ts.isUnionTypeNode(node) && node.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
    return { type: 'string', enum: node.types.map((t) => t.literal.text) };
  }
  if (ts.isTypeReferenceNode(node)) {
    const id = node.typeName.getText(source);
    if (id === 'Array') return { type: 'array', items: toItemSchema(node.typeArguments[0], imports, source) };
    const file = imports.get(id);
    if (!file) throw new Error(`unresolved type ${id} in ${source.fileName}`);
    return { allOf: [{ $ref: REF + ensure(file) }] };
  }
  if (ts.isTypeLiteralNode(node) && node.members.length === 1 && ts.isIndexSignatureDeclaration(node.members[0])) {
    return { type: 'object', additionalProperties: toItemSchema(node.members[0].type, imports, source) };
  }
  if (ts.isTypeLiteralNode(node) && node.members.length === 0) return { type: 'object' };
  // kubernetes-models inlines PersistentVolumeClaim into StatefulSetSpec.volumeClaimTemplates;
  // the official schema references the definition.
  if (ts.isTypeLiteralNode(node) && source.fileName.endsWith('apps/v1/StatefulSetSpec.d.ts')) {
    return { allOf: [{ $ref: REF + ensure(join(modelsDir, 'v1/PersistentVolumeClaim.d.ts')) }] };
  }
  throw new Error(`unsupported type ${node.getText(source)} in ${source.fileName}`);
}

/** Array items and map values reference definitions directly, as the API server writes them. */
function toItemSchema(node, imports, source) {
  const s = toSchema(node, imports, source);
  return s.allOf ? { $ref: s.allOf[0].$ref } : s;
}

function readDefinition(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const imports = new Map();
  for (const st of source.statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause?.namedBindings) continue;
    const target = resolveImport(file, st.moduleSpecifier.text);
    if (!target) continue;
    for (const el of st.importClause.namedBindings.elements) imports.set(el.name.text, target);
  }
  const name = definitionName(file);
  const alias = source.statements.find((s) => ts.isTypeAliasDeclaration(s) && s.name.text.startsWith('I'));
  const iface = source.statements.find((s) => ts.isInterfaceDeclaration(s));
  if (!iface) return aliasSchema(name, alias ? docComment(source, alias) : undefined, alias?.type, imports, source);

  const schema = {};
  const description = docComment(source, iface);
  if (description) schema.description = description;
  schema.type = 'object';
  const properties = {};
  const required = [];
  const isTypeMeta = iface.heritageClauses?.some((h) => h.getText(source).includes('TypeMeta'));
  for (const member of iface.members) {
    if (!ts.isPropertySignature(member)) continue;
    const field = member.name.text;
    let prop;
    if (isTypeMeta && (field === 'apiVersion' || field === 'kind')) {
      prop = { type: 'string', description: typeMetaDocs[field] };
    } else {
      prop = toSchema(member.type, imports, source);
      const doc = docComment(source, member);
      if (doc) prop.description = doc;
      if (!member.questionToken) required.push(field);
    }
    properties[field] = prop;
  }
  schema.properties = properties;
  if (required.length) schema.required = required;
  return schema;
}

/** Definitions declared as type aliases: Time, MicroTime, IntOrString, Quantity, and similar. */
function aliasSchema(name, description, type, imports, source) {
  const schema = description ? { description } : {};
  if (name.endsWith('.IntOrString')) return { ...schema, oneOf: [{ type: 'integer' }, { type: 'string' }], format: 'int-or-string' };
  // NOTE: kubernetes-models drops the Quantity description, so explain lacks the paragraph kubectl
  // appends below a Quantity map such as resources.limits. Writing that prose by hand is not allowed here.
  if (name.endsWith('.Quantity')) return { ...schema, oneOf: [{ type: 'string' }, { type: 'number' }] };
  if (name.endsWith('.Time') || name.endsWith('.MicroTime')) return { ...schema, type: 'string', format: 'date-time' };
  if (!type) return { ...schema, type: 'object' };
  return { ...schema, ...toSchema(type, imports, source) };
}

function readTypeMetaDocs() {
  const file = join(machineryDir, 'apis/meta/v1/APIGroupList.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const iface = source.statements.find((s) => ts.isInterfaceDeclaration(s));
  const docs = {};
  for (const m of iface.members) if (ts.isPropertySignature(m)) docs[m.name.text] = docComment(source, m);
  return docs;
}

typeMetaDocs = readTypeMetaDocs();
const kinds = [];
for (const [dir, group, version, kind, resource, namespaced, shortNames] of KINDS) {
  const definition = ensure(join(modelsDir, dir, kind + '.d.ts'));
  kinds.push({ group, version, kind, resource, namespaced, shortNames, definition });
}
while (pending.length) {
  const file = pending.shift();
  schemas[definitionName(file)] = readDefinition(file);
}
for (const k of kinds) {
  schemas[k.definition]['x-kubernetes-group-version-kind'] = [{ group: k.group, kind: k.kind, version: k.version }];
}

const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]));
const pkg = JSON.parse(readFileSync(join(modelsDir, 'package.json'), 'utf8'));
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify({ source: `kubernetes-models@${pkg.version}`, kinds, schemas: sorted }) + '\n');
console.log(`wrote ${outFile}: ${kinds.length} kinds, ${Object.keys(sorted).length} definitions`);
