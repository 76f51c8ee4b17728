import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/commands/api-versions/index.ts
function servedVersions(version) {
  const v = ["v1", "apps/v1", "autoscaling/v1", "batch/v1", "storage.k8s.io/v1"];
  if (version >= 123) v.push("autoscaling/v2");
  if (version < 126 && version >= 112) v.push("autoscaling/v2beta2");
  if (version < 125) v.push("autoscaling/v2beta1", "batch/v1beta1");
  if (version < 116) v.push("extensions/v1beta1", "apps/v1beta1", "apps/v1beta2");
  if (version >= 121) v.push("discovery.k8s.io/v1");
  return v.sort();
}
var command = {
  use: "api-versions",
  short: 'Print the supported API versions on the server, in the form of "group/version".',
  flags: [],
  run(ctx) {
    ctx.io.out(servedVersions(ctx.cluster().settings.version).map((v) => v + "\n").join(""));
  }
};
export {
  command,
  servedVersions
};
