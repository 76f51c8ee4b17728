import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/images/catalog.ts
var NGINX_RELEASES = {
  "1.7": 12,
  "1.8": 1,
  "1.9": 15,
  "1.10": 3,
  "1.11": 13,
  "1.12": 2,
  "1.13": 12,
  "1.14": 2,
  "1.15": 12,
  "1.16": 1,
  "1.17": 10,
  "1.18": 0,
  "1.19": 10,
  "1.20": 2,
  "1.21": 6,
  "1.22": 1,
  "1.23": 4,
  "1.24": 0,
  "1.25": 5,
  "1.26": 3,
  "1.27": 5,
  "1.28": 0,
  "1.29": 3
};
var NGINX_FLOATING_TAGS = {
  latest: "1.29.3",
  mainline: "1.29.3",
  stable: "1.28.0",
  alpine: "1.29.3",
  perl: "1.29.3"
};
var MYAPP_TAGS = ["v1", "v2", "v3"];
var PERL_LATEST = "5.40.0";
var KNOWN_IMAGES = [
  ...MYAPP_TAGS.map((tag) => `hub.atguigu.com/library/myapp:${tag}`),
  ...MYAPP_TAGS.map((tag) => `wangyanglinux/myapp:${tag}`),
  "nginx:latest",
  "nginx:1.7.9",
  "nginx:1.9.1",
  "nginx:1.14.2",
  "nginx:1.16.1",
  "nginx:1.25",
  "nginx:1.27",
  "busybox:latest",
  "busybox:1.28",
  "busybox:1.36",
  "perl:latest",
  "perl:5.36.0",
  "perl:5.34.0"
];
var IMAGE_SIZES = {
  myapp: 15504557,
  nginx: 192063326,
  busybox: 4269034,
  perl: 890465316,
  generic: 0
};
var TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
var DIGEST_PATTERN = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
var PATH_COMPONENT_PATTERN = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
function splitRegistry(name) {
  const slash = name.indexOf("/");
  if (slash > 0) {
    const first = name.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost") {
      return { registry: first, path: name.slice(slash + 1) };
    }
  }
  return { registry: "docker.io", path: name };
}
function tagExists(kind, tag, digest) {
  if (tag === "" && digest) return true;
  switch (kind) {
    case "myapp":
      return MYAPP_TAGS.includes(tag);
    case "nginx":
      return resolveNginxVersion(tag) !== void 0;
    case "busybox": {
      if (["latest", "stable", "musl", "glibc", "uclibc"].includes(tag)) return true;
      const m = /^1\.(\d+)(?:\.(\d+))?(?:-(?:musl|glibc|uclibc))?$/.exec(tag);
      return m !== null && Number(m[1]) >= 20 && Number(m[1]) <= 37;
    }
    case "perl": {
      if (["latest", "slim", "stable", "threaded"].includes(tag)) return true;
      const m = /^5(?:\.(\d+))?(?:\.(\d+))?(?:-(?:slim|threaded|bookworm|bullseye|slim-bookworm|slim-bullseye))?$/.exec(tag);
      return m !== null && (m[1] === void 0 || Number(m[1]) % 2 === 0 && Number(m[1]) >= 8 && Number(m[1]) <= 40);
    }
    case "generic":
      return true;
  }
}
function resolveNginxVersion(tag) {
  const floating = NGINX_FLOATING_TAGS[tag.replace(/-(alpine|perl|slim|otel|bookworm)$/, "")];
  if (floating) return floating;
  const m = /^(\d+\.\d+)(?:\.(\d+))?(?:-(?:alpine|alpine-slim|alpine-perl|perl|otel|bookworm|bullseye))?$/.exec(tag);
  if (!m) return void 0;
  const maxPatch = NGINX_RELEASES[m[1]];
  if (maxPatch === void 0) return void 0;
  const patch = m[2] === void 0 ? maxPatch : Number(m[2]);
  return patch <= maxPatch ? `${m[1]}.${patch}` : void 0;
}
function estimateGenericSize(reference) {
  let hash = 2166136261;
  for (const ch of reference) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return 2e7 + hash % 1e8;
}
function detectKind(path) {
  const name = path.split("/").pop() ?? path;
  if (name === "myapp") return "myapp";
  if (name === "nginx" || name === "busybox" || name === "perl") return name;
  return "generic";
}
function resolveImage(image) {
  let rest = image;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = "";
  const lastColon = rest.lastIndexOf(":");
  if (lastColon > rest.lastIndexOf("/")) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
  }
  if (tag === "" && digest === void 0) tag = "latest";
  const repository = rest;
  const { registry, path } = splitRegistry(repository);
  const kind = detectKind(path);
  const name = path.split("/").pop() ?? path;
  const qualifiedPath = registry === "docker.io" && !path.includes("/") ? `library/${path}` : path;
  const fullReference = `${registry}/${qualifiedPath}${tag ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`;
  const invalidReason = validateReference(image, qualifiedPath, tag, digest);
  const info = {
    repository,
    tag,
    known: kind !== "generic",
    exists: false,
    sizeBytes: 0,
    kind,
    registry,
    name,
    fullReference
  };
  if (digest !== void 0) info.digest = digest;
  if (invalidReason !== void 0) {
    info.invalidReason = invalidReason;
    return info;
  }
  info.exists = tagExists(kind, tag, digest);
  info.sizeBytes = kind === "generic" ? estimateGenericSize(fullReference) : IMAGE_SIZES[kind];
  return info;
}
function validateReference(image, path, tag, digest) {
  if (image.trim() === "") return "invalid reference format";
  if (/\s/.test(image)) return "invalid reference format";
  const components = path.split("/");
  if (components.some((c) => c === "")) return "invalid reference format";
  if (components.some((c) => !PATH_COMPONENT_PATTERN.test(c))) {
    return path.toLowerCase() !== path ? `invalid reference format: repository name (${path}) must be lowercase` : "invalid reference format";
  }
  if (tag !== "" && !TAG_PATTERN.test(tag)) return "invalid reference format";
  if (digest !== void 0 && !DIGEST_PATTERN.test(digest)) return "invalid reference format";
  return void 0;
}

// src/images/nginx.ts
var MYAPP_NGINX_VERSION = "1.12.2";
var NODE_KERNEL_VERSION = "6.1.0-28-amd64";
var WORKER_PIDS = [29, 30];
function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
function formatLogTime(epochMs) {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)} ${iso.slice(11, 19)}`;
}
function formatEntrypointLines(version) {
  if (compareVersions(version, "1.19") < 0) return [];
  const modern = compareVersions(version, "1.21") >= 0;
  const localResolvers = compareVersions(version, "1.25.3") >= 0;
  const info = modern ? "info: " : "";
  const lines = [
    "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
    "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
    "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
    `10-listen-on-ipv6-by-default.sh: ${info}Getting the checksum of /etc/nginx/conf.d/default.conf`,
    `10-listen-on-ipv6-by-default.sh: ${info}Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf`
  ];
  if (localResolvers) lines.push("/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh");
  lines.push("/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh");
  if (modern) lines.push("/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh");
  lines.push("/docker-entrypoint.sh: Configuration complete; ready for start up");
  return lines;
}
function formatStartNotices(version, startedAt) {
  if (compareVersions(version, "1.21") < 0) return [];
  const prefix = `${formatLogTime(startedAt)} [notice] 1#1:`;
  const compiler = compareVersions(version, "1.25") >= 0 ? "gcc 12.2.0 (Debian 12.2.0-14) " : "gcc 10.2.1 20210110 (Debian 10.2.1-6) ";
  return [
    `${prefix} using the "epoll" event method`,
    `${prefix} nginx/${version}`,
    `${prefix} built by ${compiler}`,
    `${prefix} OS: Linux ${NODE_KERNEL_VERSION}`,
    `${prefix} getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${prefix} start worker processes`,
    ...WORKER_PIDS.map((pid) => `${prefix} start worker process ${pid}`)
  ];
}
var NGINX_WELCOME_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;
function formatErrorPage(status, version) {
  const body = compareVersions(version, "1.17") < 0 ? '<body bgcolor="white">' : "<body>";
  return `<html>
<head><title>${status}</title></head>
${body}
<center><h1>${status}</h1></center>
<hr><center>nginx/${version}</center>
</body>
</html>
`;
}

// src/images/pi.ts
function calculateArctanInverse(x, unity) {
  const xSquared = x * x;
  let power = unity / x;
  let sum = power;
  let n = 1n;
  let sign = -1n;
  while (power !== 0n) {
    power /= xSquared;
    n += 2n;
    sum += sign * (power / n);
    sign = -sign;
  }
  return sum;
}
function calculatePi(significantDigits) {
  if (!Number.isInteger(significantDigits) || significantDigits < 1) {
    throw new RangeError(`invalid number of digits: ${significantDigits}`);
  }
  const guard = 20;
  const unity = 10n ** BigInt(significantDigits - 1 + guard);
  const scaled = 16n * calculateArctanInverse(5n, unity) - 4n * calculateArctanInverse(239n, unity);
  const divisor = 10n ** BigInt(guard);
  const rounded = (scaled + divisor / 2n) / divisor;
  const digits = rounded.toString();
  return digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
}

// src/images/perl.ts
var PERL_START_MS = 40;
function formatPerlBanner(version) {
  const [, minor = "36", patch = "0"] = version.split(".");
  const year = 2014 + Math.floor((Number(minor) - 20) / 2);
  return `
This is perl 5, version ${minor}, subversion ${patch} (v${version}) built for x86_64-linux-gnu

Copyright 1987-${year}, Larry Wall

Perl may be copied only under the terms of either the Artistic License or the
GNU General Public License, which may be found in the Perl 5 source kit.

Complete documentation for Perl, including FAQ lists, should be found on
this system using "man perl" or "perldoc perl".  If you have access to the
Internet, point your browser at https://www.perl.org/, the Perl Home Page.

`;
}
function parseSwitches(args) {
  const options = { modules: [], lineEndings: false, version: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("-") || arg === "-") {
      options.script = arg;
      break;
    }
    for (let j = 1; j < arg.length; j++) {
      const flag = arg[j];
      if (flag === "M" || flag === "m") {
        options.modules.push(arg.slice(j + 1) || args[++i] || "");
        break;
      }
      if (flag === "e" || flag === "E") {
        const rest = arg.slice(j + 1);
        options.code = (options.code ? `${options.code}
` : "") + (rest || args[++i] || "");
        break;
      }
      if (flag === "l") options.lineEndings = true;
      else if (flag === "v") options.version = true;
    }
  }
  return options;
}
var PerlError = class extends Error {
};
function evaluateTerm(term, imports) {
  const t = term.trim();
  let m = /^"((?:[^"\\]|\\.)*)"$/.exec(t);
  if (m) {
    const escapes = { n: "\n", t: "	", "\\": "\\", '"': '"', $: "$", "@": "@" };
    return { text: m[1].replace(/\\(.)/g, (_, c) => escapes[c] ?? c), costMs: 0 };
  }
  m = /^'((?:[^'\\]|\\.)*)'$/.exec(t);
  if (m) return { text: m[1].replace(/\\([\\'])/g, "$1"), costMs: 0 };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { text: String(Number(t)), costMs: 0 };
  m = /^bpi\s*(?:\(\s*(\d+)\s*\)|(\d+))$/.exec(t);
  if (m) {
    if (!imports.has("bpi")) throw new PerlError("Undefined subroutine &main::bpi called at -e line 1.");
    const digits = Number(m[1] ?? m[2]);
    return { text: digits === 0 ? "NaN" : calculatePi(digits), costMs: Math.round(digits * digits / 1750) };
  }
  throw new PerlError(`syntax error at -e line 1, near "${t}"`);
}
function splitList(list) {
  const items = [];
  let current = "";
  let quote = "";
  let depth = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (quote) {
      current += ch;
      if (ch === "\\") current += list[++i] ?? "";
      else if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === "(") {
      depth++;
      current += ch;
    } else if (ch === ")") {
      depth--;
      current += ch;
    } else if (ch === "," && depth === 0) {
      items.push(current);
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "") items.push(current);
  return items;
}
function runPerl(args, version) {
  const options = parseSwitches(args);
  if (options.version) return { stdout: formatPerlBanner(version), stderr: "", exitCode: 0, durationMs: PERL_START_MS };
  if (options.script !== void 0) {
    return {
      stdout: "",
      exitCode: 2,
      durationMs: PERL_START_MS,
      stderr: `Can't open perl script "${options.script}": No such file or directory
`
    };
  }
  if (options.code === void 0) return { stdout: "", stderr: "", exitCode: 0, durationMs: PERL_START_MS };
  const imports = /* @__PURE__ */ new Set();
  for (const module of options.modules) {
    const [name, list = ""] = module.split("=");
    if (name === "bignum" || name === "bigint" || name === "bigrat") {
      for (const symbol of list.split(",")) if (symbol) imports.add(symbol);
    }
  }
  let stdout = "";
  let durationMs = PERL_START_MS;
  try {
    for (const statement of options.code.split(/;|\n/).map((s) => s.trim()).filter(Boolean)) {
      const exit = /^exit(?:\s*\(?\s*(\d+)\s*\)?)?$/.exec(statement);
      if (exit) return { stdout, stderr: "", exitCode: Number(exit[1] ?? 0), durationMs };
      const print = /^print(?:\s+|\s*\((.*)\)\s*$|$)(.*)$/s.exec(statement);
      if (!print) throw new PerlError(`syntax error at -e line 1, near "${statement}"`);
      const list = print[1] ?? print[2];
      const terms = list.trim() === "" ? [] : splitList(list);
      for (const term of terms) {
        const value = evaluateTerm(term, imports);
        stdout += value.text;
        durationMs += value.costMs;
      }
      if (options.lineEndings) stdout += "\n";
    }
  } catch (e) {
    if (!(e instanceof PerlError)) throw e;
    const compileError = e.message.startsWith("syntax error");
    const stderr = `${e.message}
${compileError ? "Execution of -e aborted due to compilation errors.\n" : ""}`;
    return { stdout: compileError ? "" : stdout, stderr, exitCode: 255, durationMs };
  }
  return { stdout, stderr: "", exitCode: 0, durationMs };
}

// src/images/shell/tokenize.ts
var ShellSyntaxError = class extends Error {
};
var OPERATORS = ["&&", "||", ";;", ";", "&", "|", "(", ")", "\n"];
function tokenizeScript(script) {
  const tokens = [];
  let i = 0;
  while (i < script.length) {
    const ch = script[i];
    if (ch === " " || ch === "	") {
      i++;
      continue;
    }
    const redirection = /^(\d?)(>>|>&|<&|>|<)/.exec(script.slice(i));
    if (redirection) {
      tokens.push({ kind: "op", text: redirection[0] });
      i += redirection[0].length;
      continue;
    }
    if (ch === "\\" && script[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (ch === "#") {
      while (i < script.length && script[i] !== "\n") i++;
      continue;
    }
    const op = OPERATORS.find((o) => script.startsWith(o, i));
    if (op) {
      tokens.push({ kind: "op", text: op });
      i += op.length;
      continue;
    }
    const start = i;
    i = scanWord(script, i);
    tokens.push({ kind: "word", text: script.slice(start, i) });
  }
  return tokens;
}
function scanWord(s, i) {
  while (i < s.length) {
    const ch = s[i];
    if (" 	\n;&|()<>".includes(ch)) return i;
    if (ch === "\\") {
      i += 2;
      continue;
    }
    if (ch === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError("unterminated quoted string");
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i = skipDoubleQuoted(s, i);
      continue;
    }
    if (ch === "$" && s[i + 1] === "(") {
      i = skipParens(s, i + 1);
      continue;
    }
    if (ch === "`") {
      const end = s.indexOf("`", i + 1);
      if (end < 0) throw new ShellSyntaxError("unterminated quoted string");
      i = end + 1;
      continue;
    }
    i++;
  }
  return i;
}
function skipDoubleQuoted(s, i) {
  i++;
  while (i < s.length && s[i] !== '"') {
    if (s[i] === "\\") i += 2;
    else if (s[i] === "$" && s[i + 1] === "(") i = skipParens(s, i + 1);
    else i++;
  }
  if (i >= s.length) throw new ShellSyntaxError("unterminated quoted string");
  return i + 1;
}
function skipParens(s, i) {
  let depth = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth === 0) return i + 1;
    } else if (ch === "'") {
      const end = s.indexOf("'", i + 1);
      i = end < 0 ? s.length : end;
    } else if (ch === '"') {
      i = skipDoubleQuoted(s, i) - 1;
    } else if (ch === "\\") i++;
    i++;
  }
  throw new ShellSyntaxError('unexpected end of file (expecting ")")');
}

// src/images/shell/parse.ts
var TERMINATORS = /* @__PURE__ */ new Set(["do", "done", "then", "fi", "else", "elif", "}", ")", "esac"]);
var Parser = class {
  constructor(tokens) {
    this.tokens = tokens;
  }
  tokens;
  pos = 0;
  parseScript() {
    const node = this.parseList();
    const next = this.peek();
    if (next) throw this.unexpected(next.text);
    return node;
  }
  peek() {
    return this.tokens[this.pos];
  }
  isOp(text) {
    const t = this.peek();
    return t !== void 0 && t.kind === "op" && t.text === text;
  }
  isWord(text) {
    const t = this.peek();
    return t !== void 0 && t.kind === "word" && t.text === text;
  }
  skipNewlines() {
    while (this.isOp("\n")) this.pos++;
  }
  unexpected(text) {
    return new ShellSyntaxError(text === "\n" ? "unexpected newline" : `unexpected "${text}"`);
  }
  expectWord(text) {
    this.skipNewlines();
    const t = this.peek();
    if (!t || t.kind !== "word" || t.text !== text) {
      throw t ? this.unexpected(t.text) : new ShellSyntaxError(`unexpected end of file (expecting "${text}")`);
    }
    this.pos++;
  }
  /** Parses and-or lists separated by `;`, `&` or newlines until a reserved word or `)`. */
  parseList() {
    const items = [];
    for (; ; ) {
      this.skipNewlines();
      const t = this.peek();
      if (!t || t.kind === "word" && TERMINATORS.has(t.text) || t.kind === "op" && t.text === ")") break;
      const node = this.parseAndOr();
      let background = false;
      if (this.isOp("&")) {
        background = true;
        this.pos++;
      } else if (this.isOp(";")) this.pos++;
      else if (!this.isOp("\n") && this.peek() && !this.atTerminator()) throw this.unexpected(this.peek().text);
      items.push({ node, background });
    }
    if (items.length === 0) {
      const t = this.peek();
      throw t ? this.unexpected(t.text) : new ShellSyntaxError("unexpected end of file");
    }
    return { type: "list", items };
  }
  atTerminator() {
    const t = this.peek();
    return t !== void 0 && (t.kind === "word" && TERMINATORS.has(t.text) || t.kind === "op" && t.text === ")");
  }
  parseAndOr() {
    const first = this.parsePipeline();
    const rest = [];
    while (this.isOp("&&") || this.isOp("||")) {
      const op = this.peek().text;
      this.pos++;
      this.skipNewlines();
      rest.push({ op, node: this.parsePipeline() });
    }
    return rest.length === 0 ? first : { type: "and-or", first, rest };
  }
  parsePipeline() {
    let negate = false;
    if (this.isWord("!")) {
      negate = true;
      this.pos++;
    }
    const commands = [this.parseCommand()];
    while (this.isOp("|")) {
      this.pos++;
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return commands.length === 1 && !negate ? commands[0] : { type: "pipeline", commands, negate };
  }
  parseCommand() {
    const t = this.peek();
    if (!t) throw new ShellSyntaxError("unexpected end of file");
    if (t.kind === "op") {
      if (t.text !== "(") throw this.unexpected(t.text);
      this.pos++;
      const body = this.parseList();
      if (!this.isOp(")")) throw new ShellSyntaxError('unexpected end of file (expecting ")")');
      this.pos++;
      return { type: "group", body, subshell: true };
    }
    switch (t.text) {
      case "while":
      case "until": {
        this.pos++;
        const condition = this.parseList();
        this.expectWord("do");
        const body = this.parseList();
        this.expectWord("done");
        return { type: "loop", until: t.text === "until", condition, body };
      }
      case "for":
        return this.parseFor();
      case "if":
        return this.parseIf();
      case "{": {
        this.pos++;
        const body = this.parseList();
        this.expectWord("}");
        return { type: "group", body, subshell: false };
      }
    }
    if (TERMINATORS.has(t.text)) throw this.unexpected(t.text);
    return this.parseSimple();
  }
  parseFor() {
    this.pos++;
    const name = this.peek();
    if (!name || name.kind !== "word" || !/^[A-Za-z_]\w*$/.test(name.text)) {
      throw new ShellSyntaxError(`bad for loop variable`);
    }
    this.pos++;
    const values = [];
    if (this.isWord("in")) {
      this.pos++;
      while (this.peek()?.kind === "word") values.push(this.tokens[this.pos++].text);
    }
    if (this.isOp(";")) this.pos++;
    this.expectWord("do");
    const body = this.parseList();
    this.expectWord("done");
    return { type: "for", variable: name.text, values, body };
  }
  parseIf() {
    this.pos++;
    const branches = [];
    let otherwise;
    for (; ; ) {
      const condition = this.parseList();
      this.expectWord("then");
      branches.push({ condition, body: this.parseList() });
      this.skipNewlines();
      if (this.isWord("elif")) {
        this.pos++;
        continue;
      }
      if (this.isWord("else")) {
        this.pos++;
        otherwise = this.parseList();
      }
      this.expectWord("fi");
      break;
    }
    return { type: "if", branches, otherwise };
  }
  parseSimple() {
    const assignments = [];
    const words = [];
    const redirections = [];
    for (; ; ) {
      const t = this.peek();
      if (t?.kind === "op" && /[<>]/.test(t.text)) {
        this.pos++;
        redirections.push(this.parseRedirection(t.text));
        continue;
      }
      if (t?.kind !== "word") break;
      const text = this.tokens[this.pos++].text;
      const m = /^([A-Za-z_]\w*)=/.exec(text);
      if (m && words.length === 0) assignments.push({ name: m[1], value: text.slice(m[0].length) });
      else words.push(text);
    }
    return { type: "simple", assignments, words, redirections };
  }
  parseRedirection(text) {
    const m = /^(\d?)(.*)$/.exec(text);
    const operator = m[2] === "<&" ? ">&" : m[2];
    let fd = operator === "<" ? 0 : 1;
    if (m[1] !== "") fd = Number(m[1]);
    const target = this.peek();
    if (target?.kind !== "word") throw target ? this.unexpected(target.text) : new ShellSyntaxError("unexpected newline");
    this.pos++;
    return { fd, op: operator, target: target.text };
  }
};
function parseScript(script) {
  return new Parser(tokenizeScript(script)).parseScript();
}

// src/images/shell/expand.ts
function expandWords(state, words) {
  const out = [];
  for (const word of words) out.push(...splitFields(expandPieces(state, word)));
  return out;
}
function expandWord(state, word) {
  return expandPieces(state, word).map((p) => p.text).join("");
}
function splitFields(pieces) {
  const fields = [];
  let current = "";
  let hasField = false;
  for (const piece of pieces) {
    if (piece.quoted) {
      current += piece.text;
      hasField = true;
      continue;
    }
    const parts = piece.text.split(/[ \t\n]+/);
    parts.forEach((part, i) => {
      if (i > 0 && hasField) {
        fields.push(current);
        current = "";
        hasField = false;
      }
      if (part !== "") {
        current += part;
        hasField = true;
      }
    });
  }
  if (hasField) fields.push(current);
  return fields;
}
function expandPieces(state, word) {
  const pieces = [];
  let i = 0;
  while (i < word.length) {
    const ch = word[i];
    if (ch === "'") {
      const end = word.indexOf("'", i + 1);
      pieces.push({ text: word.slice(i + 1, end), quoted: true });
      i = end + 1;
    } else if (ch === '"') {
      i = expandDoubleQuoted(state, word, i + 1, pieces);
    } else if (ch === "\\") {
      pieces.push({ text: word[i + 1] ?? "", quoted: true });
      i += 2;
    } else if (ch === "$" || ch === "`") {
      const { text, next } = expandDollar(state, word, i);
      pieces.push({ text, quoted: false });
      i = next;
    } else {
      pieces.push({ text: ch, quoted: true });
      i++;
    }
  }
  return pieces;
}
function expandDoubleQuoted(state, word, i, pieces) {
  let text = "";
  while (i < word.length && word[i] !== '"') {
    const ch = word[i];
    if (ch === "\\" && '$`"\\\n'.includes(word[i + 1] ?? "")) {
      text += word[i + 1];
      i += 2;
    } else if (ch === "$" || ch === "`") {
      const expansion = expandDollar(state, word, i);
      text += expansion.text;
      i = expansion.next;
    } else {
      text += ch;
      i++;
    }
  }
  pieces.push({ text, quoted: true });
  return i + 1;
}
function expandDollar(state, word, i) {
  if (word[i] === "`") {
    const end = word.indexOf("`", i + 1);
    return { text: substituteCommand(state, word.slice(i + 1, end)), next: end + 1 };
  }
  const next = word[i + 1];
  if (word.startsWith("$((", i)) {
    const end = skipParens(word, i + 1);
    const expression = expandWord(state, word.slice(i + 3, end - 2));
    return { text: String(evaluateArithmetic(state, expression)), next: end };
  }
  if (next === "(") {
    const end = skipParens(word, i + 1);
    return { text: substituteCommand(state, word.slice(i + 2, end - 1)), next: end };
  }
  if (next === "{") {
    const end = word.indexOf("}", i + 2);
    if (end < 0) throw new ShellSyntaxError("bad substitution");
    return { text: expandBraced(state, word.slice(i + 2, end)), next: end + 1 };
  }
  if (next !== void 0 && /[?$#!@*\d-]/.test(next)) {
    return { text: specialParameter(state, next), next: i + 2 };
  }
  const m = /^[A-Za-z_]\w*/.exec(word.slice(i + 1));
  if (!m) return { text: "$", next: i + 1 };
  return { text: state.vars.get(m[0]) ?? "", next: i + 1 + m[0].length };
}
function specialParameter(state, name) {
  if (/^\d$/.test(name)) return state.positional[Number(name)] ?? "";
  switch (name) {
    case "?":
      return String(state.status);
    case "$":
      return "1";
    case "#":
      return String(state.positional.length - 1);
    // NOTE: "$@" joins the parameters into one field instead of keeping one field each.
    case "@":
    case "*":
      return state.positional.slice(1).join(" ");
    default:
      return "";
  }
}
function expandBraced(state, inner) {
  if (inner.startsWith("#") && inner.length > 1) return String((state.vars.get(inner.slice(1)) ?? "").length);
  const m = /^([A-Za-z_]\w*|[?$#!@*\d])(?:(:?)([-=+])(.*))?$/.exec(inner);
  if (!m) throw new ShellSyntaxError("bad substitution");
  const [, name, colon, op, operand] = m;
  const special = /^[?$#!@*\d]$/.test(name);
  const value = special ? specialParameter(state, name) : state.vars.get(name);
  const unset = value === void 0 || colon === ":" && value === "";
  if (op === void 0) return value ?? "";
  const word = expandWord(state, operand ?? "");
  if (op === "-") return unset ? word : value;
  if (op === "+") return unset ? "" : word;
  if (unset) state.vars.set(name, word);
  return unset ? word : value;
}
function substituteCommand(state, script) {
  if (script.trim() === "") return "";
  const node = parseScript(script);
  state.substitutions++;
  const output = state.capture(() => {
    state.status = runInSubshell(state, () => executeNode(state, node));
  });
  return output.replace(/\n+$/, "");
}
function evaluateArithmetic(state, expression) {
  const tokens = expression.match(/\d+|[A-Za-z_]\w*|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  let pos = 0;
  const value = (name) => Math.trunc(Number(state.vars.get(name) ?? 0)) || 0;
  const primary = () => {
    const t = tokens[pos++];
    if (t === "(") {
      const v = binary(0);
      pos++;
      return v;
    }
    if (t === "-") return -primary();
    if (t === "+") return primary();
    if (t === "!") return primary() === 0 ? 1 : 0;
    if (t === void 0) return 0;
    return /^\d/.test(t) ? Number(t) : value(t);
  };
  const levels = [["||"], ["&&"], ["==", "!="], ["<", ">", "<=", ">="], ["+", "-"], ["*", "/", "%"]];
  const apply = (op, a, b) => {
    switch (op) {
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      case "/":
      case "%":
        if (b === 0) {
          state.error("arithmetic syntax error: divide by zero");
          return 0;
        }
        return op === "/" ? Math.trunc(a / b) : a % b;
      case "<":
        return Number(a < b);
      case ">":
        return Number(a > b);
      case "<=":
        return Number(a <= b);
      case ">=":
        return Number(a >= b);
      case "==":
        return Number(a === b);
      case "!=":
        return Number(a !== b);
      case "&&":
        return Number(a !== 0 && b !== 0);
      default:
        return Number(a !== 0 || b !== 0);
    }
  };
  const binary = (level) => {
    if (level === levels.length) return primary();
    let left = binary(level + 1);
    while (pos < tokens.length && levels[level].includes(tokens[pos])) {
      const op = tokens[pos++];
      left = apply(op, left, binary(level + 1));
    }
    return left;
  };
  return binary(0);
}

// src/images/shell/date-format.ts
var BUSYBOX_DATE_FORMAT = "%a %b %e %H:%M:%S %Z %Y";
var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
var FULL_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
var FULL_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
];
function parseSimpleZone(tz) {
  const m = /^([A-Za-z]{3,})([+-]?)(\d{1,2})(?::(\d{2}))?$/.exec(tz ?? "");
  if (!m) return { name: "UTC", offsetMinutes: 0 };
  const minutes = Number(m[3]) * 60 + Number(m[4] ?? 0);
  return { name: m[1], offsetMinutes: m[2] === "-" ? minutes : -minutes };
}
var pad = (n, width = 2, fill = "0") => String(n).padStart(width, fill);
function formatDate(epochMs, format, zone) {
  const d = new Date(epochMs + zone.offsetMinutes * 6e4);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const day = d.getUTCDate();
  const hours = d.getUTCHours();
  const startOfYear = Date.UTC(year, 0, 1);
  const dayOfYear = Math.floor((d.getTime() - startOfYear) / 864e5) + 1;
  const offsetSign = zone.offsetMinutes < 0 ? "-" : "+";
  const offsetAbs = Math.abs(zone.offsetMinutes);
  const conversions = {
    a: () => DAYS[d.getUTCDay()],
    A: () => FULL_DAYS[d.getUTCDay()],
    b: () => MONTHS[month],
    h: () => MONTHS[month],
    B: () => FULL_MONTHS[month],
    d: () => pad(day),
    e: () => pad(day, 2, " "),
    H: () => pad(hours),
    I: () => pad(hours % 12 === 0 ? 12 : hours % 12),
    M: () => pad(d.getUTCMinutes()),
    S: () => pad(d.getUTCSeconds()),
    N: () => pad(epochMs % 1e3 * 1e6, 9),
    p: () => hours < 12 ? "AM" : "PM",
    y: () => pad(year % 100),
    Y: () => String(year),
    m: () => pad(month + 1),
    j: () => pad(dayOfYear, 3),
    u: () => String(d.getUTCDay() === 0 ? 7 : d.getUTCDay()),
    w: () => String(d.getUTCDay()),
    Z: () => zone.name,
    z: () => `${offsetSign}${pad(Math.floor(offsetAbs / 60))}${pad(offsetAbs % 60)}`,
    s: () => String(Math.floor(epochMs / 1e3)),
    T: () => `${pad(hours)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    R: () => `${pad(hours)}:${pad(d.getUTCMinutes())}`,
    D: () => `${pad(month + 1)}/${pad(day)}/${pad(year % 100)}`,
    F: () => `${year}-${pad(month + 1)}-${pad(day)}`,
    n: () => "\n",
    t: () => "	",
    "%": () => "%"
  };
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== "%" || i + 1 >= format.length) {
      out += ch;
      continue;
    }
    const conversion = conversions[format[i + 1]];
    out += conversion ? conversion() : `%${format[i + 1]}`;
    i++;
  }
  return out;
}

// src/images/shell/commands.ts
function parseSleepDuration(operand) {
  if (operand === "inf" || operand === "infinity") return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(operand);
  if (!m) return NaN;
  const unit = { "": 1e3, s: 1e3, m: 6e4, h: 36e5, d: 864e5 }[m[2]];
  return Math.round(Number(m[1]) * unit);
}
function interpretEscapes(text) {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "\\" || i + 1 >= text.length) {
      out += text[i];
      continue;
    }
    const next = text[++i];
    const simple = { n: "\n", t: "	", "\\": "\\", a: "\x07", b: "\b", r: "\r", v: "\v", f: "\f", e: "\x1B" };
    if (next === "c") return { text: out, stop: true };
    if (simple[next] !== void 0) out += simple[next];
    else if (next === "0") {
      const m = /^[0-7]{0,3}/.exec(text.slice(i + 1))[0];
      out += String.fromCharCode(parseInt(m || "0", 8));
      i += m.length;
    } else out += `\\${next}`;
  }
  return { text: out, stop: false };
}
function echo(state, args) {
  let newline = true;
  let escapes = state.world.dialect === "dash";
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    if (state.world.dialect === "dash" && args[i] !== "-n") break;
    for (const flag of args[i].slice(1)) {
      if (flag === "n") newline = false;
      else escapes = flag === "e";
    }
  }
  let text = args.slice(i).join(" ");
  if (escapes) {
    const result = interpretEscapes(text);
    text = result.text;
    if (result.stop) newline = false;
  }
  state.write("stdout", newline ? `${text}
` : text);
  return 0;
}
function printf(state, args) {
  if (args.length === 0) {
    state.write("stderr", "printf: usage: printf FORMAT [ARGUMENT...]\n");
    return 1;
  }
  const [format, ...values] = args;
  let index = 0;
  do {
    const out = format.replace(/%([-0]?\d*)([sdiu%xc])/g, (_, width, conv) => {
      if (conv === "%") return "%";
      const value = values[index++] ?? "";
      let text = conv === "s" || conv === "c" ? conv === "c" ? value.slice(0, 1) : value : conv === "x" ? (Math.trunc(Number(value)) || 0).toString(16) : String(Math.trunc(Number(value)) || 0);
      const w = Number(width.replace(/^[-0]/, "")) || 0;
      if (width.startsWith("-")) text = text.padEnd(w);
      else text = text.padStart(w, width.startsWith("0") ? "0" : " ");
      return text;
    });
    state.write("stdout", interpretEscapes(out).text);
  } while (index > 0 && index < values.length);
  return 0;
}
function date(state, args) {
  let format = BUSYBOX_DATE_FORMAT;
  let utc = false;
  for (const arg of args) {
    if (arg === "-u" || arg === "--utc") utc = true;
    else if (arg.startsWith("+")) format = arg.slice(1);
    else {
      state.write("stderr", `date: invalid date '${arg}'
`);
      return 1;
    }
  }
  const zone = utc ? parseSimpleZone("UTC") : parseSimpleZone(state.vars.get("TZ"));
  state.write("stdout", `${formatDate(state.world.startedAt + state.elapsedMs, format, zone)}
`);
  return 0;
}
function sleep(state, args) {
  if (args.length === 0) {
    state.write("stderr", "Usage: sleep [N]...\n");
    return 1;
  }
  let total = 0;
  for (const arg of args) {
    const ms = parseSleepDuration(arg);
    if (Number.isNaN(ms)) {
      state.write("stderr", `sleep: invalid number '${arg}'
`);
      return 1;
    }
    total += ms;
  }
  state.sleep(total);
  return 0;
}
function readFile(state, path) {
  const { hostname, podIP } = state.world;
  const absolute = path.startsWith("/") ? path : `/${path}`;
  const written = state.files.get(absolute);
  if (written !== void 0) return written;
  switch (absolute) {
    case "/etc/hostname":
      return `${hostname}
`;
    case "/etc/resolv.conf":
      return `search ${state.world.namespace}.svc.cluster.local svc.cluster.local cluster.local
nameserver 10.96.0.10
options ndots:5
`;
    case "/etc/hosts":
      return `# Kubernetes-managed hosts file.
127.0.0.1	localhost
::1	localhost ip6-localhost ip6-loopback
fe00::0	ip6-localnet
fe00::0	ip6-mcastprefix
fe00::1	ip6-allnodes
fe00::2	ip6-allrouters
${podIP}	${hostname}
`;
    default:
      return void 0;
  }
}
function cat(state, args) {
  if (args.length === 0 || args.length === 1 && args[0] === "-") {
    state.write("stdout", state.stdin);
    return 0;
  }
  let status = 0;
  for (const path of args) {
    const content = readFile(state, path);
    if (content === void 0) {
      state.write("stderr", `cat: can't open '${path}': No such file or directory
`);
      status = 1;
    } else state.write("stdout", content);
  }
  return status;
}
function env(state, args) {
  if (args.length > 0) return printenv(state, args);
  for (const [name, value] of state.vars) state.write("stdout", `${name}=${value}
`);
  return 0;
}
function printenv(state, args) {
  if (args.length === 0) return env(state, []);
  let status = 0;
  for (const name of args) {
    const value = state.vars.get(name);
    if (value === void 0) status = 1;
    else state.write("stdout", `${value}
`);
  }
  return status;
}
function test(state, args) {
  const ok = (v) => v ? 0 : 1;
  const [a, op, b] = args;
  if (args.length === 0) return 1;
  if (args[0] === "!") return test(state, args.slice(1)) === 0 ? 1 : 0;
  if (args.length === 1) return ok(a !== "");
  if (args.length === 2) {
    if (a === "-z") return ok(op === "");
    if (a === "-n") return ok(op !== "");
    if (a === "-e" || a === "-f" || a === "-r") return ok(readFile(state, op) !== void 0);
    if (a === "-d") return ok(["/", "/etc", "/tmp", "/root"].includes(op));
  }
  const x = Number(a);
  const y = Number(b);
  switch (op) {
    case "=":
    case "==":
      return ok(a === b);
    case "!=":
      return ok(a !== b);
    case "-eq":
      return ok(x === y);
    case "-ne":
      return ok(x !== y);
    case "-lt":
      return ok(x < y);
    case "-le":
      return ok(x <= y);
    case "-gt":
      return ok(x > y);
    case "-ge":
      return ok(x >= y);
  }
  state.write("stderr", `sh: ${op ?? a}: unknown operand
`);
  return 2;
}
var COMMANDS = {
  echo,
  printf,
  date,
  sleep,
  cat,
  env,
  printenv,
  test,
  "[": (state, args) => {
    if (args[args.length - 1] !== "]") {
      state.write("stderr", "sh: missing ]\n");
      return 2;
    }
    return test(state, args.slice(0, -1));
  },
  true: () => 0,
  false: () => 1,
  ":": () => 0,
  hostname: (state) => {
    state.write("stdout", `${state.world.hostname}
`);
    return 0;
  },
  exit: (state, args) => {
    if (args.length === 0) throw new ExitRequest(state.status);
    if (!/^\d+$/.test(args[0])) {
      state.error(`exit: Illegal number: ${args[0]}`);
      throw new ExitRequest(2);
    }
    throw new ExitRequest(Number(args[0]));
  },
  export: (state, args) => {
    for (const arg of args) {
      const eq = arg.indexOf("=");
      if (eq > 0) state.vars.set(arg.slice(0, eq), arg.slice(eq + 1));
    }
    return 0;
  },
  unset: (state, args) => {
    for (const name of args) state.vars.delete(name);
    return 0;
  },
  wc: (state, args) => {
    const lines = state.stdin.split("\n").length - 1;
    state.write("stdout", args.includes("-l") ? `${lines}
` : `${lines} ${state.stdin.split(/\s+/).filter(Boolean).length} ${state.stdin.length}
`);
    return 0;
  },
  whoami: (state) => {
    state.write("stdout", "root\n");
    return 0;
  },
  pwd: (state) => {
    state.write("stdout", "/\n");
    return 0;
  },
  // Simplified: there is no real process to replace, so `exec cmd` runs cmd and exits with its status.
  exec: (state, args) => {
    if (args.length === 0) return 0;
    throw new ExitRequest(runCommand(state, args));
  },
  trap: () => 0,
  wait: () => 0
};
var SHELL_COMMANDS = Object.keys(COMMANDS);
function runCommand(state, argv) {
  const name = argv[0].replace(/^\/(usr\/)?s?bin\//, "");
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : void 0;
  if (!command) {
    state.error(`${argv[0]}: not found`);
    return 127;
  }
  return command(state, argv.slice(1));
}

// src/images/shell/redirect.ts
function applyRedirections(state, redirections) {
  for (const r of redirections) {
    const target = expandWord(state, r.target);
    if (r.op === "<") {
      const content = target === "/dev/null" ? "" : readFile(state, target);
      if (content === void 0) {
        state.error(`can't open ${target}: no such file`);
        return false;
      }
      state.stdin = content;
      continue;
    }
    if (r.fd !== 1 && r.fd !== 2) continue;
    if (r.op === ">&") {
      if (target === "1" || target === "2") state.fds = { ...state.fds, [r.fd]: state.fds[Number(target)] };
      continue;
    }
    let opened;
    if (target === "/dev/null") opened = { type: "null" };
    else if (target === "/dev/stdout" || target === "/proc/1/fd/1") opened = state.fds[1];
    else if (target === "/dev/stderr" || target === "/proc/1/fd/2") opened = state.fds[2];
    else {
      const path = target.startsWith("/") ? target : `/${target}`;
      if (r.op === ">") state.files.set(path, "");
      opened = { type: "file", path };
    }
    state.fds = { ...state.fds, [r.fd]: opened };
  }
  return true;
}

// src/images/shell/run.ts
var SHELL_HORIZON_MS = 24 * 60 * 60 * 1e3;
var SHELL_MAX_LINES = 1e4;
var SHELL_MAX_STEPS = 2e5;
var ExitRequest = class {
  constructor(code) {
    this.code = code;
  }
  code;
};
var HorizonReached = class {
};
var ShellState2 = class {
  constructor(vars, world) {
    this.vars = vars;
    this.world = world;
  }
  vars;
  world;
  elapsedMs = 0;
  status = 0;
  steps = 0;
  /** Count of command substitutions run, so an assignment-only command can return the last one's status. */
  substitutions = 0;
  stdin = "";
  /** `$0` followed by the positional parameters `$1`, `$2`, …. */
  positional = ["sh"];
  lines = [];
  /** Files the script wrote, by absolute path. */
  files = /* @__PURE__ */ new Map();
  /** Targets of descriptors 1 and 2. */
  fds = { 1: { type: "log", stream: "stdout" }, 2: { type: "log", stream: "stderr" } };
  partial = { stdout: "", stderr: "" };
  /** Writes text to descriptor 1 (`stdout`) or 2 (`stderr`), splitting log output into timestamped lines. */
  write(stream, text) {
    const target = this.fds[stream === "stdout" ? 1 : 2];
    switch (target.type) {
      case "null":
        return;
      case "capture":
        target.buffer.text += text;
        return;
      case "file":
        this.files.set(target.path, (this.files.get(target.path) ?? "") + text);
        return;
      case "log":
        this.writeLog(target.stream, text);
    }
  }
  writeLog(stream, text) {
    const parts = (this.partial[stream] + text).split("\n");
    this.partial[stream] = parts.pop() ?? "";
    for (const line of parts) {
      this.lines.push({ atMs: this.elapsedMs, stream, line });
      if (this.lines.length >= (this.world.maxLines ?? SHELL_MAX_LINES)) throw new HorizonReached();
    }
  }
  /** Writes `sh: …` style diagnostics, with the line number dash adds. */
  error(message) {
    this.write("stderr", this.world.dialect === "dash" ? `sh: 1: ${message}
` : `sh: ${message}
`);
  }
  /** Emits unterminated output as a last line, as a log reader shows it after the process exits. */
  flush() {
    for (const stream of ["stdout", "stderr"]) {
      if (this.partial[stream] !== "") {
        this.lines.push({ atMs: this.elapsedMs, stream, line: this.partial[stream] });
        this.partial[stream] = "";
      }
    }
  }
  /** Runs `fn` with descriptor 1 redirected to `target`, restoring it afterwards. */
  withStdout(target, fn) {
    const saved = this.fds;
    this.fds = { ...saved, 1: target };
    try {
      return fn();
    } finally {
      this.fds = saved;
    }
  }
  /** Runs `fn` with stdout captured and returns what it wrote. */
  capture(fn) {
    const buffer = { text: "" };
    this.withStdout({ type: "capture", buffer }, fn);
    return buffer.text;
  }
  /** Advances simulated time, stopping at the horizon. */
  sleep(ms) {
    const horizonMs = this.world.horizonMs ?? SHELL_HORIZON_MS;
    if (this.elapsedMs + ms > horizonMs) {
      this.elapsedMs = horizonMs;
      throw new HorizonReached();
    }
    this.elapsedMs += ms;
  }
  countStep() {
    if (++this.steps > SHELL_MAX_STEPS) throw new HorizonReached();
  }
};
function runInSubshell(state, fn) {
  const saved = new Map(state.vars);
  try {
    return fn();
  } catch (e) {
    if (e instanceof ExitRequest) return e.code & 255;
    throw e;
  } finally {
    state.vars.clear();
    for (const [name, value] of saved) state.vars.set(name, value);
  }
}
function executeNode(state, node) {
  switch (node.type) {
    case "list": {
      for (const item of node.items) state.status = executeNode(state, item.node);
      return state.status;
    }
    case "and-or": {
      let status = executeNode(state, node.first);
      for (const { op, node: next } of node.rest) {
        if (op === "&&" === (status === 0)) status = executeNode(state, next);
      }
      return state.status = status;
    }
    case "pipeline":
      return state.status = executePipeline(state, node.commands, node.negate);
    case "group":
      if (!node.subshell) return executeNode(state, node.body);
      return state.status = runInSubshell(state, () => executeNode(state, node.body));
    case "loop": {
      let status = 0;
      for (; ; ) {
        state.countStep();
        const conditionStatus = executeNode(state, node.condition);
        if (conditionStatus === 0 === node.until) break;
        status = executeNode(state, node.body);
      }
      return state.status = status;
    }
    case "for": {
      let status = 0;
      for (const value of expandWords(state, node.values)) {
        state.vars.set(node.variable, value);
        status = executeNode(state, node.body);
      }
      return state.status = status;
    }
    case "if": {
      for (const branch of node.branches) {
        if (executeNode(state, branch.condition) === 0) return executeNode(state, branch.body);
      }
      return state.status = node.otherwise ? executeNode(state, node.otherwise) : 0;
    }
    case "simple":
      return state.status = executeSimple(state, node);
  }
}
function executeSimple(state, node) {
  state.countStep();
  const substitutionsBefore = state.substitutions;
  const argv = expandWords(state, node.words);
  const values = node.assignments.map((a) => ({ name: a.name, value: expandWord(state, a.value) }));
  if (argv.length === 0) {
    for (const { name, value } of values) state.vars.set(name, value);
    return state.substitutions === substitutionsBefore ? 0 : state.status;
  }
  const saved = values.map(({ name }) => ({ name, value: state.vars.get(name) }));
  for (const { name, value } of values) state.vars.set(name, value);
  const savedFds = state.fds;
  const savedStdin = state.stdin;
  try {
    if (!applyRedirections(state, node.redirections)) return 1;
    return runCommand(state, argv);
  } finally {
    state.fds = savedFds;
    state.stdin = savedStdin;
    for (const { name, value } of saved) {
      if (value === void 0) state.vars.delete(name);
      else state.vars.set(name, value);
    }
  }
}
function executePipeline(state, commands, negate) {
  let input = state.stdin;
  let status = 0;
  for (let i = 0; i < commands.length; i++) {
    const last = i === commands.length - 1;
    const savedStdin = state.stdin;
    state.stdin = input;
    try {
      const member = commands[i];
      if (last) status = runInSubshell(state, () => executeNode(state, member));
      else input = state.capture(() => {
        status = runInSubshell(state, () => executeNode(state, member));
      });
    } finally {
      state.stdin = savedStdin;
    }
  }
  if (!negate) return status;
  return status === 0 ? 1 : 0;
}
function runScript(script, vars, world, positional = []) {
  const state = new ShellState2(vars, world);
  if (positional.length > 0) state.positional = [...positional];
  return finishRun(state, () => {
    if (script.trim() === "") return;
    executeNode(state, parseScript(script));
  });
}
function runArgv(argv, vars, world) {
  const state = new ShellState2(vars, world);
  return finishRun(state, () => {
    state.status = runCommand(state, argv);
  });
}
function finishRun(state, body) {
  try {
    body();
  } catch (e) {
    if (e instanceof HorizonReached) return { lines: state.lines, endMs: state.elapsedMs };
    if (e instanceof ShellSyntaxError) {
      state.error(`syntax error: ${e.message}`);
      state.status = 2;
    } else if (e instanceof ExitRequest) state.status = e.code;
    else throw e;
  }
  state.flush();
  return { lines: state.lines, exitCode: state.status & 255, endMs: state.elapsedMs };
}

// src/images/program.ts
var SERVER_TERMINATION_MS = 100;
function imageDefaults(info) {
  switch (info.kind) {
    case "busybox":
      return { entrypoint: [], cmd: ["sh"] };
    case "myapp":
      return { entrypoint: [], cmd: ["nginx", "-g", "daemon off;"] };
    case "nginx":
      return { entrypoint: ["/docker-entrypoint.sh"], cmd: ["nginx", "-g", "daemon off;"] };
    case "perl":
      return { entrypoint: [], cmd: [`perl${perlVersion(info)}`, "-de0"] };
    case "generic":
      return { entrypoint: [], cmd: [] };
  }
}
function perlVersion(info) {
  const m = /^(5\.\d+)(?:\.(\d+))?/.exec(info.tag);
  if (!m) return PERL_LATEST;
  return `${m[1]}.${m[2] ?? "0"}`;
}
function buildArgv(spec, defaults) {
  if (spec.command && spec.command.length > 0) return [...spec.command, ...spec.args ?? []];
  return [...defaults.entrypoint, ...spec.args && spec.args.length > 0 ? spec.args : defaults.cmd];
}
function buildEnvironment(spec, ctx) {
  const vars = /* @__PURE__ */ new Map();
  vars.set("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
  vars.set("HOSTNAME", ctx.hostname);
  for (const [name, value] of Object.entries(ctx.env)) vars.set(name, value);
  for (const e of spec.env ?? []) vars.set(e.name, e.value ?? "");
  vars.set("HOME", "/root");
  return vars;
}
function planFromScript(result, ignoresSigterm) {
  const plan = { output: result.lines, ignoresSigterm, terminationMs: 0 };
  if (result.exitCode !== void 0) plan.exit = { atMs: result.endMs, code: result.exitCode };
  return plan;
}
function planServer(serves, output = []) {
  return { output, ignoresSigterm: false, terminationMs: SERVER_TERMINATION_MS, serves };
}
function planStartError(executable) {
  return {
    output: [],
    exit: { atMs: 0, code: 128 },
    ignoresSigterm: false,
    terminationMs: 0,
    startError: `exec: "${executable}": executable file not found in $PATH`
  };
}
function planNginx(argv, info, ctx, entrypoint) {
  const myapp = info.kind === "myapp";
  const version = myapp ? MYAPP_NGINX_VERSION : resolveNginxVersion(info.tag) ?? "1.29.3";
  const output = [];
  if (entrypoint) {
    for (const line of formatEntrypointLines(version)) output.push({ atMs: 0, stream: "stdout", line });
  }
  const daemonOff = argv.some((a) => /daemon\s+off\s*;/.test(a));
  if (!daemonOff) {
    return { output, exit: { atMs: 10, code: 0 }, ignoresSigterm: false, terminationMs: 0 };
  }
  const startMs = output.length > 0 ? 20 : 0;
  for (const line of formatStartNotices(version, ctx.startedAt + startMs)) {
    output.push({ atMs: startMs, stream: "stderr", line });
  }
  const plan = planServer(myapp ? "myapp" : "nginx", output);
  plan.serverVersion = version;
  if (myapp) plan.version = info.tag;
  return plan;
}
function planPerl(argv, info) {
  const result = runPerl(argv.slice(1), perlVersion(info));
  const output = [];
  for (const [stream, text] of [["stdout", result.stdout], ["stderr", result.stderr]]) {
    if (text === "") continue;
    const lines = text.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    for (const line of lines) output.push({ atMs: result.durationMs, stream, line });
  }
  return {
    output,
    exit: { atMs: result.durationMs, code: result.exitCode },
    ignoresSigterm: true,
    terminationMs: 0
  };
}
var SHELLS = /* @__PURE__ */ new Set(["sh", "ash", "bash", "dash"]);
function planContainer(spec, ctx, limits = {}) {
  const info = resolveImage(spec.image);
  const defaults = imageDefaults(info);
  let argv = buildArgv(spec, defaults);
  if (argv.length === 0) return planServer(info.kind === "generic" ? "generic-http" : void 0);
  const dialect = info.kind === "nginx" || info.kind === "perl" ? "dash" : "ash";
  const world = {
    hostname: ctx.hostname,
    podIP: ctx.podIP,
    namespace: ctx.namespace,
    startedAt: ctx.startedAt,
    dialect,
    horizonMs: limits.horizonMs,
    maxLines: limits.maxLines
  };
  const vars = buildEnvironment(spec, ctx);
  let entrypoint = false;
  if (argv[0] === "/docker-entrypoint.sh" && info.kind === "nginx") {
    entrypoint = true;
    argv = argv.slice(1);
    if (argv.length === 0) return planFromScript({ lines: [], exitCode: 0, endMs: 0 }, false);
  }
  const executable = argv[0].split("/").pop() ?? argv[0];
  if ((executable === "nginx" || executable === "nginx-debug") && (info.kind === "nginx" || info.kind === "myapp")) {
    return planNginx(argv, info, ctx, entrypoint);
  }
  if (/^perl(5[\d.]*)?$/.test(executable) && info.kind === "perl") return planPerl(argv, info);
  if (SHELLS.has(executable)) {
    if (executable === "bash" && info.kind === "busybox") return planStartError(argv[0]);
    const c = argv.indexOf("-c");
    if (c < 0) {
      if (argv.length > 1) {
        const message = dialect === "dash" ? `sh: 0: cannot open ${argv[1]}: No such file` : `sh: can't open '${argv[1]}': No such file or directory`;
        return { output: [{ atMs: 0, stream: "stderr", line: message }], exit: { atMs: 0, code: 2 }, ignoresSigterm: true, terminationMs: 0 };
      }
      return { output: [], exit: { atMs: 0, code: 0 }, ignoresSigterm: true, terminationMs: 0 };
    }
    return planFromScript(runScript(argv[c + 1] ?? "", vars, world, argv.slice(c + 2)), true);
  }
  if (SHELL_COMMANDS.includes(executable) && !["exit", "export", "unset", "exec", "trap", "wait", ":"].includes(executable)) {
    return planFromScript(runArgv(argv, vars, world), true);
  }
  if (info.kind === "generic") return planServer("generic-http");
  return planStartError(argv[0]);
}

export {
  resolveImage,
  MYAPP_NGINX_VERSION,
  NGINX_WELCOME_PAGE,
  formatErrorPage,
  planContainer
};
