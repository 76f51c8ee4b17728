import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/printers/go-float.ts
var GoFloat = class {
  constructor(value) {
    this.value = value;
  }
  value;
};
function plainValue(value) {
  return value instanceof GoFloat ? value.value : value;
}
function wrapNumbersAsFloat(value) {
  if (typeof value === "number") return new GoFloat(value);
  if (Array.isArray(value)) return value.map(wrapNumbersAsFloat);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrapNumbersAsFloat(v)]));
  }
  return value;
}

// src/printers/json.ts
function toKubectlJson(obj, opts = {}) {
  return encode(obj ?? null, "", "    ", opts.sortKeys ?? true) + "\n";
}
function toGoJsonCompact(value) {
  return encode(value ?? null, "", "", true);
}
function encode(value, indent, step, sortKeys) {
  if (value === null || value === void 0) return "null";
  if (value instanceof GoFloat) return encode(value.value, indent, step, sortKeys);
  if (typeof value === "string") return quoteGoJsonString(value);
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : "null";
  if (typeof value === "boolean") return String(value);
  const inner = indent + step;
  const open = step ? "\n" : "";
  const separator = step ? ",\n" : ",";
  const close = step ? "\n" + indent : "";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((v) => inner + encode(v, inner, step, sortKeys));
    return "[" + open + items.join(separator) + close + "]";
  }
  const entries = Object.entries(value).filter(([, v]) => v !== void 0);
  if (sortKeys) entries.sort(([a], [b]) => compareUtf8(a, b));
  if (entries.length === 0) return "{}";
  const colon = step ? ": " : ":";
  const members = entries.map(([k, v]) => `${inner}${quoteGoJsonString(k)}${colon}${encode(v, inner, step, sortKeys)}`);
  return "{" + open + members.join(separator) + close + "}";
}
function compareUtf8(a, b) {
  const ac = [...a];
  const bc = [...b];
  for (let i = 0; i < ac.length && i < bc.length; i++) {
    const d = ac[i].codePointAt(0) - bc[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return ac.length - bc.length;
}
var GO_SHORT_ESCAPES = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t",
  "\b": "\\b",
  "\f": "\\f"
};
function quoteGoJsonString(s) {
  let out = '"';
  for (const c of s) {
    const cp = c.codePointAt(0);
    if (GO_SHORT_ESCAPES[c]) out += GO_SHORT_ESCAPES[c];
    else if (cp < 32 || c === "<" || c === ">" || c === "&" || cp === 8232 || cp === 8233) {
      out += "\\u" + cp.toString(16).padStart(4, "0");
    } else out += c;
  }
  return out + '"';
}
function formatGoFloat(f) {
  if (Number.isNaN(f)) return ".nan";
  if (f === Infinity) return ".inf";
  if (f === -Infinity) return "-.inf";
  const [mantissa, expText] = f.toExponential().split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const digits = mantissa.replace("-", "").replace(".", "");
  const negative = f < 0 ? "-" : "";
  if (exp < 0) return `${negative}0.${"0".repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const fraction = digits.slice(exp + 1);
  return negative + intPart + (fraction ? "." + fraction : "");
}

// src/printers/yaml-scalar.ts
var BEST_WIDTH = 80;
var YAML_11_SPECIALS = /* @__PURE__ */ new Set([
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "true",
  "True",
  "TRUE",
  "on",
  "On",
  "ON",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "false",
  "False",
  "FALSE",
  "off",
  "Off",
  "OFF",
  "",
  "~",
  "null",
  "Null",
  "NULL",
  ".nan",
  ".NaN",
  ".NAN",
  ".inf",
  ".Inf",
  ".INF",
  "+.inf",
  "+.Inf",
  "+.INF",
  "-.inf",
  "-.Inf",
  "-.INF",
  "<<"
]);
var DECIMAL_INT = /^[-+]?[0-9]+$/;
var PREFIXED_INT = /^[-+]?0(x[0-9a-fA-F]+|o[0-7]+|b[01]+|[0-7]+)$/;
var YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
var DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
var BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
var TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]| )(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;
function resolvesToNonString(s) {
  if (YAML_11_SPECIALS.has(s)) return true;
  const first = s[0];
  if (first === ".") return DOT_FLOAT.test(s);
  if (!/[-+0-9]/.test(first)) return false;
  if (isTimestamp(s)) return true;
  const plain = s.replaceAll("_", "");
  return DECIMAL_INT.test(plain) || PREFIXED_INT.test(plain) || YAML_STYLE_FLOAT.test(plain);
}
function isTimestamp(s) {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const [, , month, day, hour, minute, second, zone] = m;
  if (hour !== void 0) {
    const separator = s[m[1].length + month.length + day.length + 2];
    if (separator === " " ? zone !== void 0 : zone === void 0) return false;
    if (+hour > 23 || +minute > 59 || +second > 59) return false;
  }
  return +month >= 1 && +month <= 12 && +day >= 1 && +day <= 31;
}
function isPrintable(cp) {
  if (cp === 10) return true;
  if (cp >= 32 && cp <= 126) return true;
  if (cp >= 160 && cp <= 55295) return true;
  return cp >= 57344 && cp <= 65533 && cp !== 65279;
}
var isBreak = (c) => c === "\n" || c === "\r" || c === "\x85" || c === "\u2028" || c === "\u2029";
var isSpace = (c) => c === " ";
var isBlankOrEnd = (c) => c === void 0 || c === " " || c === "	" || isBreak(c);
function analyzeScalar(s) {
  const chars = [...s];
  if (chars.length === 0) {
    return { flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let flowIndicators = false;
  let blockIndicators = false;
  if (s.startsWith("---") || s.startsWith("...")) {
    flowIndicators = true;
    blockIndicators = true;
  }
  let lineBreaks = false, specialCharacters = false;
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
  let breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
  let precededByWhitespace = true;
  chars.forEach((c, i) => {
    const followedByWhitespace = isBlankOrEnd(chars[i + 1]);
    const last = i === chars.length - 1;
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(c)) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (c === "?" || c === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (c === "-" && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (",?[]{}".includes(c)) flowIndicators = true;
      if (c === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (c === "#" && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    if (!isPrintable(c.codePointAt(0))) specialCharacters = true;
    if (isBreak(c)) lineBreaks = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(c);
  });
  const result = { flowPlainAllowed: true, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
  }
  if (trailingSpace) result.blockAllowed = false;
  if (breakSpace) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
    result.blockAllowed = false;
  }
  if (lineBreaks) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
  }
  if (flowIndicators) result.flowPlainAllowed = false;
  if (blockIndicators) result.blockPlainAllowed = false;
  return result;
}
function selectScalarStyle(s, simpleKey) {
  let style;
  if (s.includes("\n")) style = "literal";
  else if (!resolvesToNonString(s) && !BASE60_FLOAT.test(s)) style = "plain";
  else style = "double";
  const analysis = analyzeScalar(s);
  if (style === "plain") {
    if (!analysis.blockPlainAllowed) style = "single";
    if (s.length === 0 && simpleKey) style = "single";
  }
  if (style === "single" && !analysis.singleQuotedAllowed) style = "double";
  if (style === "literal" && (!analysis.blockAllowed || simpleKey)) style = "double";
  return style;
}

// src/printers/yaml-sort.ts
var isLetter = (c) => new RegExp("\\p{L}", "u").test(c);
var isDigit = (c) => c !== void 0 && c >= "0" && c <= "9";
function compareYamlKeys(a, b) {
  if (a === b) return 0;
  return yamlKeyLess(a, b) ? -1 : 1;
}
function yamlKeyLess(a, b) {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const aLetter = isLetter(ar[i]);
    const bLetter = isLetter(br[i]);
    if (aLetter && bLetter) return ar[i].codePointAt(0) < br[i].codePointAt(0);
    if (aLetter || bLetter) return bLetter;
    let an = 0;
    let bn = 0;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0) < br[i].codePointAt(0);
  }
  return ar.length < br.length;
}

// src/printers/yaml.ts
var BEST_INDENT = 2;
function toKubectlYaml(obj) {
  const w = new YamlWriter();
  w.node(JSON.parse(JSON.stringify(obj ?? null)), -1, "document");
  return w.finish();
}
var YamlWriter = class {
  out = "";
  column = 0;
  /** True when only indentation has been written on the current line. */
  indention = true;
  /** True when the last character written is whitespace. */
  whitespace = true;
  /** Ends the document the way the emitter does: on a fresh line. */
  finish() {
    if (!this.indention || this.column > 0) this.newline();
    return this.out;
  }
  node(value, indent, context) {
    if (Array.isArray(value)) {
      if (value.length === 0) return this.indicator("[]", true);
      const indentless = context === "mapping-value" && !this.indention;
      const seqIndent = indentless ? indent : increase(indent);
      for (const item of value) {
        this.writeIndent(seqIndent);
        this.indicator("-", true, true);
        this.node(item, seqIndent, "sequence-item");
      }
      return;
    }
    if (value !== null && typeof value === "object") {
      const keys = Object.keys(value).sort(compareYamlKeys);
      if (keys.length === 0) return this.indicator("{}", true);
      const mapIndent = increase(indent);
      for (const key of keys) {
        this.writeIndent(mapIndent);
        if (isSimpleKey(key)) {
          this.scalar(key, mapIndent, true);
          this.indicator(":", false);
        } else {
          this.indicator("?", true, true);
          this.scalar(key, mapIndent, false);
          this.writeIndent(mapIndent);
          this.indicator(":", true, true);
        }
        this.node(value[key], mapIndent, "mapping-value");
      }
      return;
    }
    this.scalar(value, indent, false);
  }
  scalar(value, indent, simpleKey) {
    let scalarIndent = indent + BEST_INDENT;
    if (indent < 0) scalarIndent = BEST_INDENT;
    else if (simpleKey) scalarIndent = indent;
    if (typeof value !== "string") return this.plain(formatNonString(value), scalarIndent, false);
    switch (selectScalarStyle(value, simpleKey)) {
      case "plain":
        return this.plain(value, scalarIndent, !simpleKey);
      case "single":
        return this.singleQuoted(value, scalarIndent, !simpleKey);
      case "double":
        return this.doubleQuoted(value, scalarIndent, !simpleKey);
      case "literal":
        return this.literal(value, scalarIndent);
    }
  }
  plain(s, indent, allowBreaks) {
    if (!this.whitespace) this.put(" ");
    const chars = [...s];
    let spaces = false;
    chars.forEach((c, i) => {
      if (c === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== " ") this.writeIndent(indent);
        else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }
  singleQuoted(s, indent, allowBreaks) {
    this.indicator("'", true);
    const chars = [...s];
    let spaces = false;
    chars.forEach((c, i) => {
      const inner = i > 0 && i < chars.length - 1;
      if (c === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inner && chars[i + 1] !== " ") this.writeIndent(indent);
        else this.put(c);
        spaces = true;
      } else {
        this.put(c === "'" ? "''" : c);
        spaces = false;
      }
    });
    this.indicator("'", false);
  }
  doubleQuoted(s, indent, allowBreaks) {
    this.indicator('"', true);
    const chars = [...s];
    let spaces = false;
    chars.forEach((c, i) => {
      const cp = c.codePointAt(0);
      if (!isPrintable(cp) || cp === 65279 || c === "\n" || c === '"' || c === "\\") {
        this.put(escapeDoubleQuoted(cp));
        spaces = false;
      } else if (c === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent(indent);
          if (chars[i + 1] === " ") this.put("\\");
        } else {
          this.put(c);
        }
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    });
    this.indicator('"', false);
  }
  literal(s, indent) {
    let hints = "|";
    if (s[0] === " " || s[0] === "\n") hints += String(BEST_INDENT);
    if (!s.endsWith("\n")) hints += "-";
    else if (s.length === 1 || s.endsWith("\n\n")) hints += "+";
    this.indicator(hints, true);
    this.newline();
    let breaks = true;
    for (const c of s) {
      if (c === "\n") {
        this.newline();
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        this.put(c);
        breaks = false;
      }
    }
  }
  indicator(text, needWhitespace, isIndention = false) {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.put(text);
    this.whitespace = false;
    this.indention = this.indention && isIndention;
  }
  writeIndent(indent) {
    const target = Math.max(indent, 0);
    if (!this.indention || this.column > target || this.column === target && !this.whitespace) this.newline();
    while (this.column < target) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }
  newline() {
    this.out += "\n";
    this.column = 0;
    this.whitespace = true;
    this.indention = true;
  }
  put(text) {
    this.out += text;
    this.column += [...text].length;
    this.whitespace = text === " ";
  }
};
function isSimpleKey(key) {
  return Buffer.byteLength(key) <= 128 && !/[\n\r\u0085\u2028\u2029]/.test(key);
}
function increase(indent) {
  return indent < 0 ? 0 : indent + BEST_INDENT;
}
function isGoInteger(n) {
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63;
}
function formatNonString(value) {
  if (value === null || value === void 0) return "null";
  if (typeof value === "number") return isGoInteger(value) ? String(value) : formatGoFloat(value);
  return String(value);
}
var SHORT_ESCAPES = {
  0: "0",
  7: "a",
  8: "b",
  9: "t",
  10: "n",
  11: "v",
  12: "f",
  13: "r",
  27: "e",
  34: '"',
  92: "\\",
  133: "N",
  160: "_",
  8232: "L",
  8233: "P"
};
function escapeDoubleQuoted(cp) {
  const short = SHORT_ESCAPES[cp];
  if (short) return "\\" + short;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 255) return "\\x" + hex.padStart(2, "0");
  if (cp <= 65535) return "\\u" + hex.padStart(4, "0");
  return "\\U" + hex.padStart(8, "0");
}

export {
  GoFloat,
  plainValue,
  wrapNumbersAsFloat,
  toKubectlJson,
  toGoJsonCompact,
  formatGoFloat,
  toKubectlYaml
};
