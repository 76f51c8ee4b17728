import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/engine/home.ts
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
function homeDir() {
  return process.env.KUBESIM_HOME || join(homedir(), ".kubesim");
}
function clusterDir(name) {
  return join(homeDir(), "clusters", name);
}
function clusterFile(name) {
  return join(clusterDir(name), "state.db");
}
function clusterExists(name) {
  return existsSync(clusterFile(name));
}
function listClusterNames() {
  const dir = join(homeDir(), "clusters");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => existsSync(join(dir, n, "state.db"))).sort();
}
function readConfig() {
  const file = join(homeDir(), "config.json");
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8"));
    return { currentCluster: parsed.currentCluster || "default", namespaces: parsed.namespaces ?? {} };
  } catch {
    return { currentCluster: "default", namespaces: {} };
  }
}
function writeConfig(config) {
  mkdirSync(homeDir(), { recursive: true, mode: 448 });
  const file = join(homeDir(), "config.json");
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(config, null, 2) + "\n", { mode: 384 });
  renameSync(tmp, file);
}
function isValidClusterName(name) {
  return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) && name.length <= 63;
}

export {
  clusterDir,
  clusterFile,
  clusterExists,
  listClusterNames,
  readConfig,
  writeConfig,
  isValidClusterName
};
