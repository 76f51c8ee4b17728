import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/cli/flags.ts
var TRUE = /* @__PURE__ */ new Set(["1", "t", "T", "TRUE", "true", "True"]);
var FALSE = /* @__PURE__ */ new Set(["0", "f", "F", "FALSE", "false", "False"]);
function parseDuration(text) {
  if (/^\d+$/.test(text)) return Number(text) * 1e3;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
  let total = 0;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    const n = Number(m[1]);
    total += n * { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 }[m[2]];
    consumed += m[0].length;
  }
  if (consumed !== text.length || consumed === 0) throw new UsageError(`time: invalid duration "${text}"`);
  return total;
}
function convert(spec, raw, flagText) {
  switch (spec.type) {
    case "bool":
      if (TRUE.has(raw)) return true;
      if (FALSE.has(raw)) return false;
      throw new UsageError(`invalid argument "${raw}" for "${flagText}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
    case "int": {
      if (!/^[+-]?\d+$/.test(raw)) throw new UsageError(`invalid argument "${raw}" for "${flagText}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      return Number(raw);
    }
    case "duration":
      try {
        return parseDuration(raw);
      } catch {
        throw new UsageError(`invalid argument "${raw}" for "${flagText}" flag: time: invalid duration "${raw}"`);
      }
    default:
      return raw;
  }
}
function parseArgs(argv, specs) {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short, s]));
  const flags = {};
  for (const s of specs) flags[s.name] = s.type === "stringArray" ? [...s.default ?? []] : s.default;
  const set = /* @__PURE__ */ new Set();
  const args = [];
  let dashArgs = [];
  let hadDash = false;
  const assign = (spec, raw, flagText) => {
    const value = convert(spec, raw, flagText);
    if (spec.type === "stringArray") {
      if (!set.has(spec.name)) flags[spec.name] = [];
      flags[spec.name].push(value);
    } else flags[spec.name] = value;
    set.add(spec.name);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      hadDash = true;
      dashArgs = argv.slice(i + 1);
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new UsageError(`unknown flag: --${name}`, true);
      if (eq >= 0) assign(spec, a.slice(eq + 1), `--${name}`);
      else if (spec.type === "bool") assign(spec, "true", `--${name}`);
      else if (spec.noOptDefault !== void 0) assign(spec, spec.noOptDefault, `--${name}`);
      else {
        if (i + 1 >= argv.length) throw new UsageError(`flag needs an argument: --${name}`, true);
        assign(spec, argv[++i], `--${name}`);
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1 && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        const spec = byShort.get(ch);
        if (!spec) throw new UsageError(`unknown shorthand flag: '${ch}' in ${a}`, true);
        const flagText = `-${ch}, --${spec.name}`;
        if (spec.type === "bool") {
          if (a[j + 1] === "=") {
            assign(spec, a.slice(j + 2), flagText);
            break;
          }
          assign(spec, "true", flagText);
          continue;
        }
        let rest = a.slice(j + 1);
        if (rest.startsWith("=")) rest = rest.slice(1);
        if (rest) assign(spec, rest, flagText);
        else if (spec.noOptDefault !== void 0) assign(spec, spec.noOptDefault, flagText);
        else {
          if (i + 1 >= argv.length) throw new UsageError(`flag needs an argument: '${ch}' in -${ch}`, true);
          assign(spec, argv[++i], flagText);
        }
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { flags, set, args, dashArgs, hadDash };
}
var GLOBAL_FLAGS = [
  { name: "cluster", type: "string", default: "", help: "The kubesim cluster to use" },
  { name: "context", type: "string", default: "", help: "The kubeconfig context to use (a kubesim cluster name)" },
  { name: "namespace", short: "n", type: "string", default: "", help: "If present, the namespace scope for this CLI request" },
  { name: "kubeconfig", type: "string", default: "", help: "Accepted for compatibility; kubesim keeps clusters under $KUBESIM_HOME", hidden: true },
  { name: "request-timeout", type: "string", default: "0", help: "Accepted for compatibility; requests are local", hidden: true },
  { name: "v", short: "v", type: "string", default: "0", help: "Number for the log level verbosity", hidden: true },
  { name: "help", short: "h", type: "bool", default: false, help: "help for this command" }
];
function formatFlagHelp(specs) {
  const lines = [];
  for (const s of specs) {
    if (s.hidden || GLOBAL_FLAGS.includes(s)) continue;
    const head = s.short ? `    -${s.short}, --${s.name}` : `    --${s.name}`;
    const def = s.default !== void 0 && s.default !== "" && s.type !== "bool" ? `=${Array.isArray(s.default) ? `[${s.default.join(",")}]` : s.default}` : s.type === "bool" && s.default === true ? "=true" : "";
    lines.push(`${head}${def}:
	${s.help}
`);
  }
  return lines.join("\n");
}

export {
  parseDuration,
  parseArgs,
  GLOBAL_FLAGS,
  formatFlagHelp
};
