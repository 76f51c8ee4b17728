import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  isoTime
} from "./chunk-BCHHFCIZ.mjs";
import {
  findResource,
  resourceString
} from "./chunk-54XMLGHN.mjs";
import {
  notFound
} from "./chunk-IBKOI352.mjs";

// src/engine/delete.ts
var FOREGROUND_FINALIZER = "foregroundDeletion";
function deleteObject(store, resource, namespace, name, opts = {}) {
  return store.tx(() => {
    const obj = store.get(resource, namespace, name);
    if (!obj) {
      const r = findResource(resource);
      throw notFound(r ? resourceString(r) : resource, name);
    }
    const propagation = opts.propagation ?? "Background";
    if (propagation === "Orphan") orphanDependents(store, obj);
    if (resource === "pods") {
      deletePod(store, obj, opts.gracePeriodSeconds);
      return obj;
    }
    if (propagation === "Foreground") {
      if (!obj.metadata.deletionTimestamp) {
        obj.metadata.deletionTimestamp = isoTime(store.now());
        obj.metadata.deletionGracePeriodSeconds = 0;
        obj.metadata.finalizers = [.../* @__PURE__ */ new Set([...obj.metadata.finalizers ?? [], FOREGROUND_FINALIZER])];
        store.update(resource, obj);
      }
      return obj;
    }
    if ((obj.metadata.finalizers ?? []).length > 0) {
      if (!obj.metadata.deletionTimestamp) {
        obj.metadata.deletionTimestamp = isoTime(store.now());
        obj.metadata.deletionGracePeriodSeconds = 0;
        store.update(resource, obj);
      }
      return obj;
    }
    store.remove(resource, namespace, name);
    return obj;
  });
}
function deletePod(store, pod, gracePeriodSeconds) {
  const ns = pod.metadata.namespace ?? "default";
  const grace = gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  const finished = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
  if (grace === 0 || !pod.spec?.nodeName || finished) {
    store.remove("pods", ns, pod.metadata.name);
    return;
  }
  if (pod.metadata.deletionTimestamp) {
    const current = pod.metadata.deletionGracePeriodSeconds ?? grace;
    if (grace >= current) return;
  }
  pod.metadata.deletionTimestamp = isoTime(store.now() + grace * 1e3);
  pod.metadata.deletionGracePeriodSeconds = grace;
  store.update("pods", pod);
}
function orphanDependents(store, owner) {
  const uid = owner.metadata.uid;
  const rows = store.db.prepare("SELECT resource FROM objects WHERE owner = ? GROUP BY resource").all(uid);
  for (const { resource } of rows) {
    for (const dep of store.list(resource, void 0, { owner: uid })) {
      dep.metadata.ownerReferences = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      if (dep.metadata.ownerReferences.length === 0) delete dep.metadata.ownerReferences;
      store.update(resource, dep);
    }
  }
}
function listDependents(store, uid) {
  const rows = store.db.prepare("SELECT resource, data FROM objects WHERE owner = ?").all(uid);
  return rows.map((r) => ({ resource: r.resource, obj: JSON.parse(r.data) }));
}

export {
  FOREGROUND_FINALIZER,
  deleteObject,
  listDependents
};
