import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

/** `kubectl api-resources` on a kubeadm 1.32 cluster with no add-ons. */
const API_RESOURCES = `NAME                                SHORTNAMES   APIVERSION                        NAMESPACED   KIND
bindings                                         v1                                true         Binding
componentstatuses                   cs           v1                                false        ComponentStatus
configmaps                          cm           v1                                true         ConfigMap
endpoints                           ep           v1                                true         Endpoints
events                              ev           v1                                true         Event
limitranges                         limits       v1                                true         LimitRange
namespaces                          ns           v1                                false        Namespace
nodes                               no           v1                                false        Node
persistentvolumeclaims              pvc          v1                                true         PersistentVolumeClaim
persistentvolumes                   pv           v1                                false        PersistentVolume
pods                                po           v1                                true         Pod
podtemplates                                     v1                                true         PodTemplate
replicationcontrollers              rc           v1                                true         ReplicationController
resourcequotas                      quota        v1                                true         ResourceQuota
secrets                                          v1                                true         Secret
serviceaccounts                     sa           v1                                true         ServiceAccount
services                            svc          v1                                true         Service
mutatingwebhookconfigurations                    admissionregistration.k8s.io/v1   false        MutatingWebhookConfiguration
validatingadmissionpolicies                      admissionregistration.k8s.io/v1   false        ValidatingAdmissionPolicy
validatingadmissionpolicybindings                admissionregistration.k8s.io/v1   false        ValidatingAdmissionPolicyBinding
validatingwebhookconfigurations                  admissionregistration.k8s.io/v1   false        ValidatingWebhookConfiguration
customresourcedefinitions           crd,crds     apiextensions.k8s.io/v1           false        CustomResourceDefinition
apiservices                                      apiregistration.k8s.io/v1         false        APIService
controllerrevisions                              apps/v1                           true         ControllerRevision
daemonsets                          ds           apps/v1                           true         DaemonSet
deployments                         deploy       apps/v1                           true         Deployment
replicasets                         rs           apps/v1                           true         ReplicaSet
statefulsets                        sts          apps/v1                           true         StatefulSet
selfsubjectreviews                               authentication.k8s.io/v1          false        SelfSubjectReview
tokenreviews                                     authentication.k8s.io/v1          false        TokenReview
localsubjectaccessreviews                        authorization.k8s.io/v1           true         LocalSubjectAccessReview
selfsubjectaccessreviews                         authorization.k8s.io/v1           false        SelfSubjectAccessReview
selfsubjectrulesreviews                          authorization.k8s.io/v1           false        SelfSubjectRulesReview
subjectaccessreviews                             authorization.k8s.io/v1           false        SubjectAccessReview
horizontalpodautoscalers            hpa          autoscaling/v2                    true         HorizontalPodAutoscaler
cronjobs                            cj           batch/v1                          true         CronJob
jobs                                             batch/v1                          true         Job
certificatesigningrequests          csr          certificates.k8s.io/v1            false        CertificateSigningRequest
leases                                           coordination.k8s.io/v1            true         Lease
endpointslices                                   discovery.k8s.io/v1               true         EndpointSlice
events                              ev           events.k8s.io/v1                  true         Event
flowschemas                                      flowcontrol.apiserver.k8s.io/v1   false        FlowSchema
prioritylevelconfigurations                      flowcontrol.apiserver.k8s.io/v1   false        PriorityLevelConfiguration
ingressclasses                                   networking.k8s.io/v1              false        IngressClass
ingresses                           ing          networking.k8s.io/v1              true         Ingress
networkpolicies                     netpol       networking.k8s.io/v1              true         NetworkPolicy
runtimeclasses                                   node.k8s.io/v1                    false        RuntimeClass
poddisruptionbudgets                pdb          policy/v1                         true         PodDisruptionBudget
clusterrolebindings                              rbac.authorization.k8s.io/v1      false        ClusterRoleBinding
clusterroles                                     rbac.authorization.k8s.io/v1      false        ClusterRole
rolebindings                                     rbac.authorization.k8s.io/v1      true         RoleBinding
roles                                            rbac.authorization.k8s.io/v1      true         Role
priorityclasses                     pc           scheduling.k8s.io/v1              false        PriorityClass
csidrivers                                       storage.k8s.io/v1                 false        CSIDriver
csinodes                                         storage.k8s.io/v1                 false        CSINode
csistoragecapacities                             storage.k8s.io/v1                 true         CSIStorageCapacity
storageclasses                      sc           storage.k8s.io/v1                 false        StorageClass
volumeattachments                                storage.k8s.io/v1                 false        VolumeAttachment
`;

const OBJECTS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  tls:
  - hosts: [a.example.com]
    secretName: s
  rules:
  - host: a.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
  - host: b.example.com
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "watch", "list"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: read-pods
subjects:
- kind: User
  name: jane
- kind: Group
  name: devs
- kind: ServiceAccount
  name: robot
  namespace: default
roleRef:
  kind: Role
  name: pod-reader
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db
spec:
  podSelector:
    matchLabels:
      app: db
  egress:
  - ports:
    - port: 53
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
spec:
  hard:
    pods: "10"
    requests.cpu: "1"
    limits.memory: 2Gi
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  maxUnavailable: 30%
  selector:
    matchLabels:
      app: web
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 1000000
description: for important pods
---
apiVersion: v1
kind: LimitRange
metadata:
  name: limits
spec:
  limits:
  - type: Container
    max:
      memory: 1Gi
    min:
      cpu: 100m
`;

const BAD_INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: bad
spec:
  rules:
  - host: 10.0.0.1
    http:
      paths:
      - path: /
        backend:
          service:
            name: web
            port:
              number: 80
      - path: app
        pathType: Prefix
        backend:
          service:
            name: web
      - path: /x
        pathType: Regex
        backend: {}
`;

const BAD_RBAC = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
subjects:
- kind: user
  name: jane
roleRef:
  kind: Deployment
  name: r
`;

describe('built-in resources without a controller', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'm', '--clock', 'manual', '--seed', '3']).code).toBe(0);
    writeFileSync(join(sb.home, 'objects.yaml'), OBJECTS);
    writeFileSync(join(sb.home, 'bad-ingress.yaml'), BAD_INGRESS);
    writeFileSync(join(sb.home, 'bad-rbac.yaml'), BAD_RBAC);
  });
  afterAll(() => sb.cleanup());

  it('lists every built-in resource of a 1.32 API server, sorted by group as kubectl does', () => {
    const r = sb.run(['api-resources']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(API_RESOURCES);
  });

  it('lists the api-extensions category and review verbs with -o wide', () => {
    const r = sb.run(['api-resources', '--api-group=apiextensions.k8s.io', '-o', 'wide']);
    expect(r.stdout).toBe(
      'NAME                        SHORTNAMES   APIVERSION                NAMESPACED   KIND                       VERBS                                                          CATEGORIES\n' +
        'customresourcedefinitions   crd,crds     apiextensions.k8s.io/v1   false        CustomResourceDefinition   [create delete deletecollection get list patch update watch]   api-extensions\n',
    );
    expect(sb.run(['api-resources', '--api-group=authentication.k8s.io', '-o', 'wide']).stdout).toBe(
      'NAME                 SHORTNAMES   APIVERSION                 NAMESPACED   KIND                VERBS      CATEGORIES\n' +
        'selfsubjectreviews                authentication.k8s.io/v1   false        SelfSubjectReview   [create]   \n' +
        'tokenreviews                      authentication.k8s.io/v1   false        TokenReview         [create]   \n',
    );
  });

  it('creates the objects of a tutorial manifest and prints their tables', () => {
    const r = sb.run(['apply', '-f', join(sb.home, 'objects.yaml')]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'ingress.networking.k8s.io/web created',
        'role.rbac.authorization.k8s.io/pod-reader created',
        'rolebinding.rbac.authorization.k8s.io/read-pods created',
        'networkpolicy.networking.k8s.io/db created',
        'resourcequota/compute created',
        'poddisruptionbudget.policy/web created',
        'priorityclass.scheduling.k8s.io/high created',
        'limitrange/limits created',
        '',
      ].join('\n'),
    );
    // An hour later every object's age reads the same, whichever second it was created in.
    expect(sb.run(['clock', 'advance', '1h']).code).toBe(0);
    expect(sb.run(['get', 'ing']).stdout).toBe('NAME   CLASS   HOSTS                         ADDRESS   PORTS     AGE\nweb    nginx   a.example.com,b.example.com             80, 443   60m\n');
    expect(sb.run(['get', 'netpol']).stdout).toBe('NAME   POD-SELECTOR   AGE\ndb     app=db         60m\n');
    expect(sb.run(['get', 'quota']).stdout).toBe(
      'NAME      AGE   REQUEST                         LIMIT\ncompute   60m   pods: 0/10, requests.cpu: 0/1   limits.memory: 0/2Gi\n',
    );
    expect(sb.run(['get', 'pdb']).stdout).toBe('NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb    N/A             30%               0                     60m\n');
    expect(sb.run(['get', 'rolebinding']).stdout).toBe('NAME        ROLE              AGE\nread-pods   Role/pod-reader   60m\n');
    expect(sb.run(['get', 'rolebinding', '-o', 'wide']).stdout).toBe(
      'NAME        ROLE              AGE   USERS   GROUPS   SERVICEACCOUNTS\nread-pods   Role/pod-reader   60m   jane    devs     default:robot\n',
    );
  });

  it('prints the default NAME and CREATED AT table for kinds without a printer', () => {
    const created = sb.run(['get', 'role', 'pod-reader', '-o', 'jsonpath={.metadata.creationTimestamp}']).stdout;
    expect(sb.run(['get', 'roles']).stdout).toBe(`NAME         CREATED AT\npod-reader   ${created}\n`);
    expect(sb.run(['get', 'limits']).stdout).toBe(`NAME     CREATED AT\nlimits   ${created}\n`);
  });

  it('fills the PREEMPTIONPOLICY cell of a priority class only with -o wide', () => {
    expect(sb.run(['get', 'pc', 'high']).stdout).toBe('NAME   VALUE     GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY\nhigh   1000000   false            60m\n');
    expect(sb.run(['get', 'pc', 'high', '-o', 'wide']).stdout).toBe(
      'NAME   VALUE     GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY\nhigh   1000000   false            60m   PreemptLowerPriority\n',
    );
  });

  it('stores the API server defaults of each kind', () => {
    expect(sb.run(['get', 'netpol', 'db', '-o', 'jsonpath={.spec.policyTypes} {.spec.egress[0].ports[0].protocol}']).stdout).toBe('["Ingress","Egress"] TCP');
    expect(sb.run(['get', 'ing', 'web', '-o', 'jsonpath={.status}']).stdout).toBe('{"loadBalancer":{}}');
    expect(sb.run(['get', 'rolebinding', 'read-pods', '-o', 'jsonpath={.roleRef.apiGroup} {.subjects[*].apiGroup}']).stdout).toBe(
      'rbac.authorization.k8s.io rbac.authorization.k8s.io rbac.authorization.k8s.io',
    );
    expect(sb.run(['get', 'limitrange', 'limits', '-o', 'jsonpath={.spec.limits[0].default} {.spec.limits[0].defaultRequest}']).stdout).toBe(
      '{"memory":"1Gi"} {"cpu":"100m","memory":"1Gi"}',
    );
    // The disruption controller has synced the budget, which selects no pods.
    const counts = '{.status.currentHealthy} {.status.desiredHealthy} {.status.disruptionsAllowed} {.status.expectedPods} {.status.observedGeneration}';
    expect(sb.run(['get', 'pdb', 'web', '-o', `jsonpath=${counts}`]).stdout).toBe('0 0 0 0 1');
    expect(sb.run(['get', 'pdb', 'web', '-o', 'jsonpath={.status.conditions[0].reason}']).stdout).toBe('InsufficientPods');
  });

  it('describes a PodDisruptionBudget', () => {
    const lines = sb.run(['describe', 'pdb', 'web']).stdout.split('\n');
    expect(lines.slice(0, 9)).toEqual([
      'Name:             web',
      'Namespace:        default',
      'Max unavailable:  30%',
      'Selector:         app=web',
      'Status:',
      '    Allowed disruptions:  0',
      '    Current:              0',
      '    Desired:              0',
      '    Total:                0',
    ]);
    // The controller's two NoPods events expire between 1h and 1h01m after the budget's creation, and the clock is 60m past it.
    const events = lines.slice(9).join('\n');
    expect([
      'Events:                   <none>\n',
      'Events:\n  Type    Reason  Age                From               Message\n  ----    ------  ----               ----               -------\n  Normal  NoPods  60m (x2 over 60m)  controllermanager  No matching pods found\n',
    ]).toContain(events);
  });

  it('labels and deletes the stored objects', () => {
    expect(sb.run(['label', 'netpol', 'db', 'team=a']).stdout).toBe('networkpolicy.networking.k8s.io/db labeled\n');
    expect(sb.run(['get', 'netpol', '-l', 'team=a', '-o', 'name']).stdout).toBe('networkpolicy.networking.k8s.io/db\n');
    expect(sb.run(['delete', 'pc', 'high']).stdout).toBe('priorityclass.scheduling.k8s.io "high" deleted\n');
    const gone = sb.run(['get', 'pc', 'high']);
    expect(gone.stderr).toBe('Error from server (NotFound): priorityclasses.scheduling.k8s.io "high" not found\n');
    expect(gone.code).toBe(1);
  });

  it('rejects an Ingress without pathType and the other path mistakes, storing nothing', () => {
    const before = sb.dump('m');
    const r = sb.run(['create', '-f', join(sb.home, 'bad-ingress.yaml')]);
    expect(r.stderr).toBe(
      [
        'The Ingress "bad" is invalid: ',
        '* spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
        '* spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
        '* spec.rules[0].http.paths[1].path: Invalid value: "app": must be an absolute path',
        '* spec.rules[0].http.paths[1].backend: Required value: port name or number is required',
        '* spec.rules[0].http.paths[2].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
        '* spec.rules[0].http.paths[2].backend: Invalid value: "": resource or service backend is required',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
    expect(sb.dump('m')).toBe(before);
  });

  it('rejects a binding to an unknown role kind and subject kind', () => {
    const r = sb.run(['create', '-f', join(sb.home, 'bad-rbac.yaml')]);
    expect(r.stderr).toBe(
      'The RoleBinding "rb" is invalid: \n' +
        '* roleRef.kind: Unsupported value: "Deployment": supported values: "Role", "ClusterRole"\n' +
        '* subjects[0].kind: Unsupported value: "user": supported values: "ServiceAccount", "User", "Group"\n',
    );
    expect(r.code).toBe(1);
  });

  it('accepts RBAC names with colons, as the system roles have', () => {
    const r = sb.run(['create', 'clusterrole', 'system:demo', '--verb=get', '--resource=pods']);
    expect(r.stdout).toBe('clusterrole.rbac.authorization.k8s.io/system:demo created\n');
  });

  it('refuses a user priority class above one billion and unknown system- names', () => {
    const high = sb.run(['create', 'priorityclass', 'top', '--value=2000000000']);
    expect(high.stderr).toBe(
      'error: failed to create priorityclass: PriorityClass.scheduling.k8s.io "top" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000\n',
    );
    const system = sb.run(['create', 'priorityclass', 'system-mine']);
    expect(system.stderr).toBe(
      "error: failed to create priorityclass: PriorityClass.scheduling.k8s.io \"system-mine\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class\n",
    );
  });

  it('rejects the v1beta1 backend fields in a v1 Ingress', () => {
    const file = join(sb.home, 'old-ingress.yaml');
    writeFileSync(
      file,
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: old\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          serviceName: web\n          servicePort: 80\n',
    );
    const r = sb.run(['apply', '-f', file]);
    expect(r.stderr).toBe(
      `Error from server (BadRequest): error when creating "${file}": Ingress in version "v1" cannot be handled as a Ingress: strict decoding error: unknown field "spec.rules[0].http.paths[0].backend.serviceName", unknown field "spec.rules[0].http.paths[0].backend.servicePort"\n`,
    );
    expect(r.code).toBe(1);
  });

  it('rejects a quoted PriorityClass value', () => {
    const file = join(sb.home, 'quoted-pc.yaml');
    writeFileSync(file, 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: quoted\nvalue: "1000"\n');
    expect(sb.run(['create', '-f', file]).stderr).toBe(
      `Error from server (BadRequest): error when creating "${file}": PriorityClass in version "v1" cannot be handled as a PriorityClass: json: cannot unmarshal string into Go struct field PriorityClass.value of type int32\n`,
    );
  });

  it('explains the fields of a built-in kind', () => {
    const r = sb.run(['explain', 'pdb.spec.minAvailable']);
    expect(r.stdout.split('\n').slice(0, 5).join('\n')).toBe('GROUP:      policy\nKIND:       PodDisruptionBudget\nVERSION:    v1\n\nFIELD: minAvailable <IntOrString>');
  });

  it('starts with the system priority classes and cluster-admin', () => {
    expect(sb.run(['get', 'pc', 'system-node-critical', 'system-cluster-critical', '-o', 'custom-columns=NAME:.metadata.name,VALUE:.value']).stdout).toBe(
      'NAME                      VALUE\nsystem-node-critical      2000001000\nsystem-cluster-critical   2000000000\n',
    );
    expect(sb.run(['get', 'clusterrolebinding', 'cluster-admin', '-o', 'jsonpath={.roleRef.name} {.subjects[0].name}']).stdout).toBe('cluster-admin system:masters');
    expect(sb.run(['describe', 'clusterrole', 'cluster-admin']).stdout).toBe(
      [
        'Name:         cluster-admin',
        'Labels:       kubernetes.io/bootstrapping=rbac-defaults',
        'Annotations:  rbac.authorization.kubernetes.io/autoupdate: true',
        'PolicyRule:',
        '  Resources  Non-Resource URLs  Resource Names  Verbs',
        '  ---------  -----------------  --------------  -----',
        '  *.*        []                 []              [*]',
        '             [*]                []              [*]',
        '',
      ].join('\n'),
    );
  });

  it('answers MethodNotAllowed for reading a review API', () => {
    const r = sb.run(['get', 'tokenreviews']);
    expect(r.stderr).toBe('Error from server (MethodNotAllowed): the server does not allow this method on the requested resource\n');
    expect(r.code).toBe(1);
  });

  it('prints the generator failure prefix for an existing name', () => {
    expect(sb.run(['create', 'sa', 'robot']).code).toBe(0);
    const again = sb.run(['create', 'sa', 'robot']);
    expect(again.stderr).toBe('error: failed to create serviceaccount: serviceaccounts "robot" already exists\n');
    expect(sb.run(['create', 'rolebinding', 'read-pods', '--role=x']).stderr).toBe(
      'error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io "read-pods" already exists\n',
    );
  });
});
