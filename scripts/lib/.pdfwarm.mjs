// ../prof/pdfwarm.ts
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join as join2 } from "node:path";

// src/lib/extract/amount.ts
var FULL_WIDTH = /[０-９．，－]/g;
var HAS_FULL_WIDTH = /[０-９．，－]/;
var AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
var EMPTY_MARKERS = /* @__PURE__ */ new Set(["-", "\u2014", "\u2013", "\uFF0D", "\u2014\u2014", "/", "\uFF0F"]);
function toHalfWidth(text) {
  if (!HAS_FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH, (c) => {
    if (c === "\uFF0E") return ".";
    if (c === "\uFF0C") return ",";
    if (c === "\uFF0D") return "-";
    return String.fromCharCode(c.charCodeAt(0) - 65248);
  });
}
function mayBeAmount(t) {
  const c = t.charCodeAt(0);
  return c >= 48 && c <= 57 || c >= 65296 && c <= 65305 || c === 45 || c === 65293 || c === 8212 || c === 8211 || c === 47 || c === 65295;
}
function isAmountCell(cell) {
  const trimmed = cell.trim();
  if (!mayBeAmount(trimmed)) return false;
  const t = toHalfWidth(trimmed);
  return AMOUNT.test(t) || EMPTY_MARKERS.has(t);
}
function isNumberCell(cell) {
  const trimmed = cell.trim();
  return mayBeAmount(trimmed) && AMOUNT.test(toHalfWidth(trimmed));
}
function isEmptyMarker(cell) {
  return EMPTY_MARKERS.has(toHalfWidth(cell.trim()));
}
function parseAmount(cell) {
  const trimmed = cell.trim();
  if (!mayBeAmount(trimmed)) return null;
  const t = toHalfWidth(trimmed);
  if (t === "" || EMPTY_MARKERS.has(t)) return null;
  if (!AMOUNT.test(t)) return null;
  return Number(withoutCommas(t));
}
var withoutCommas = (t) => t.includes(",") ? t.replace(/,/g, "") : t;
var toCents = (wan) => Math.round(wan * 100);
var fromCents = (cents2) => Math.round(cents2) / 100;
var round2 = (wan) => Math.round(wan * 100) / 100;

// src/lib/extract/errors.ts
var ExtractError = class extends Error {
  constructor(file, stage, line, detail) {
    super(`extract: ${file}${line === null ? "" : `:${line}`}: ${detail}`);
    this.file = file;
    this.stage = stage;
    this.line = line;
    this.name = "ExtractError";
  }
  file;
  stage;
  line;
};

// src/lib/extract/invalid-bytes.ts
function findInvalidBytes(bytes, encoding, limit) {
  const found = [];
  const whole = new TextDecoder(encoding, { fatal: true });
  let line = 1;
  let start = 0;
  while (start <= bytes.length && found.length <= limit) {
    const end = lineEnd(bytes, start);
    if (!decodes(whole, bytes.subarray(start, end))) {
      for (const offset of invalidInLine(bytes, start, end, encoding)) found.push({ offset, line, byte: bytes[offset] });
    }
    line++;
    start = end + (bytes[end] === 13 && bytes[end + 1] === 10 ? 2 : 1);
  }
  return found;
}
function lineEnd(bytes, from) {
  let i = from;
  while (i < bytes.length && bytes[i] !== 10 && bytes[i] !== 13) i++;
  return i;
}
function decodes(decoder, bytes) {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
function invalidInLine(bytes, start, end, encoding) {
  const offsets = [];
  let decoder = new TextDecoder(encoding, { fatal: true });
  let sequence = start;
  for (let i = start; i < end; i++) {
    try {
      if (decoder.decode(bytes.subarray(i, i + 1), { stream: true }) !== "") sequence = i + 1;
    } catch {
      offsets.push(sequence);
      decoder = new TextDecoder(encoding, { fatal: true });
      if (sequence < i) i--;
      sequence = i + 1;
    }
  }
  if (sequence < end && !decodes(decoder, new Uint8Array())) offsets.push(sequence);
  return offsets;
}

// src/lib/extract/decode.ts
var PDF_MAGIC = [37, 80, 68, 70, 45];
var ENCODING_LABEL = { "utf-8": "UTF-8", gb18030: "GB18030", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE" };
function decodeDisclosure(file, bytes) {
  if (bytes.length === 0) throw new ExtractError(file, "decode", null, "\u6587\u4EF6\u4E3A\u7A7A (empty file)");
  if (startsWith(bytes, PDF_MAGIC)) {
    throw new ExtractError(file, "decode", null, "\u8FD9\u662F PDF \u6587\u4EF6\uFF0C\u8BF7\u5148\u8F6C\u6362\u4E3A\u6587\u672C (a PDF given as text)");
  }
  const nul = bytes.indexOf(0);
  const utf16 = utf16Form(bytes, nul);
  const decoded = utf16 && decodeUtf16(bytes, utf16) || decodeNarrow(file, bytes, nul);
  const text = decoded.text.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new ExtractError(file, "decode", null, "\u6587\u4EF6\u53EA\u6709\u7A7A\u767D (only whitespace)");
  const controls = countControlCharacters(text);
  if (controls > Math.max(8, text.length * 0.01)) {
    throw new ExtractError(file, "decode", null, `\u542B ${controls} \u4E2A\u63A7\u5236\u5B57\u7B26\uFF0C\u4E0D\u50CF\u6587\u672C (binary-looking text)`);
  }
  return { ...decoded, text };
}
function decodeNarrow(file, bytes, nul) {
  if (nul >= 0) {
    throw new ExtractError(file, "decode", lineOfByte(bytes, nul), `\u4E8C\u8FDB\u5236\u5185\u5BB9\uFF1A\u7B2C ${nul} \u5B57\u8282\u4E3A NUL (binary file)`);
  }
  const clean = tryDecode(bytes, "utf-8") ?? tryDecode(bytes, "gb18030");
  if (clean) return clean;
  const tolerated = Math.max(4, Math.floor(lineCount(bytes) / 100));
  const utf8 = findInvalidBytes(bytes, "utf-8", tolerated);
  const gb = findInvalidBytes(bytes, "gb18030", tolerated);
  const [encoding, invalid] = gb.length < utf8.length ? ["gb18030", gb] : ["utf-8", utf8];
  if (invalid.length > tolerated) throw new ExtractError(file, "decode", null, "\u65E0\u6CD5\u8BC6\u522B\u7684\u6587\u672C\u7F16\u7801 (neither UTF-8 nor GB18030)");
  return { text: new TextDecoder(encoding).decode(bytes), encoding, diagnostics: invalid.map((b) => invalidByteDiagnostic(b, encoding)) };
}
var fatalDecoders = /* @__PURE__ */ new Map();
function tryDecode(bytes, encoding) {
  let decoder = fatalDecoders.get(encoding);
  if (!decoder) fatalDecoders.set(encoding, decoder = new TextDecoder(encoding, { fatal: true }));
  try {
    return { text: decoder.decode(bytes), encoding, diagnostics: [] };
  } catch {
    return null;
  }
}
function utf16Form(bytes, nul) {
  if (bytes[0] === 255 && bytes[1] === 254) return { encoding: "utf-16le", bom: 2 };
  if (bytes[0] === 254 && bytes[1] === 255) return { encoding: "utf-16be", bom: 2 };
  const zeros = [0, 0];
  const n = Math.min(bytes.length, 1 << 16) & ~1;
  if (nul < 0 || nul >= n) return null;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i & 1]++;
  const pairs = n / 2;
  const [even, odd] = zeros;
  if (odd >= Math.max(2, pairs / 100) && even * 8 < odd) return { encoding: "utf-16le", bom: 0 };
  if (even >= Math.max(2, pairs / 100) && odd * 8 < even) return { encoding: "utf-16be", bom: 0 };
  return null;
}
function decodeUtf16(bytes, form) {
  const text = new TextDecoder(form.encoding).decode(bytes);
  if (form.bom === 0 && !readsAsText(text)) return null;
  if (tryDecode(bytes, form.encoding) || !text.includes("\uFFFD")) return { text, encoding: form.encoding, diagnostics: [] };
  const diagnostics = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n" || c === "\r" && text[i + 1] !== "\n") line++;
    else if (c === "\uFFFD") {
      const offset = form.bom + 2 * i;
      diagnostics.push(invalidByteDiagnostic({ offset, line, byte: bytes[offset] }, form.encoding));
    }
  }
  return { text, encoding: form.encoding, diagnostics };
}
function readsAsText(text) {
  const other = text.replace(/[\t\n\r\x20-\x7e\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g, "");
  return other.length <= text.length * 0.05;
}
function invalidByteDiagnostic(b, encoding) {
  const hex = `0x${b.byte.toString(16).toUpperCase().padStart(2, "0")}`;
  return {
    severity: "warning",
    stage: "decode",
    line: b.line,
    message: `\u7B2C ${b.offset} \u5B57\u8282 ${hex} \u4E0D\u662F\u6709\u6548\u7684 ${ENCODING_LABEL[encoding]}\uFF0C\u5DF2\u6309 \uFFFD \u8BFB\u5165\uFF0C\u5176\u4F59\u5185\u5BB9\u7167\u5E38\u63D0\u53D6 (invalid byte)`
  };
}
function startsWith(bytes, prefix) {
  return prefix.every((b, i) => bytes[i] === b);
}
function lineOfByte(bytes, index) {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 10) line++;
  return line;
}
function lineCount(bytes) {
  return lineOfByte(bytes, bytes.length);
}
var CONTROL = /[\x00-\x08\x0b\x0e-\x1f]/;
function countControlCharacters(text) {
  if (!CONTROL.test(text)) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) n++;
  }
  return n;
}

// src/lib/extract/headline.ts
var MEASURES = [
  "income_total",
  "expenditure_total",
  "basic",
  "project",
  "personnel",
  "public",
  "operating_cost",
  "procurement_total",
  "procurement_goods",
  "procurement_works",
  "procurement_services"
];
function tableTotals(out) {
  const measures = {};
  const take = (table, role) => {
    const value = totalOf(table, role);
    if (value !== null && table?.total) measures[role] = { value, line: table.total.line };
  };
  take(out.functionTable, "basic");
  take(out.functionTable, "project");
  take(out.economicTable, "personnel");
  take(out.economicTable, "public");
  return measures;
}
function totalOf(table, role) {
  const i = table?.columns.indexOf(role) ?? -1;
  return i >= 0 && table?.total ? table.total.values[i] ?? null : null;
}
function summaryRows(summaryTable, measures, narrative) {
  const table = { ...summaryTable?.measures ?? {}, ...measures };
  const rows = [];
  for (const m of MEASURES) {
    const t = table[m];
    const n = narrative.summary[m];
    if (t) rows.push({ measure: m, value: t.value, source: "table", source_line: t.line });
    else if (n) rows.push({ measure: m, value: n.value, source: "narrative", source_line: n.line });
  }
  return rows;
}
function threePublicRows(table, narrative, kind) {
  if (table) return table.figures.map((f) => ({ item: f.item, budget: f.budget, actual: f.actual, source_line: f.line }));
  const rows = [];
  for (const [key, f] of Object.entries(narrative.threePublic)) {
    if (!f) continue;
    const item = key;
    rows.push(kind === "final" ? { item, budget: f.budget, actual: f.value, source_line: f.line } : { item, budget: f.value, actual: null, source_line: f.line });
  }
  const vehicle = deriveVehicle(rows);
  return vehicle ? [...rows, vehicle] : rows;
}
function deriveVehicle(rows) {
  if (rows.some((r) => r.item === "vehicle")) return null;
  const p = rows.find((r) => r.item === "vehicle_purchase");
  const o = rows.find((r) => r.item === "vehicle_operation");
  if (!p || !o) return null;
  const add = (a, b) => a === null || b === null ? null : Math.round((a + b) * 100) / 100;
  return { item: "vehicle", budget: add(p.budget, o.budget), actual: add(p.actual, o.actual), source_line: o.source_line };
}
function narrativeFunctionRows(narrative) {
  return narrative.functionClasses.filter((f) => f.value !== 0).map((f) => ({ code: f.code, name: f.name, level: 1, parent_code: null, total: f.value, basic: null, project: null, source_line: f.line }));
}

// src/lib/extract/trimmed-lines.ts
function isWhiteSpace(code) {
  if (code <= 32) return code === 32 || code >= 9 && code <= 13;
  if (code < 160) return false;
  return code === 160 || code === 5760 || code >= 8192 && code <= 8202 || code === 8232 || code === 8233 || code === 8239 || code === 8287 || code === 12288 || code === 65279;
}
var TrimmedLines = class {
  constructor(lines) {
    this.lines = lines;
    this.start = new Int32Array(lines.length);
    this.end = new Int32Array(lines.length);
    this.copies = new Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i].text;
      let a = 0;
      let b = text.length;
      while (a < b && isWhiteSpace(text.charCodeAt(a))) a++;
      while (b > a && isWhiteSpace(text.charCodeAt(b - 1))) b--;
      this.start[i] = a;
      this.end[i] = b;
    }
  }
  lines;
  start;
  end;
  copies;
  /** Length of line i trimmed; 0 past either end. */
  length(i) {
    return i >= 0 && i < this.lines.length ? this.end[i] - this.start[i] : 0;
  }
  /** Code of the first character of line i trimmed; NaN when there is none. */
  first(i) {
    return this.length(i) > 0 ? this.lines[i].text.charCodeAt(this.start[i]) : NaN;
  }
  /** Code of the last character of line i trimmed; NaN when there is none. */
  last(i) {
    return this.length(i) > 0 ? this.lines[i].text.charCodeAt(this.end[i] - 1) : NaN;
  }
  /** Line i trimmed (what text.trim() gives); '' past either end. */
  text(i) {
    if (this.length(i) === 0) return "";
    let copy = this.copies[i];
    if (copy === void 0) {
      const text = this.lines[i].text;
      copy = this.copies[i] = this.start[i] === 0 && this.end[i] === text.length ? text : text.slice(this.start[i], this.end[i]);
    }
    return copy;
  }
};

// src/lib/extract/layout.ts
function splitLines(text) {
  const parts = text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
  const lines = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) lines[i] = { no: i + 1, text: parts[i] };
  return lines;
}
function detectLayout(lines) {
  let leadingTabOnly = 0;
  let innerTabs = 0;
  for (const { text } of lines) {
    if (!text.includes("	")) continue;
    if (/^\t[^\t]*$/.test(text)) leadingTabOnly++;
    else if (/\S\t|\t\S.*\t/.test(text)) innerTabs++;
  }
  if (leadingTabOnly >= 20 && leadingTabOnly > innerTabs) return "cells";
  if (innerTabs >= 5) return "tabs";
  return "spaces";
}
function assembleRows(lines, layout) {
  if (layout === "cells") return cellPerLineRows(lines);
  const rows = [];
  for (const l of lines) {
    const row = lineRow(l, layout);
    if (row) rows.push(row);
  }
  return rows;
}
function splitAtSpaces(text) {
  const parts = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (!isWhiteSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    parts.push(text.slice(start, i));
    while (i < text.length && isWhiteSpace(text.charCodeAt(i))) i++;
    start = i;
  }
  parts.push(text.slice(start));
  return parts;
}
function lineRow(line, layout) {
  const trimmed = line.text.trim();
  if (trimmed === "") return null;
  const parts = layout === "tabs" ? line.text.split("	") : splitAtSpaces(trimmed);
  const cells = parts.map((p) => ({ text: p.trim(), line: line.no }));
  return { cells, line: line.no, blanksKept: layout === "tabs" };
}
function cellPerLineRows(lines) {
  const rows = [];
  let group = [];
  const flush = () => {
    if (group.some((c) => c.text !== "")) {
      const first = group.find((c) => c.text !== "");
      rows.push({ cells: group, line: first.line, blanksKept: true });
    }
    group = [];
  };
  for (const line of lines) {
    if (line.text === "" || !line.text.startsWith("	") && line.text.trim() === "") {
      flush();
    } else if (line.text.startsWith("	")) {
      group.push({ text: line.text.trim(), line: line.no });
    } else {
      flush();
      rows.push({ cells: [{ text: line.text.trim(), line: line.no }], line: line.no, blanksKept: true });
    }
  }
  flush();
  return rows;
}

// src/lib/extract/unit-name.ts
var HAN = "[\\u4e00-\\u9fff]";
var PARTY = /^(?:中共|中国共产党)/;
var MUNICIPALITY = /^(?:北京市|天津市|上海市|重庆市)/;
var PROVINCE = new RegExp(`^(?:${HAN}{2,3}\u7701|${HAN}{2,5}?\u81EA\u6CBB\u533A)`);
var CITY = new RegExp(`^${HAN}{2,8}?(?:\u5E02|\u81EA\u6CBB\u5DDE|\u5730\u533A|\u76DF)`);
var DISTRICT = new RegExp(`^${HAN}{1,12}?(?:\u533A|\u53BF|\u65D7)`);
var COUNTY_CITY = new RegExp(`^${HAN}{2,4}?\u5E02`);
var UNIT_WORD = /局|厅|委员会|办公|中心|政府|管理|服务|人大|政协|法院|检察|公安|机关|学校|医院|大学|协会|党委|工委|市委|区委|县委/;
var NOT_DISTRICT = /(?:社|园|景|校|片|街|小|辖|库|营)区$/;
function parseUnitName(name) {
  let rest = name.trim().replace(PARTY, "");
  let level = null;
  let suffix = null;
  let district = null;
  const take = (re, ok = placeLike) => {
    const m = re.exec(rest);
    if (!m || !ok(m[0])) return null;
    rest = rest.slice(m[0].length);
    suffix = m[0].endsWith("\u81EA\u6CBB\u533A") ? "\u533A" : m[0].slice(-1);
    return m[0];
  };
  const municipality = take(MUNICIPALITY);
  if (municipality || take(PROVINCE)) level = "province";
  const city = municipality ? null : take(CITY);
  if (city) level = "city";
  district = take(DISTRICT, (s) => placeLike(s) && !NOT_DISTRICT.test(s)) ?? (city ? take(COUNTY_CITY) : null);
  if (district) level = "district";
  return { district, level, rest, suffix };
}
function placeLike(candidate) {
  return !UNIT_WORD.test(candidate);
}
function unitKind(name) {
  const { rest, suffix } = parseUnitName(name);
  const kind = rest.replace(/[（(]本级[）)]$/, "");
  return suffix && /^委/.test(kind) ? suffix + kind : kind;
}

// src/lib/extract/metadata.ts
var CHONGQING_DISTRICTS = [
  "\u4E07\u5DDE\u533A",
  "\u9ED4\u6C5F\u533A",
  "\u6DAA\u9675\u533A",
  "\u6E1D\u4E2D\u533A",
  "\u5927\u6E21\u53E3\u533A",
  "\u6C5F\u5317\u533A",
  "\u6C99\u576A\u575D\u533A",
  "\u4E5D\u9F99\u5761\u533A",
  "\u5357\u5CB8\u533A",
  "\u5317\u789A\u533A",
  "\u7DA6\u6C5F\u533A",
  "\u5927\u8DB3\u533A",
  "\u6E1D\u5317\u533A",
  "\u5DF4\u5357\u533A",
  "\u957F\u5BFF\u533A",
  "\u6C5F\u6D25\u533A",
  "\u5408\u5DDD\u533A",
  "\u6C38\u5DDD\u533A",
  "\u5357\u5DDD\u533A",
  "\u74A7\u5C71\u533A",
  "\u94DC\u6881\u533A",
  "\u6F7C\u5357\u533A",
  "\u8363\u660C\u533A",
  "\u5F00\u5DDE\u533A",
  "\u6881\u5E73\u533A",
  "\u6B66\u9686\u533A",
  "\u57CE\u53E3\u53BF",
  "\u4E30\u90FD\u53BF",
  "\u57AB\u6C5F\u53BF",
  "\u5FE0\u53BF",
  "\u4E91\u9633\u53BF",
  "\u5949\u8282\u53BF",
  "\u5DEB\u5C71\u53BF",
  "\u5DEB\u6EAA\u53BF",
  "\u77F3\u67F1\u571F\u5BB6\u65CF\u81EA\u6CBB\u53BF",
  "\u79C0\u5C71\u571F\u5BB6\u65CF\u82D7\u65CF\u81EA\u6CBB\u53BF",
  "\u9149\u9633\u571F\u5BB6\u65CF\u82D7\u65CF\u81EA\u6CBB\u53BF",
  "\u5F6D\u6C34\u82D7\u65CF\u571F\u5BB6\u65CF\u81EA\u6CBB\u53BF",
  "\u4E24\u6C5F\u65B0\u533A",
  "\u4E07\u76DB\u7ECF\u5F00\u533A",
  "\u9AD8\u65B0\u533A"
];
var FULL_WIDTH_DIGIT = /[０-９]/;
var TITLE = /(20\d\d)\s*年\s*(?:度)?[^，。；]{0,20}?(预算|决算)/;
var SENTENCE = /[，。；：:]/;
var DEPARTMENT_FIELD = /(?:(?:公开部门|部门名称|部门[（(]单位[）)]名称|单位名称|编制单位|编制部门)[：:\s]*|(?:^|\s)部\s*门[：:]\s*)(?:\d+-)?([^\s，。；、：:]+?)(?=单位[：:]|[\s，。；、：:]|$)/;
var UNIT_END = /(?:局|委员会|办公室|办公厅|厅|中心|院|馆|所|站|队|会|部|处|委|室|社|团|联|府|校|园|场|司|台|库)$/;
var TABLE_TITLE = /^(.+?)(?:20\d\d年)?\S*表$/;
function readMetadata(lines) {
  let cleaned = null;
  const clean = () => cleaned ??= lines.map(cleanSourceLine);
  const head = headLines(lines, 8);
  const titleLine = head.map((l, i) => titleAt(head, i)).find((l) => l !== null) ?? null;
  let joined = null;
  const text = () => joined ??= clean().map((l) => l.text).join("\n");
  const department = departmentOf(head, clean, titleLine ?? null);
  const place2 = department ? parseUnitName(department) : null;
  const district = place2?.level ? place2.district : votedDistrict(text());
  const level = place2?.level ?? (district ? "district" : null);
  const m = titleLine ? TITLE.exec(titleLine.text) : null;
  const year = m ? Number(m[1]) : votedYear(text());
  const kind = m ? toKind(m[2]) : votedKind(text());
  const titleText = titleLine?.text.trim().replace(/\s+/g, "") ?? null;
  const title = titleText && department && !titleText.includes(department) ? `${department}${titleText}` : titleText;
  return { district, department, year, kind, title, level };
}
function cleanSourceLine(l) {
  const text = cleanLine(l.text);
  return text === l.text ? l : { ...l, text };
}
function headLines(lines, n) {
  const head = [];
  for (let i = 0; i < lines.length && head.length < n; i++) {
    const l = cleanSourceLine(lines[i]);
    if (l.text.trim() !== "") head.push(l);
  }
  return head;
}
function titleAt(head, i) {
  const isTitle2 = (t2) => TITLE.test(t2) && !SENTENCE.test(t2) && t2.length <= 40;
  const t = head[i].text.trim();
  if (isTitle2(t)) return head[i];
  const next = head[i + 1]?.text.trim() ?? "";
  const joined = t + next;
  return /20\d\d\s*年/.test(t) && !/20\d\d/.test(next) && isTitle2(joined) ? { ...head[i], text: joined } : null;
}
function cleanLine(text) {
  const digits = FULL_WIDTH_DIGIT.test(text) ? text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 65248)) : text;
  return digits.includes("<") || digits.includes("&") ? digits.replace(/<[^>]*>/g, "").replace(/&nbsp;|&#160;/g, " ") : digits;
}
function departmentOf(head, cleanLines, titleLine) {
  const headLine = head.find((l) => {
    const t = l.text.trim();
    return !t.includes("	") && !SENTENCE.test(t) && !TITLE.test(t) && !/表$/.test(t) && t.length <= 40 && isUnitName(t.replace(/\s+/g, ""));
  });
  if (headLine) return headLine.text.trim().replace(/\s+/g, "");
  const before = titleLine?.text.trim().replace(/\s+/g, "").split(/20\d\d年/)[0] ?? "";
  if (isUnitName(before)) return before;
  const lines = cleanLines();
  for (const l of lines) {
    const m = DEPARTMENT_FIELD.exec(l.text);
    if (m && isUnitName(m[1].replace(/[（(]本级[）)]$/, ""))) return m[1].replace(/[（(]本级[）)]$/, "");
  }
  for (const l of lines) {
    const m = TABLE_TITLE.exec(l.text.trim());
    const unit = m ? unitPrefix(m[1]) : null;
    if (unit) return unit;
  }
  return null;
}
function isUnitName(name) {
  if (name.length < 3 || name.length > 40 || /\d/.test(name)) return false;
  return UNIT_END.test(name.replace(/[（(]本级[）)]$/, ""));
}
function unitPrefix(text) {
  for (let end = 4; end <= text.length; end++) {
    const candidate = text.slice(0, end);
    if (parseUnitName(candidate).level !== null && /(?:局|委员会|办公室|办公厅|厅|中心|院|馆)$/.test(candidate)) return candidate;
  }
  return null;
}
var DISCLOSURE_TITLE = /^(.*?)20\d\d年度?(?:区级|市级|县级|本级)?(?:部门|单位)?(?:预算|决算)(?:信息)?(?:公开)?(?:情况)?(?:说明|报告|公开表)?(?:[（(][^（）()]*[）)])?$/;
function isDisclosureTitle(title) {
  const m = title ? DISCLOSURE_TITLE.exec(title.replace(/\s+/g, "")) : null;
  return m !== null && (m[1] === "" || isUnitName(m[1]));
}
function departmentKind(department, district) {
  if (!department) return null;
  if (parseUnitName(department).level !== null) return unitKind(department) || null;
  let kind = department;
  if (district && kind.startsWith(district)) kind = kind.slice(district.length);
  return kind.replace(/[（(]本级[）)]$/, "") || null;
}
function votedDistrict(text) {
  return mostFrequent(CHONGQING_DISTRICTS.map((d) => [d, count(text, `\u91CD\u5E86\u5E02${d}`) * 2 + count(text, d)]));
}
function count(text, needle) {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}
function mostFrequent(scores) {
  const best = [...scores].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : null;
}
var YEAR_KIND = /(20\d\d)\s*年\s*(?:度)?\s*(?:部门|单位)?\s*(预算|决算)/g;
var YEAR_NEAR_KIND = /(20\d\d)\s*年\s*度?[^，。；：:\d\s]{0,10}?(?:预算|决算)/g;
function votedYear(text) {
  const close = [...text.matchAll(YEAR_KIND)].map((m) => m[1]);
  const years = close.length ? close : [...text.matchAll(YEAR_NEAR_KIND)].map((m) => m[1]);
  return years.length ? Number(mostFrequent([...new Set(years)].map((y) => [y, years.filter((x) => x === y).length]))) : null;
}
function votedKind(text) {
  const stated = [...text.matchAll(YEAR_KIND)].map((m) => m[2]);
  const budget = count(text, "\u9884\u7B97\u8868") + count(text, "\u9884\u7B97\u6570") + stated.filter((k) => k === "\u9884\u7B97").length;
  const final = count(text, "\u51B3\u7B97\u8868") + count(text, "\u51B3\u7B97\u6570") + stated.filter((k) => k === "\u51B3\u7B97").length;
  if (budget === 0 && final === 0) return null;
  return final > budget ? "final" : "budget";
}
function toKind(word) {
  return word === "\u51B3\u7B97" ? "final" : "budget";
}

// src/lib/extract/classification.ts
var FUNCTION_CLASSES = {
  \u4E00\u822C\u516C\u5171\u670D\u52A1\u652F\u51FA: "201",
  \u5916\u4EA4\u652F\u51FA: "202",
  \u56FD\u9632\u652F\u51FA: "203",
  \u516C\u5171\u5B89\u5168\u652F\u51FA: "204",
  \u6559\u80B2\u652F\u51FA: "205",
  \u79D1\u5B66\u6280\u672F\u652F\u51FA: "206",
  \u6587\u5316\u65C5\u6E38\u4F53\u80B2\u4E0E\u4F20\u5A92\u652F\u51FA: "207",
  \u6587\u5316\u4F53\u80B2\u4E0E\u4F20\u5A92\u652F\u51FA: "207",
  \u793E\u4F1A\u4FDD\u969C\u548C\u5C31\u4E1A\u652F\u51FA: "208",
  \u793E\u4F1A\u4FDD\u969C\u4E0E\u5C31\u4E1A\u652F\u51FA: "208",
  \u793E\u4F1A\u4FDD\u9669\u57FA\u91D1\u652F\u51FA: "209",
  \u536B\u751F\u5065\u5EB7\u652F\u51FA: "210",
  \u533B\u7597\u536B\u751F\u4E0E\u8BA1\u5212\u751F\u80B2\u652F\u51FA: "210",
  \u8282\u80FD\u73AF\u4FDD\u652F\u51FA: "211",
  \u57CE\u4E61\u793E\u533A\u652F\u51FA: "212",
  \u519C\u6797\u6C34\u652F\u51FA: "213",
  \u4EA4\u901A\u8FD0\u8F93\u652F\u51FA: "214",
  \u8D44\u6E90\u52D8\u63A2\u5DE5\u4E1A\u4FE1\u606F\u7B49\u652F\u51FA: "215",
  \u8D44\u6E90\u52D8\u63A2\u4FE1\u606F\u7B49\u652F\u51FA: "215",
  \u5546\u4E1A\u670D\u52A1\u4E1A\u7B49\u652F\u51FA: "216",
  \u91D1\u878D\u652F\u51FA: "217",
  \u63F4\u52A9\u5176\u4ED6\u5730\u533A\u652F\u51FA: "219",
  \u81EA\u7136\u8D44\u6E90\u6D77\u6D0B\u6C14\u8C61\u7B49\u652F\u51FA: "220",
  \u56FD\u571F\u6D77\u6D0B\u6C14\u8C61\u7B49\u652F\u51FA: "220",
  \u4F4F\u623F\u4FDD\u969C\u652F\u51FA: "221",
  \u7CAE\u6CB9\u7269\u8D44\u50A8\u5907\u652F\u51FA: "222",
  \u56FD\u6709\u8D44\u672C\u7ECF\u8425\u9884\u7B97\u652F\u51FA: "223",
  \u707E\u5BB3\u9632\u6CBB\u53CA\u5E94\u6025\u7BA1\u7406\u652F\u51FA: "224",
  \u9884\u5907\u8D39: "227",
  \u5176\u4ED6\u652F\u51FA: "229",
  \u8F6C\u79FB\u6027\u652F\u51FA: "230",
  \u503A\u52A1\u8FD8\u672C\u652F\u51FA: "231",
  \u503A\u52A1\u4ED8\u606F\u652F\u51FA: "232",
  \u503A\u52A1\u53D1\u884C\u8D39\u7528\u652F\u51FA: "233",
  \u6297\u75AB\u7279\u522B\u56FD\u503A\u5B89\u6392\u7684\u652F\u51FA: "234"
};
function normaliseClassName(name) {
  return name.replace(/\s+/g, "").replace(/^(?:[一二三四五六七八九十]+、|[（(]\d+[）)]|\d+[.．、])/, "").replace("\u793E\u4F1A\u4FDD\u969C\u4E0E\u5C31\u4E1A", "\u793E\u4F1A\u4FDD\u969C\u548C\u5C31\u4E1A");
}
function functionClassCode(name) {
  return FUNCTION_CLASSES[normaliseClassName(name)] ?? null;
}
var FUNCTION_CLASS_NAMES = Object.keys(FUNCTION_CLASSES).sort((a, b) => b.length - a.length);

// src/lib/extract/labelled.ts
var ENUMERATOR = /^(?:其中[：:])?(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+\s*[.．、])?/;
function cleanLabel(text) {
  return text.replace(/\s+/g, "").replace(/[“”"]/g, "").replace(ENUMERATOR, "");
}
function readLabelledFigures(rows) {
  const out = [];
  for (const row of rows) {
    const cells = row.cells;
    let i = 0;
    while (i < cells.length) {
      const t = cells[i].text;
      if (t === "" || isAmountCell(t)) {
        i++;
        continue;
      }
      const parts = [t];
      let j = i + 1;
      while (j < cells.length && cells[j].text !== "" && !isAmountCell(cells[j].text) && !row.blanksKept) parts.push(cells[j++].text);
      const values = [];
      while (j < cells.length && (cells[j].text === "" || isAmountCell(cells[j].text))) values.push(parseAmount(cells[j++].text));
      if (values.length > 0) out.push({ label: cleanLabel(parts.join("")), values, line: cells[i].line });
      i = j;
    }
  }
  return out;
}
var squeeze = (t) => t.replace(/\s+/g, "");
function spelling(word) {
  const last = word[word.length - 1];
  return (text) => text.includes(last) && squeeze(text) === word;
}
var spellsColumnNumbers = spelling("\u680F\u6B21");
var spellsRowNumbers = spelling("\u884C\u6B21");
var ROW_NUMBER = /^\d{1,3}$/;
function dropRowNumbers(rows) {
  const kept = rows.filter((r) => !spellsColumnNumbers(r.cells.find((c) => c.text !== "")?.text ?? ""));
  const header = kept.find((r) => r.cells.some((c) => spellsRowNumbers(c.text)));
  if (!header) return kept.length === rows.length ? rows : kept;
  const columns = new Set(header.cells.flatMap((c, i) => spellsRowNumbers(c.text) ? [i] : []));
  return kept.map((row) => ({ ...row, cells: row.blanksKept ? row.cells.filter((_, i) => !columns.has(i)) : withoutNumberAfterLabel(row.cells) }));
}
function withoutNumberAfterLabel(cells) {
  return cells.filter((c, i) => !(i > 0 && ROW_NUMBER.test(c.text) && !isAmountCell(cells[i - 1].text) && cells[i - 1].text !== ""));
}

// src/lib/extract/units.ts
var SCALES = { \u5143: 1e-4, \u5343\u5143: 0.1, \u4E07\u5143: 1, \u767E\u4E07\u5143: 100, \u4EBF\u5143: 1e4 };
var STATEMENT = /单位\s*[：:]\s*(百万元|千元|万元|亿元|元)(?![\u4e00-\u9fff])/;
function readUnitStatement(text) {
  if (!text.includes("\u5355\u4F4D")) return null;
  const m = STATEMENT.exec(text.replace(/\s+/g, " "));
  return m ? { printed: m[1], scale: SCALES[m[1]] } : null;
}
function withStatedUnits(tables, lines) {
  const fallback = documentUnit(tables, lines);
  return tables.map((t) => {
    const own = firstStatement(t.segment.lines);
    if (own) return { ...t, unit: { printed: own.printed, scale: own.scale, note: "\u8868\u5934" } };
    return fallback ? { ...t, unit: fallback } : t;
  });
}
function firstStatement(lines) {
  for (const l of lines) {
    const s = readUnitStatement(l.text);
    if (s) return { ...s, line: l.no };
  }
  return null;
}
function documentUnit(tables, lines) {
  const last = lines.reduce((m, l) => Math.max(m, l.no), 0);
  const inTable = new Uint8Array(last + 1);
  for (const t of tables) if (isTable(t)) {
    for (const l of t.segment.lines) if (l.no <= last) inTable[l.no] = 1;
  }
  const outside = lines.filter((l) => l.text.includes("\u5355\u4F4D") && inTable[l.no] !== 1);
  const statements = outside.flatMap((l) => {
    const s = readUnitStatement(l.text);
    return s ? [{ ...s, line: l.no }] : [];
  });
  if (statements.length === 0 || statements.some((s) => s.printed !== statements[0].printed)) return null;
  const first = statements[0];
  return { printed: first.printed, scale: first.scale, note: `\u6587\u6863\u9ED8\u8BA4\uFF08\u7B2C ${first.line} \u884C\uFF09` };
}
var isTable = (t) => t.kind !== "skipped" || t.rows.some((r) => r.cells.some((c) => isNumberCell(c.text)));
var CODE = /^\d{3}(?:\d{2}){0,2}$/;
function isCodeCell(cells, i) {
  if (!CODE.test(toHalfWidth(cells[i].text))) return false;
  const next = cells.slice(i + 1).find((c) => c.text !== "");
  return next !== void 0 && !isAmountCell(next.text);
}
function largestFigure(rows) {
  let max = null;
  for (const row of dropRowNumbers(rows)) {
    row.cells.forEach((cell, i, cells) => {
      const v = isCodeCell(cells, i) ? null : parseAmount(cell.text);
      if (v !== null && (max === null || Math.abs(v) > max)) max = Math.abs(v);
    });
  }
  return max;
}
function toWanRows(rows, scale) {
  if (scale === 1) return rows;
  return rows.map((row) => ({
    ...row,
    cells: row.cells.map((cell, i, cells) => isCodeCell(cells, i) ? cell : { ...cell, text: convertAmount(cell.text, scale) })
  }));
}
function convertAmount(cell, scale) {
  if (scale === 1 || !isNumberCell(cell)) return cell;
  const t = toHalfWidth(cell.trim()).replace(/,/g, "");
  const negative = t.startsWith("-");
  const [whole, frac = ""] = t.replace(/^-/, "").split(".");
  const shift = Math.round(Math.log10(scale)) + 2 - frac.length;
  const digits = BigInt(whole + frac);
  const cents2 = shift >= 0 ? digits * 10n ** BigInt(shift) : roundedDivision(digits, 10n ** BigInt(-shift));
  const sign = negative && cents2 > 0n ? "-" : "";
  return `${sign}${cents2 / 100n}.${(cents2 % 100n).toString().padStart(2, "0")}`;
}
function roundedDivision(n, d) {
  return (n * 2n + d) / (d * 2n);
}

// src/lib/extract/narrative-grammar.ts
var NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
var MEASURE_WORDS = "(?:\u9884\u7B97|\u51B3\u7B97|\u652F\u51FA|\u603B\u8BA1|\u5408\u8BA1|\u603B\u989D|\u603B\u91D1\u989D|\u91D1\u989D|\u6570|\u5B89\u6392|\u5171\u8BA1)*";
var UNIT_SCALE = { \u5143: 1e-4, \u5343\u5143: 0.1, \u4E07\u5143: 1, \u4EBF\u5143: 1e4 };
var AMOUNT2 = String.raw`(?:(?:为|是|达)?(?<num>${NUM})(?<unit>亿元|万元|千元|元)|(?:为|是)(?<zero>0(?:\.0+)?)(?![\d.])(?=[，。；、,;）)]|$))`;
var CHANGE_VERBS = ["\u589E\u52A0", "\u51CF\u5C11", "\u589E\u957F", "\u4E0B\u964D", "\u964D\u4F4E", "\u8C03\u589E", "\u8C03\u51CF", "\u65B0\u589E", "\u538B\u51CF", "\u8282\u7EA6", "\u8282\u7701"];
var NOT_A_CHANGE = `(?<!${CHANGE_VERBS.join("|")})`;
function figurePattern(label) {
  return new RegExp(`${NOT_A_CHANGE}${label}${MEASURE_WORDS}${AMOUNT2}`, "g");
}
function firstMatch(joined, patterns, from = 0, to = joined.text.length) {
  let best = null;
  const text = joined.text.slice(from, to);
  for (const re of patterns) {
    const m = searchFromStart(re, text);
    if (!m || best && m.index + from >= best.index) continue;
    const hit = hitOf(joined, m, from);
    if (hit) best = hit;
  }
  return best;
}
var fromStart = /* @__PURE__ */ new WeakMap();
function searchFromStart(re, text) {
  let search = fromStart.get(re);
  if (!search) fromStart.set(re, search = unguarded(re));
  search.re.lastIndex = 0;
  return execGuarded(search, text);
}
function unguarded(re) {
  const guarded = re.source.startsWith(NOT_A_CHANGE);
  return { re: new RegExp(guarded ? re.source.slice(NOT_A_CHANGE.length) : re.source, "g"), guarded };
}
function execGuarded(search, text) {
  for (; ; ) {
    const m = search.re.exec(text);
    if (!m || !search.guarded || !followsChange(text, m.index)) return m;
    search.re.lastIndex = m.index + 1;
  }
}
var followsChange = (text, at) => CHANGE_VERBS.some((verb) => at >= verb.length && text.startsWith(verb, at - verb.length));
function hitOf(joined, m, offset) {
  const g = m.groups ?? {};
  const at = amountStart(m);
  if (at === null) return null;
  const value = g.zero !== void 0 ? 0 : toWan(g.num, g.unit);
  return { value, line: joined.lineAt(at + offset), index: m.index + offset, end: m.index + m[0].length + offset };
}
function amountStart(m) {
  const amount = m.groups?.num ?? m.groups?.zero;
  return amount === void 0 ? null : m.index + m[0].lastIndexOf(amount);
}
function toWan(num, unit) {
  const scale = UNIT_SCALE[unit] ?? 1;
  return Number(scale === 1 ? withoutCommas(num) : convertAmount(num, scale));
}

// src/lib/extract/offsets.ts
function lineIndexAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// src/lib/extract/narrative-join.ts
var PAGE_NUMBER = /^(?:[-—–－]+\d+[-—–－]+|第\d+页(?:[，,]?共\d+页)?|\d+\/\d+)$/;
var PAGE_NUMBER_START = new Set([..."-\u2014\u2013\uFF0D\u7B2C0123456789"].map((c) => c.charCodeAt(0)));
var SQUEEZED_OUT = /[\s“”"‘’]+/g;
var isSqueezed = (c) => isWhiteSpace(c) || c === 8220 || c === 8221 || c === 34 || c === 8216 || c === 8217;
function squeezeOut(text) {
  let a = 0;
  let b = text.length;
  while (a < b && isSqueezed(text.charCodeAt(a))) a++;
  while (b > a && isSqueezed(text.charCodeAt(b - 1))) b--;
  for (let i = a; i < b; i++) if (isSqueezed(text.charCodeAt(i))) return text.replace(SQUEEZED_OUT, "");
  return a === 0 && b === text.length ? text : text.slice(a, b);
}
var FULL_WIDTH_FIGURE = /[０-９．]/g;
var HAS_FULL_WIDTH_FIGURE = /[０-９．]/;
var CLASS_MARKER = /[（(]类[）)]/g;
var toHalfWidthFigure = (c) => c === "\uFF0E" ? "." : String.fromCharCode(c.charCodeAt(0) - 65248);
function joinNarrative(lines) {
  let text = "";
  const starts = [];
  const nos = [];
  const squeezed = lines.map((l) => squeezeOut(l.text));
  const furniture = pageFurniture(squeezed);
  lines.forEach((line, i) => {
    if (!squeezed[i] || furniture.size > 0 && furniture.has(squeezed[i])) return;
    let cleaned = HAS_FULL_WIDTH_FIGURE.test(squeezed[i]) ? squeezed[i].replace(FULL_WIDTH_FIGURE, toHalfWidthFigure) : squeezed[i];
    if (cleaned.includes("\u7C7B")) cleaned = cleaned.replace(CLASS_MARKER, "");
    if (!cleaned) return;
    starts.push(text.length);
    nos.push(line.no);
    text += cleaned;
  });
  text = thousandsCommas(text);
  const lineAt = (offset) => nos[lineIndexAt(starts, offset)] ?? 0;
  return { text, lineAt };
}
var isDigit = (c) => c >= 48 && c <= 57;
function thousandsCommas(text) {
  let out = "";
  let from = 0;
  for (let p = text.indexOf("\uFF0C"); p >= 0; p = text.indexOf("\uFF0C", p + 1)) {
    const c = (k) => text.charCodeAt(p + k);
    if (isDigit(c(-1)) && isDigit(c(1)) && isDigit(c(2)) && isDigit(c(3)) && !isDigit(c(4))) {
      out += text.slice(from, p) + ",";
      from = p + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
var KIND_WORD = /预算|决算/;
var NOT_A_HEAD = /[，。；：:]|万元/;
var namesKind = (t) => t.includes("\u7B97") && KIND_WORD.test(t);
function pageFurniture(squeezed) {
  const furniture = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Map();
  for (const t of squeezed) {
    if (PAGE_NUMBER_START.has(t.charCodeAt(0)) && PAGE_NUMBER.test(t)) furniture.add(t);
    else if (namesKind(t) && !NOT_A_HEAD.test(t)) {
      const n = (seen.get(t) ?? 0) + 1;
      seen.set(t, n);
      if (n >= 2) furniture.add(t);
    }
  }
  return furniture;
}

// src/lib/extract/narrative-summary.ts
var NOT_A_PART = "(?<!\u8D22\u653F\u62E8\u6B3E|\u516C\u5171\u9884\u7B97|\u653F\u5E9C\u6027\u57FA\u91D1(?:\u9884\u7B97)?|\u56FD\u6709\u8D44\u672C\u7ECF\u8425(?:\u9884\u7B97)?|\u4E13\u6237\u7BA1\u7406\u8D44\u91D1|\u5176\u4ED6\u8D44\u91D1|\u4E8B\u4E1A|\u7ECF\u8425|\u4E0A\u7EA7\u8865\u52A9|\u9644\u5C5E\u5355\u4F4D|[\u3001\u548C\u4E0E\u53CA])";
var JOINT_TOTAL = `${NOT_A_PART}\u6536(?:\u5165)?[\u3001\u548C\u4E0E\u53CA]?\u652F(?:\u51FA)?(?:\u9884\u7B97)?(?:\u603B\u8BA1|\u603B\u9884\u7B97)`;
var PROCUREMENT_TOTAL = "\u653F\u5E9C\u91C7\u8D2D(?:\u9884\u7B97|\u652F\u51FA)*(?:\u603B\u989D|\u603B\u91D1\u989D|\u5408\u8BA1|\u603B\u8BA1)";
var SUMMARY_LABELS = [
  ["income_total", [`${NOT_A_PART}\u6536\u5165(?:\u9884\u7B97)?\u603B\u8BA1`, JOINT_TOTAL, String.raw`收入预算[：:]?(?:\d{4}年)?年初预算数`]],
  ["expenditure_total", [`${NOT_A_PART}\u652F\u51FA(?:\u9884\u7B97)?\u603B\u8BA1`, JOINT_TOTAL, String.raw`支出预算[：:]?(?:\d{4}年)?年初预算数`]],
  ["basic", ["\u57FA\u672C\u652F\u51FA"]],
  ["project", ["\u9879\u76EE\u652F\u51FA"]],
  ["personnel", ["\u4EBA\u5458\u7ECF\u8D39"]],
  ["public", ["\u516C\u7528\u7ECF\u8D39"]],
  ["operating_cost", ["\u8FD0\u884C\u7ECF\u8D39"]],
  ["procurement_total", [PROCUREMENT_TOTAL]],
  ["procurement_goods", ["\u653F\u5E9C\u91C7\u8D2D\u8D27\u7269(?:\u7C7B)?"]],
  ["procurement_works", ["\u653F\u5E9C\u91C7\u8D2D\u5DE5\u7A0B(?:\u7C7B)?"]],
  ["procurement_services", ["\u653F\u5E9C\u91C7\u8D2D\u670D\u52A1(?:\u7C7B)?"]]
];
var SUMMARY_PATTERNS = SUMMARY_LABELS.map(([m, labels]) => [m, labels.map(figurePattern)]);
var CURRENT_EXPENDITURE = [figurePattern("\u672C\u5E74\u652F\u51FA(?:\u9884\u7B97)?\u5408\u8BA1"), new RegExp(`(?<!\u7ECF\u8D39)\u652F\u51FA\u5408\u8BA1${AMOUNT2}`, "g")];
var RESERVE = [figurePattern("(?<!\u5355\u4F4D)(?:\u5355\u4F4D)?\u9884\u7559\u673A\u52A8\u7ECF\u8D39")];
var PROCUREMENT_PARTS = { procurement_goods: "\u8D27\u7269", procurement_works: "\u5DE5\u7A0B", procurement_services: "\u670D\u52A1" };
function readSummary(joined) {
  const summary = {};
  for (const [measure, patterns] of SUMMARY_PATTERNS) {
    const hit = firstMatch(joined, patterns);
    if (hit) summary[measure] = { value: hit.value, line: hit.line };
  }
  const total = firstMatch(joined, [figurePattern(PROCUREMENT_TOTAL)]);
  if (total) {
    for (const [measure, hit] of procurementBreakdown(joined, total)) summary[measure] = { value: hit.value, line: hit.line };
  }
  return summary;
}
function readCurrentExpenditure(joined) {
  return firstMatch(joined, CURRENT_EXPENDITURE);
}
function readReserve(joined) {
  return firstMatch(joined, RESERVE);
}
function procurementBreakdown(joined, total) {
  const end = breakdownEnd(joined.text, total.end);
  const parts = [];
  for (const [measure, word] of Object.entries(PROCUREMENT_PARTS)) {
    const re = new RegExp(`(?:^|(?<=[\uFF1A:\uFF0C,\u3001\uFF1B;]|\u5176\u4E2D))(?:\u62DF)?(?:\u653F\u5E9C)?(?:\u91C7\u8D2D|\u8D2D\u4E70|\u8D2D\u7F6E)?${word}(?:\u7C7B)?(?:\u91C7\u8D2D)?${MEASURE_WORDS}${AMOUNT2}`, "g");
    const m = re.exec(joined.text.slice(total.end, end));
    const hit = m && hitOf(joined, m, total.end);
    if (hit) parts.push([measure, hit]);
  }
  return parts;
}
function breakdownEnd(text, from) {
  const stop = (i) => {
    const at = text.indexOf("\u3002", i);
    return at < 0 ? text.length : at + 1;
  };
  const first = stop(from);
  return text.startsWith("\u5176\u4E2D", first) ? stop(first) : first;
}

// src/lib/extract/narrative-three-public.ts
var TOTAL = figurePattern("\u4E09\u516C\u7ECF\u8D39");
var ITEMS = [
  ["outbound", figurePattern("\u56E0\u516C\u51FA\u56FD[\uFF08(]\u5883[\uFF09)]\u8D39(?:\u7528)?")],
  ["vehicle", figurePattern("\u516C\u52A1\u7528\u8F66\u8D2D\u7F6E[\u53CA\u548C\u4E0E]\u8FD0\u884C(?:\u7EF4\u62A4)?\u8D39")],
  ["vehicle_purchase", figurePattern("\u516C\u52A1(?:\u7528)?\u8F66(?:\u8F86)?\u8D2D\u7F6E(?:\u8D39)?")],
  ["vehicle_operation", figurePattern("\u516C\u52A1(?:\u7528)?\u8F66\u8FD0\u884C(?:\u7EF4\u62A4|\u7EF4\u4FEE)?\u8D39")],
  ["reception", figurePattern("\u516C\u52A1\u63A5\u5F85\u8D39")]
];
var BUDGET_CHANGE = new RegExp(`\u8F83\u5E74\u521D\u9884\u7B97(?:\u6570)?(\u589E\u52A0|\u589E\u957F|\u51CF\u5C11|\u4E0B\u964D)(${NUM})(?!\\d|%|\\.)`);
var CHANGE_REACH = 300;
function readThreePublic(joined, isFinal) {
  const out = {};
  const total = firstMatch(joined, [TOTAL]);
  const start = total ? total.end : joined.text.indexOf("\u4E09\u516C\u7ECF\u8D39");
  if (start < 0) return out;
  const withBudget = (hit) => ({ value: hit.value, line: hit.line, budget: isFinal ? budgetFromChange(joined, hit) : null });
  if (total) out.total = withBudget(total);
  for (const [item, re] of ITEMS) {
    const hit = firstMatch(joined, [re], start);
    if (hit) out[item] = withBudget(hit);
  }
  return out;
}
function budgetFromChange(joined, hit) {
  const nextItem = Math.min(...ITEMS.map(([, re]) => firstMatch(joined, [re], hit.end)?.index ?? Infinity));
  const m = BUDGET_CHANGE.exec(joined.text.slice(hit.end, Math.min(nextItem, hit.end + CHANGE_REACH)));
  if (!m) return null;
  const change = Number(m[2].replace(/,/g, ""));
  const budget = m[1] === "\u51CF\u5C11" || m[1] === "\u4E0B\u964D" ? hit.value + change : hit.value - change;
  return Math.round(budget * 100) / 100;
}

// src/lib/extract/narrative.ts
function readNarrative(lines, isFinal, joined = joinNarrative(lines)) {
  return {
    summary: readSummary(joined),
    threePublic: readThreePublic(joined, isFinal),
    functionClasses: readFunctionClasses(joined),
    currentExpenditure: figureOnly(readCurrentExpenditure(joined)),
    reserve: figureOnly(readReserve(joined))
  };
}
var figureOnly = (hit) => hit ? { value: hit.value, line: hit.line } : null;
var FUNCTION_CLASS = unguarded(
  new RegExp(`${NOT_A_CHANGE}(?<name>${FUNCTION_CLASS_NAMES.map((n) => n.replace(/[()（）]/g, "\\$&")).join("|")})(?:\u9884\u7B97)?${AMOUNT2}`, "g")
);
function readFunctionClasses(joined) {
  const out = [];
  FUNCTION_CLASS.re.lastIndex = 0;
  let m;
  while (m = execGuarded(FUNCTION_CLASS, joined.text)) {
    const name = m.groups?.name ?? "";
    const code = functionClassCode(name);
    const hit = hitOf(joined, m, 0);
    if (!code || !hit || out.some((f) => f.code === code)) continue;
    out.push({ code, name, value: hit.value, line: hit.line });
  }
  return out;
}

// src/lib/extract/narrative-derived-grammar.ts
var BASE = String.raw`(?<base>上年(?:同期)?(?:决算数?|预算数?|支出数?|执行数)?|去年(?:同期)?|年初预算(?:数)?|(?<by>\d{4})年度?(?:决算数?|预算数?|支出数?)?)`;
var UP = "\u589E\u52A0|\u589E\u957F|\u4E0A\u5347|\u63D0\u9AD8|\u589E";
var DOWN = "\u51CF\u5C11|\u4E0B\u964D|\u964D\u4F4E|\u51CF";
var CHANGE_AMOUNT = String.raw`(?<num>${NUM})(?:(?<unit>亿元|万元|千元|元)|万(?=[，。；、,;]|$))|(?<zero>0(?:\.0+)?)(?=[，。；、,;]|$)`;
var PERCENT = String.raw`^[，、,]?(?<pverb>${UP}|${DOWN})(?<pct>${NUM})(?<punit>%|％|个百分点)`;
var CHANGE = new RegExp(
  String.raw`(?:(?:较|比)${BASE}(?:相比)?[，,]?|与${BASE.replace("<base>", "<base2>").replace("<by>", "<by2>")}相比[，,]?(?<subject2>[^，。；;,]{0,24}?))各?(?<verb>${UP}|${DOWN})(?:${CHANGE_AMOUNT})`,
  "g"
);
var LEVEL = new RegExp(String.raw`^[，,]?(?:与|和|同|较|比)${BASE}(?:相比)?[，,]?(?:基本)?持平`);
var PERCENT_AFTER = new RegExp(PERCENT);
var DOWN_VERB = new RegExp(`^(?:${DOWN})$`);
var isDown = (verb) => DOWN_VERB.test(verb);
function placeBase(words, namedYear, year, kind) {
  if (words.startsWith("\u5E74\u521D\u9884\u7B97")) return { relation: "initial_budget", year, kind: "budget" };
  if (namedYear !== void 0 && Number(namedYear) !== year - 1) return null;
  const implied = /决算|支出|执行/.test(words) ? "final" : /预算/.test(words) ? "budget" : kind;
  return { relation: "prior_year", year: year - 1, kind: implied };
}

// src/lib/extract/narrative-derived-labels.ts
var NOT_A_PART2 = "(?<!\u8D22\u653F\u62E8\u6B3E|\u516C\u5171\u9884\u7B97|\u653F\u5E9C\u6027\u57FA\u91D1(?:\u9884\u7B97)?|\u56FD\u6709\u8D44\u672C\u7ECF\u8425(?:\u9884\u7B97)?|\u4E13\u6237\u7BA1\u7406\u8D44\u91D1|\u5176\u4ED6\u8D44\u91D1|\u4E8B\u4E1A|\u7ECF\u8425|\u4E0A\u7EA7\u8865\u52A9|\u9644\u5C5E\u5355\u4F4D)";
var LABELS = [
  ["income_total", `(?:${NOT_A_PART2}\u6536\u5165(?:\u9884\u7B97)?\u603B\u8BA1|\u6536\u5165\u9884\u7B97[\uFF1A:]?(?:\\d{4}\u5E74)?\u5E74\u521D\u9884\u7B97\u6570)`],
  ["expenditure_total", `(?:${NOT_A_PART2}\u652F\u51FA(?:\u9884\u7B97)?\u603B\u8BA1|\u652F\u51FA\u9884\u7B97[\uFF1A:]?(?:\\d{4}\u5E74)?\u5E74\u521D\u9884\u7B97\u6570)`],
  ["general_budget_income", "\u4E00\u822C\u516C\u5171(?:\u9884\u7B97)?(?:\u8D22\u653F)?\u62E8\u6B3E\u6536\u5165"],
  ["general_budget_expenditure", "\u4E00\u822C\u516C\u5171(?:\u9884\u7B97)?(?:\u8D22\u653F)?\u62E8\u6B3E\u652F\u51FA"],
  ["basic", "\u57FA\u672C\u652F\u51FA"],
  ["project", "\u9879\u76EE\u652F\u51FA"],
  ["personnel", "\u4EBA\u5458\u7ECF\u8D39"],
  ["public", "\u516C\u7528\u7ECF\u8D39"],
  ["operating_cost", "\u8FD0\u884C\u7ECF\u8D39"],
  ["procurement_total", "\u653F\u5E9C\u91C7\u8D2D(?:\u9884\u7B97|\u652F\u51FA)*(?:\u603B\u989D|\u603B\u91D1\u989D|\u5408\u8BA1|\u603B\u8BA1)"],
  ["three_public.total", "\u4E09\u516C\u7ECF\u8D39"],
  ["three_public.outbound", "\u56E0\u516C\u51FA\u56FD[\uFF08(]\u5883[\uFF09)]\u8D39(?:\u7528)?"],
  ["three_public.vehicle", "\u516C\u52A1\u7528\u8F66\u8D2D\u7F6E[\u53CA\u548C\u4E0E]\u8FD0\u884C(?:\u7EF4\u62A4)?\u8D39"],
  ["three_public.vehicle_purchase", "\u516C\u52A1(?:\u7528)?\u8F66(?:\u8F86)?\u8D2D\u7F6E(?:\u8D39)?"],
  ["three_public.vehicle_operation", "\u516C\u52A1(?:\u7528)?\u8F66\u8FD0\u884C(?:\u7EF4\u62A4|\u7EF4\u4FEE)?\u8D39"],
  ["three_public.reception", "\u516C\u52A1\u63A5\u5F85\u8D39"]
];
var escape = (s) => s.replace(/[()（）]/g, "\\$&");
var CLASS = new RegExp(`(?<name>${FUNCTION_CLASS_NAMES.map(escape).join("|")})(?:\u9884\u7B97)?${MEASURE_WORDS}(?:\u4E3A|\u662F|\u8FBE)?$`);
var PATTERNS = LABELS.map(([measure, label]) => [measure, new RegExp(`(?:${label})${MEASURE_WORDS}(?:\u4E3A|\u662F|\u8FBE)?$`)]);
function measureOfLabel(label) {
  for (const [measure, re] of PATTERNS) if (re.test(label)) return measure;
  const m = CLASS.exec(label);
  const code = m?.groups ? functionClassCode(m.groups.name) : null;
  return code ? `function.${code}` : null;
}
function measuresOfSubject(subject) {
  const s = subject.replace(/^(?:其中[：:]?|此外|同时|另外)/, "").replace(/^\d{4}年度?/, "");
  if (/^(?:费用(?:支出)?)?$/.test(s)) return [];
  if (/^收[、]?支(?:总计)?$/.test(s)) return ["income_total", "expenditure_total"];
  if (/^收入(?:预算)?(?:总计)?$/.test(s)) return ["income_total"];
  if (/^支出(?:预算)?(?:总计)?$/.test(s)) return ["expenditure_total"];
  const m = measureOfLabel(s);
  return m ? [m] : null;
}
var NAMES = {
  income_total: "\u6536\u5165\u603B\u8BA1",
  expenditure_total: "\u652F\u51FA\u603B\u8BA1",
  general_budget_income: "\u4E00\u822C\u516C\u5171\u9884\u7B97\u8D22\u653F\u62E8\u6B3E\u6536\u5165",
  general_budget_expenditure: "\u4E00\u822C\u516C\u5171\u9884\u7B97\u8D22\u653F\u62E8\u6B3E\u652F\u51FA",
  basic: "\u57FA\u672C\u652F\u51FA",
  project: "\u9879\u76EE\u652F\u51FA",
  personnel: "\u4EBA\u5458\u7ECF\u8D39",
  public: "\u516C\u7528\u7ECF\u8D39",
  operating_cost: "\u673A\u5173\u8FD0\u884C\u7ECF\u8D39",
  procurement_total: "\u653F\u5E9C\u91C7\u8D2D\u652F\u51FA\u603B\u989D",
  "three_public.total": "\u201C\u4E09\u516C\u201D\u7ECF\u8D39",
  "three_public.outbound": "\u56E0\u516C\u51FA\u56FD\uFF08\u5883\uFF09\u8D39",
  "three_public.vehicle": "\u516C\u52A1\u7528\u8F66\u8D2D\u7F6E\u53CA\u8FD0\u884C\u7EF4\u62A4\u8D39",
  "three_public.vehicle_purchase": "\u516C\u52A1\u7528\u8F66\u8D2D\u7F6E\u8D39",
  "three_public.vehicle_operation": "\u516C\u52A1\u7528\u8F66\u8FD0\u884C\u7EF4\u62A4\u8D39",
  "three_public.reception": "\u516C\u52A1\u63A5\u5F85\u8D39"
};
function measureWords(measure) {
  return NAMES[measure] ?? measure.replace(/^function\.(\d+)$/, "\u529F\u80FD\u5206\u7C7B $1 \u7C7B");
}

// src/lib/extract/narrative-derived-text.ts
var isSpace = isWhiteSpace;
var isQuote = (code) => code === 8220 || code === 8221 || code === 34 || code === 8216 || code === 8217;
function normal(c, code) {
  if (code === 65294) return ".";
  if (code === 65292) return ",";
  return code >= 65296 && code <= 65305 ? String.fromCharCode(code - 65248) : c;
}
function verbatim(lines, joined, from, to) {
  const target = joined.text.slice(from, to);
  const first = joined.lineAt(from);
  const last = joined.lineAt(Math.max(from, to - 1));
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (lines[mid].no < first) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < lines.length && lines[end].no <= last) end++;
  const span2 = lines.slice(lo, end);
  return span2.some((l) => SURROGATE.test(l.text)) ? alignByCodePoints(span2, target) : alignByCodeUnits(span2, target);
}
var SURROGATE = /[\uD800-\uDFFF]/;
function alignByCodeUnits(span2, target) {
  if (!span2.some((l) => QUOTE.test(l.text))) return alignWithoutQuotes(span2, target);
  const kept = [];
  const norm = [];
  const at = [];
  for (const line of span2) {
    const text = line.text;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (isSpace(code)) continue;
      kept.push(code);
      if (!isQuote(code)) norm.push(normalCode(code)), at.push(kept.length - 1);
    }
  }
  const start = fromCodes(norm, 0, norm.length).indexOf(target.replace(/，/g, ","));
  if (start < 0 || target.length === 0) return target;
  return fromCodes(kept, at[start], at[start + target.length - 1] + 1);
}
var QUOTE = /[“”"‘’]/;
var FULL_WIDTH_FIGURE2 = /[０-９．]/;
function alignWithoutQuotes(span2, target) {
  const kept = span2.map((l) => l.text.replace(/\s+/g, "")).join("");
  const commas = kept.replace(/，/g, ",");
  const norm = FULL_WIDTH_FIGURE2.test(commas) ? commas.replace(/[０-９．]/g, (c) => normal(c, c.charCodeAt(0))) : commas;
  const start = norm.indexOf(target.replace(/，/g, ","));
  if (start < 0 || target.length === 0) return target;
  return kept.slice(start, start + target.length);
}
function normalCode(code) {
  if (code === 65294) return 46;
  if (code === 65292) return 44;
  return code >= 65296 && code <= 65305 ? code - 65248 : code;
}
function fromCodes(codes, from, to) {
  let out = "";
  for (let i = from; i < to; i += 4096) out += String.fromCharCode(...codes.slice(i, Math.min(to, i + 4096)));
  return out;
}
function alignByCodePoints(span2, target) {
  const kept = [];
  const norm = [];
  const at = [];
  for (const line of span2) {
    for (const c of line.text) {
      const code = c.length === 1 ? c.charCodeAt(0) : -1;
      if (isSpace(code)) continue;
      kept.push(c);
      if (!isQuote(code)) norm.push(normal(c, code)), at.push(kept.length - 1);
    }
  }
  const start = norm.join("").indexOf(target.replace(/，/g, ","));
  if (start < 0 || target.length === 0) return target;
  return kept.slice(at[start], at[start + target.length - 1] + 1).join("");
}

// src/lib/extract/narrative-derived.ts
var Statement = class {
  constructor(index, end, value, line, label) {
    this.index = index;
    this.end = end;
    this.value = value;
    this.line = line;
    this.label = label;
  }
  index;
  end;
  value;
  line;
  label;
  known;
  get measure() {
    if (this.known === void 0) this.known = measureOfLabel(this.label);
    return this.known;
  }
};
var CHANGE_VERB_BEFORE = /(?:增加|减少|增长|下降|降低|上升|提高|调增|调减|新增|压减|节约|节省|减|增)$/;
var CLAUSE_START = new Set([..."\uFF0C\u3002\uFF1B;,\u3001\uFF01\uFF1F!?"].map((c) => c.charCodeAt(0)));
var REASON = /^[，,。；;]?(?<open>主要原因(?:是|为)?[：:]?|主要是|主要用于)/;
var NEAR = 40;
var REASON_REACH = 600;
function readDerivedFigures(lines, year, kind, joined) {
  if (year === null || kind === null) return [];
  joined ??= joinNarrative(lines);
  const statements = readStatements(joined);
  const out = [];
  for (const m of joined.text.matchAll(CHANGE)) {
    const g = m.groups ?? {};
    const base = placeBase(g.base ?? g.base2, g.by ?? g.by2, year, kind);
    const amount = hitOf(joined, m, 0);
    if (!base || !amount) continue;
    const subject = g.base2 !== void 0 ? g.subject2 ?? "" : clauseBefore(joined.text, m.index);
    const targets = subjectsOf(subject, statements, m.index);
    const down = isDown(g.verb);
    const after = joined.text.slice(m.index + m[0].length, m.index + m[0].length + NEAR);
    const pct = PERCENT_AFTER.exec(after);
    const reasonAt = m.index + m[0].length + (pct ? pct[0].length : 0);
    const reason = readReason(joined, lines, reasonAt);
    for (const s of targets) {
      const change = down ? -amount.value : amount.value;
      out.push({
        measure: s.measure,
        ...base,
        value: cents(s.value - change),
        current_value: s.value,
        stated_change: change,
        ...percentOf(pct),
        ...reason,
        line: amount.line
      });
    }
  }
  out.push(...levels(joined, lines, statements, year, kind));
  return out.sort((a, b) => a.line - b.line);
}
function readStatements(joined) {
  const out = [];
  const re = new RegExp(AMOUNT2, "g");
  for (let m; m = re.exec(joined.text); ) {
    const before = joined.text.slice(Math.max(0, m.index - 4), m.index);
    if (CHANGE_VERB_BEFORE.test(before)) continue;
    const hit = hitOf(joined, m, 0);
    if (!hit) continue;
    out.push(new Statement(m.index, hit.end, hit.value, hit.line, clauseBefore(joined.text, amountStart(m) ?? m.index)));
  }
  return out;
}
function clauseBefore(text, at) {
  let i = at - 1;
  while (i >= 0 && !CLAUSE_START.has(text.charCodeAt(i)) && at - i < 60) i--;
  return text.slice(i + 1, at);
}
function subjectsOf(subject, statements, at) {
  const measures = measuresOfSubject(subject);
  if (measures === null) return [];
  const n = countBefore(statements, at);
  if (measures.length === 0) {
    const last = statements[n - 1];
    return last && last.measure !== null ? [last] : [];
  }
  return measures.flatMap((measure) => {
    for (let k = n - 1; k >= 0; k--) if (statements[k].measure === measure) return [statements[k]];
    return [];
  });
}
function countBefore(statements, at) {
  let lo = 0;
  let hi = statements.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (statements[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function levels(joined, lines, statements, year, kind) {
  const out = [];
  for (const s of statements) {
    const m = LEVEL.exec(joined.text.slice(s.end, s.end + NEAR));
    if (!m || s.measure === null) continue;
    const base = m.groups ? placeBase(m.groups.base, m.groups.by, year, kind) : null;
    if (!base) continue;
    const reason = readReason(joined, lines, s.end + m[0].length);
    out.push({ measure: s.measure, ...base, value: s.value, current_value: s.value, stated_change: 0, stated_percent: null, percent_decimals: null, stated_points: null, ...reason, line: s.line });
  }
  return out;
}
function percentOf(m) {
  if (!m?.groups) return { stated_percent: null, percent_decimals: null, stated_points: null };
  const value = Number(m.groups.pct.replace(/,/g, "")) * (isDown(m.groups.pverb) ? -1 : 1);
  if (m.groups.punit === "\u4E2A\u767E\u5206\u70B9") return { stated_percent: null, percent_decimals: null, stated_points: value };
  return { stated_percent: value, percent_decimals: m.groups.pct.split(".")[1]?.length ?? 0, stated_points: null };
}
function readReason(joined, lines, at) {
  const m = REASON.exec(joined.text.slice(at, at + 8));
  if (!m?.groups) return { reason: null, reason_line: null };
  const start = at + m[0].length - m.groups.open.length;
  const stop = joined.text.slice(start, start + REASON_REACH).search(/[。；;]/);
  const end = stop < 0 ? Math.min(joined.text.length, start + REASON_REACH) : start + stop;
  return { reason: verbatim(lines, joined, start, end), reason_line: joined.lineAt(start) };
}
var cents = (x) => Math.round(x * 100) / 100;

// src/lib/extract/checks.ts
var CHECK_TOLERANCE = 0.02;
function convertedTolerance(n) {
  return Math.max(CHECK_TOLERANCE, 5e-3 * (n + 1));
}
function compare(rule, expected, actual, detail, line, tolerance = CHECK_TOLERANCE) {
  const ok = expected !== null && actual !== null && Math.abs(expected - actual) <= tolerance + 1e-9;
  return {
    rule,
    expected: expected === null ? null : round2(expected),
    actual: actual === null ? null : round2(actual),
    ok,
    detail,
    line
  };
}
function sumOrNull(values) {
  let s = 0;
  for (const v of values) {
    if (v === null) return null;
    s += v;
  }
  return round2(s);
}

// src/lib/extract/narrative-derived-checks.ts
var HALF_CENT = 5e-3;
var RELATION_WORDS = { prior_year: "\u4E0A\u5E74", initial_budget: "\u5E74\u521D\u9884\u7B97\u6570" };
function derivedPercentChecks(figures) {
  const out = [];
  for (const f of figures) {
    if (f.stated_percent === null || f.percent_decimals === null) continue;
    const range = percentRange(f.current_value, f.stated_change);
    const rule = `narrative_derived.percent:${f.measure}.${f.relation}`;
    const detail = `\u6587\u5B57\u6240\u8FF0${measureWords(f.measure)}\u8F83${RELATION_WORDS[f.relation]}\u53D8\u52A8 ${f.stated_change} \u4E07\u5143\uFF08${f.current_value} \u4E07\u5143\u5BF9 ${f.value} \u4E07\u5143\uFF09\uFF0C\u6309\u6B64\u5E94\u4E3A ${range ? range.mid.toFixed(2) : "\u2014"}%\uFF0C\u6587\u5B57\u4E3A ${f.stated_percent}%`;
    if (!range) {
      out.push(compare(rule, f.stated_change === 0 ? 0 : null, f.stated_percent, detail, f.line));
      continue;
    }
    const half = 0.5 * 10 ** -f.percent_decimals;
    const tolerance = Math.max(range.hi - range.mid, range.mid - range.lo) + half;
    out.push(compare(rule, range.mid, f.stated_percent, detail, f.line, tolerance));
  }
  return out;
}
function percentRange(current, change) {
  const prior = current - change;
  if (prior - 2 * HALF_CENT <= 0) return null;
  const at = (c, x) => 100 * c / (x - c);
  const corners = [-1, 1].flatMap((dc) => [-1, 1].map((dx) => at(change + dc * HALF_CENT, current + dx * HALF_CENT)));
  return { lo: Math.min(...corners), mid: at(change, current), hi: Math.max(...corners) };
}
function derivedTableChecks(figures, tableRows) {
  const out = [];
  for (const f of figures) {
    if (f.relation !== "initial_budget" || !f.measure.startsWith("three_public.")) continue;
    const row = tableRows.find((r) => `three_public.${r.item}` === f.measure);
    if (!row || row.budget === null) continue;
    const detail = `\u636E\u6587\u5B57\u63A8\u7B97\u7684${measureWords(f.measure)}\u5E74\u521D\u9884\u7B97\u6570\u4E3A ${f.value} \u4E07\u5143\uFF0C\u672C\u6587\u4EF6\u4E09\u516C\u7ECF\u8D39\u8868\uFF08\u7B2C ${row.source_line} \u884C\uFF09\u6240\u5217\u9884\u7B97\u6570\u4E3A ${row.budget} \u4E07\u5143`;
    out.push(compare(`narrative_derived.figure:${f.measure}.initial_budget`, row.budget, f.value, detail, f.line));
  }
  return out;
}

// src/lib/extract/entries.ts
var MAX_NAME_CONTINUATIONS = 2;
var CODE2 = /^\d{3}(?:\d{2}){0,2}$/;
var TOTAL_LABEL = /^(?:合\s*计|总\s*计)[：:]?$/;
var isText = (t) => t !== "" && !isAmountCell(t);
var hasFigures = (e) => e.figures.some((f) => f !== "");
function parseEntries(rows) {
  const out = { entries: [], headerCells: [], unfinished: [] };
  const groupStarts = sideBySideGroupStarts(rows);
  let wrapped = null;
  let hasTotal = false;
  for (const row of rows) {
    if (wrapped && continueWrapped(wrapped, row)) {
      if (wrapped.entry.figures.length > 0) {
        out.entries.push(wrapped.entry);
        wrapped = null;
      }
      continue;
    }
    if (wrapped) {
      out.unfinished.push(wrapped.entry);
      wrapped = null;
    }
    const found = entriesOfRow(row, hasTotal, groupStarts);
    if (found.length === 0) out.headerCells.push(...row.cells.filter((c) => c.text !== ""));
    const last = found[found.length - 1];
    const mayWrap = last !== void 0 && last.code !== null && !row.blanksKept && !hasFigures(last);
    for (const e of found) {
      if (hasFigures(e)) {
        out.entries.push(e);
        hasTotal ||= e.code === null;
      } else if (e.code !== null && !(mayWrap && e === last)) out.unfinished.push(e);
    }
    if (mayWrap) wrapped = { entry: last, nameLines: 0 };
  }
  if (wrapped) out.unfinished.push(wrapped.entry);
  return out;
}
function continueWrapped(wrapped, row) {
  const texts = row.cells.map((c) => c.text).filter((t) => t !== "");
  if (row.blanksKept || texts.length === 0 || row.cells.some((_, i) => entryStart(row.cells, i))) return false;
  const firstFigure = texts.findIndex((t) => !isText(t));
  const name = firstFigure < 0 ? texts : texts.slice(0, firstFigure);
  const figures = firstFigure < 0 ? [] : texts.slice(firstFigure);
  if (figures.some(isText)) return false;
  if (figures.length === 0 && wrapped.nameLines++ >= MAX_NAME_CONTINUATIONS) return false;
  wrapped.entry.name += name.join("");
  wrapped.entry.figures.push(...figures);
  return true;
}
function sideBySideGroupStarts(rows) {
  const starts = /* @__PURE__ */ new Set();
  for (const row of rows) {
    if (!row.blanksKept) continue;
    const codeColumns = row.cells.map((_, i) => i).filter((i) => entryStart(row.cells, i)?.code);
    if (codeColumns.length >= 2) codeColumns.forEach((i) => starts.add(i));
  }
  return [...starts].sort((a, b) => a - b);
}
function entriesOfRow(row, hasTotal, groupStarts) {
  const cells = row.cells;
  if (!hasTotal && isBareFigureRow(cells)) {
    return [{ code: null, name: "\u5408\u8BA1", figures: cells.map((c) => c.text), line: row.line, blanksKept: row.blanksKept }];
  }
  const out = [];
  let i = 0;
  while (i < cells.length) {
    const start = entryStart(cells, i);
    if (!start) {
      i++;
      continue;
    }
    const groupEnd = row.blanksKept ? groupStarts.find((g) => g > i) ?? cells.length : cells.length;
    let j = i + 1;
    const name = [];
    while (j < groupEnd && isText(cells[j].text) && !entryStart(cells, j)) name.push(cells[j++].text);
    const figures = [];
    while (j < groupEnd && !isText(cells[j].text) && !entryStart(cells, j)) figures.push(cells[j++].text);
    if (start.code !== null || figures.some((f) => f !== "")) {
      out.push({ code: start.code, name: start.code === null ? "\u5408\u8BA1" : name.join(""), figures, line: cells[i].line, blanksKept: row.blanksKept });
    }
    i = j;
  }
  return out;
}
var TOTAL_FIRST = new Set([..."\u5408\u603B"].map((c) => c.charCodeAt(0)));
function entryStart(cells, i) {
  const t = cells[i].text;
  const first = t.charCodeAt(0);
  if (TOTAL_FIRST.has(first) && TOTAL_LABEL.test(t)) return { code: null };
  if (t.length !== 3 && t.length !== 5 && t.length !== 7) return null;
  const code = first >= 65296 ? toHalfWidth(t) : t;
  if (!CODE2.test(code)) return null;
  let next = i + 1;
  while (next < cells.length && cells[next].text === "") next++;
  return next < cells.length && isText(cells[next].text) ? { code } : null;
}
function isBareFigureRow(cells) {
  const filled = cells.filter((c) => c.text !== "");
  return filled.every((c) => isAmountCell(c.text)) && filled.filter((c) => isNumberCell(c.text)).length >= 2;
}

// src/lib/extract/solver.ts
var MAX_STATES = 2e5;
function sumTolerance(n) {
  return Math.max(2, Math.ceil(0.5 * (n + 1)));
}
function placementsOf(figures, columns, keep = () => true) {
  const out = [];
  const acc = Array(columns).fill(0);
  const pick = (fi, ci) => {
    if (fi === figures.length) {
      if (keep(acc)) out.push(acc.slice());
      return;
    }
    for (let c = ci; c <= columns - (figures.length - fi); c++) {
      acc[c] = figures[fi];
      pick(fi + 1, c + 1);
      acc[c] = 0;
    }
  };
  pick(0, 0);
  return out;
}
function distinct(vectors) {
  const seen = /* @__PURE__ */ new Map();
  for (const v of vectors) seen.set(v.join(","), v);
  return [...seen.values()];
}
function distinctPlacements(figures, columns, keep) {
  const all = placementsOf(figures, columns, keep);
  return figures.includes(0) ? distinct(all) : all;
}
function solveTree(input) {
  const children = childrenByParent(input.nodes);
  const byKey = new Map(input.nodes.map((n) => [n.key, n]));
  const feasible = /* @__PURE__ */ new Map();
  const feasibleOf = (key) => {
    const cached = feasible.get(key);
    if (cached) return cached;
    const node = byKey.get(key);
    const kids = children.get(key) ?? [];
    const kidOptions = kids.map(feasibleOf).filter((o) => o.length > 0);
    const slack = slackOf(kids, feasibleOf, byKey);
    const unconstrained = kidOptions.length === 0 && slack === null;
    const kept = unconstrained || node.candidates.length <= 1;
    let ok = kept ? [...node.candidates] : node.candidates.filter((c) => countFits(kidOptions, c, input.columns, slack) > 0);
    if (ok.length === 0) ok = [...node.candidates];
    feasible.set(key, ok);
    return ok;
  };
  const result = /* @__PURE__ */ new Map();
  const top = children.get(null) ?? [];
  assignChildren(top, input.total, { children, byKey, feasibleOf, result, columns: input.columns });
  return result;
}
function slackOf(keys, feasibleOf, byKey) {
  const unplaceable = keys.filter((k) => feasibleOf(k).length === 0).map((k) => byKey.get(k)?.slackTotal);
  if (unplaceable.length === 0 || unplaceable.some((t) => t === void 0)) return null;
  return { total: unplaceable.reduce((a, b) => a + b, 0), count: unplaceable.length };
}
function assignChildren(keys, target, ctx) {
  if (keys.length === 0) return;
  const placeable = keys.filter((k) => ctx.feasibleOf(k).length > 0);
  const options = placeable.map(ctx.feasibleOf);
  const slack = slackOf(keys, ctx.feasibleOf, ctx.byKey);
  const fit = target === null ? null : fitCombinations(options, target, ctx.columns, slack);
  const constrained = fit !== null && fit.count > 0;
  for (const key of keys) {
    const i = placeable.indexOf(key);
    const only = fit?.only;
    const allowed = i < 0 ? [] : !constrained ? options[i] : only ? [options[i][only[i]]] : forcedOptions(options, i, target, ctx.columns, slack);
    const placement = toPlacement(allowed);
    ctx.result.set(key, placement);
    assignChildren(ctx.children.get(key) ?? [], placement.status === "unique" ? placement.vector : null, ctx);
  }
}
function forcedOptions(options, i, target, columns, slack) {
  if (options[i].length === 1) return options[i];
  return options[i].filter((opt) => {
    const fixed = options.map((o, j) => j === i ? [opt] : o);
    return countFits(fixed, target, columns, slack) > 0;
  });
}
function toPlacement(allowed) {
  const status = allowed.length === 1 ? "unique" : allowed.length === 0 ? "impossible" : "ambiguous";
  return { vector: allowed[0] ?? [], status, fits: allowed.length, uncertainColumns: uncertainColumns(allowed) };
}
function uncertainColumns(vectors) {
  if (vectors.length < 2) return [];
  const cols = [];
  for (let c = 0; c < vectors[0].length; c++) {
    if (vectors.some((v) => v[c] !== vectors[0][c])) cols.push(c);
  }
  return cols;
}
function countFits(options, target, columns, slack = null) {
  return fitCombinations(options, target, columns, slack).count;
}
function fitCombinations(options, target, columns, slack = null) {
  const tol = sumTolerance(options.length + (slack?.count ?? 0));
  const prune = options.every((o) => o.every((v) => v.every((x) => x >= 0)));
  const fitsTarget = (sums) => slack === null ? sums.every((x, c) => Math.abs(x - target[c]) <= tol) : Math.abs(sums[0] + slack.total - target[0]) <= tol && sums.every((x, c) => c === 0 || x <= target[c] + tol);
  if (options.length > 0 && options.every((o) => o.length === 1)) {
    const sums = Array(columns).fill(0);
    for (const [v] of options) for (let c = 0; c < columns; c++) sums[c] += v[c];
    if (prune && sums.some((x, c) => x > target[c] + tol)) return { count: 0, only: null };
    return fitsTarget(sums) ? { count: 1, only: options.map(() => 0) } : { count: 0, only: null };
  }
  let states = /* @__PURE__ */ new Map([[zeroKey(columns), { sums: Array(columns).fill(0), count: 1, prev: null, pick: -1 }]]);
  let made = 0;
  for (const opts of options) {
    const next = /* @__PURE__ */ new Map();
    for (const state of states.values()) {
      for (let pick = 0; pick < opts.length; pick++) {
        const v = opts[pick];
        const s = state.sums.map((x, c) => x + v[c]);
        if (prune && s.some((x, c) => x > target[c] + tol)) continue;
        const key = s.join(",");
        const prev = next.get(key);
        if (prev) prev.count = Math.min(2, prev.count + state.count);
        else next.set(key, { sums: s, count: state.count, prev: ++made <= MAX_STATES ? state : null, pick });
      }
    }
    if (next.size > MAX_STATES) return { count: 2, only: null };
    states = next;
  }
  let fits = 0;
  let fitting = null;
  for (const state of states.values()) if (fitsTarget(state.sums)) fits = Math.min(2, fits + state.count), fitting = state;
  return { count: fits, only: fits === 1 && fitting ? pathTo(fitting, options.length) : null };
}
function pathTo(state, steps) {
  const picks = [];
  for (let s = state; s !== null && s.pick >= 0; s = s.prev) picks.push(s.pick);
  return picks.length === steps ? picks.reverse() : null;
}
function zeroKey(columns) {
  return Array(columns).fill(0).join(",");
}
function childrenByParent(nodes) {
  const map = /* @__PURE__ */ new Map();
  for (const n of nodes) {
    const list = map.get(n.parent) ?? [];
    list.push(n.key);
    map.set(n.parent, list);
  }
  return map;
}

// src/lib/extract/coded-table.ts
var HEADER_ROLES = [
  [/^(?:合计|总计|小计|本年支出合计)$/, "total"],
  [/^基本支出$/, "basic"],
  [/^项目支出$/, "project"],
  [/^人员经费$/, "personnel"],
  [/^(?:日常)?公用经费$/, "public"],
  [/^(?:上缴上级支出|经营支出|对附属单位补助支出)$/, "other"],
  [/^年初(?:财政拨款)?结转和结余$/, "carry_in"],
  [/^本年收入(?:合计)?$/, "income"],
  [/^年末(?:财政拨款)?结转和结余$/, "carry_out"]
];
var ROLE_LABEL = {
  total: "\u5408\u8BA1",
  basic: "\u57FA\u672C\u652F\u51FA",
  project: "\u9879\u76EE\u652F\u51FA",
  personnel: "\u4EBA\u5458\u7ECF\u8D39",
  public: "\u516C\u7528\u7ECF\u8D39",
  other: "\u5176\u4ED6",
  carry_in: "\u5E74\u521D\u7ED3\u8F6C\u548C\u7ED3\u4F59",
  income: "\u672C\u5E74\u6536\u5165",
  carry_out: "\u5E74\u672B\u7ED3\u8F6C\u548C\u7ED3\u4F59"
};
var PART_ORDER = ["basic", "project", "personnel", "public"];
var BEFORE = ["carry_in", "income"];
var AFTER = ["carry_out"];
var isPart = (r) => PART_ORDER.includes(r) || r === "other";
function detectColumns(headerCells, alwaysTotal) {
  const seen = [];
  const labelled = /* @__PURE__ */ new Set();
  for (const cell of headerCells) {
    const t = cell.text.replace(/\s+/g, "");
    const role = HEADER_ROLES.find(([re]) => re.test(t))?.[1];
    if (role && (role === "other" || !seen.includes(role))) seen.push(role);
    const total = t.includes("\u5408\u8BA1") ? LABELLED_TOTAL_ROLES[t.replace(/[：:]$/, "")] : void 0;
    if (total) labelled.add(total);
  }
  if (!seen.some(isPart) && labelled.has("personnel") && labelled.has("public")) seen.push("personnel", "public");
  const aside = (order2) => order2.filter((r) => seen.includes(r));
  return [...aside(BEFORE), ...spendingColumns(seen, alwaysTotal), ...aside(AFTER)];
}
function spendingColumns(seen, alwaysTotal) {
  const parts = seen.filter(isPart);
  if (parts.length === 1 && parts[0] !== "other") return ["total"];
  const hasTotal = alwaysTotal || seen.includes("total") || parts.length === 0;
  const ordered = PART_ORDER.filter((r) => parts.includes(r));
  return [...hasTotal ? ["total"] : [], ...ordered, ...parts.filter((r) => r === "other")];
}
var TOTAL_CODE = "\u5408\u8BA1";
function readCodedTable(rows, options) {
  const { entries, headerCells, unfinished } = parseEntries(rows);
  const columns = detectColumns(headerCells, options.alwaysTotal);
  const problems = unfinished.map((e) => ({
    line: e.line,
    message: `${options.label}\uFF1A\u79D1\u76EE ${e.code} ${e.name} \u627E\u4E0D\u5230\u6570\u5B57\uFF0C\u672A\u8BFB\u5165 (row without figures)`
  }));
  const coded = dedupeCodes(entries.filter((e) => e.code !== null), problems, options.label);
  const totalEntry = entries.find((e) => e.code === null) ?? null;
  const labelled = labelledTotals(rows, columns);
  const converted2 = options.converted === true;
  const ctx = { columns, problems, label: options.label, converted: converted2, holds: rowArithmetic(columns, converted2), blockOf: blockFinder(rows, columns) };
  const nodes = buildNodes(coded, totalEntry, labelled, ctx);
  const placements = solveTree({ nodes, total: null, columns: columns.length });
  const printed = new Set(coded.map((e) => e.code));
  const rowsOut = coded.map((e) => toRow(e, placements.get(e.code), printed, columns));
  const total = totalEntry || labelled ? toTotalRow(totalEntry, labelled, placements.get(TOTAL_CODE), columns) : null;
  const checks = tableChecks(rowsOut, total, columns, options.prefix, ctx.converted);
  return { columns, total, rows: rowsOut, checks, problems };
}
function dedupeCodes(entries, problems, label) {
  const seen = /* @__PURE__ */ new Set();
  return entries.filter((e) => {
    const code = e.code;
    if (seen.has(code)) {
      problems.push({ line: e.line, message: `${label}\uFF1A\u79D1\u76EE ${code} \u91CD\u590D\u51FA\u73B0\uFF0C\u5DF2\u5FFD\u7565\u7B2C\u4E8C\u6B21 (duplicate code)` });
      return false;
    }
    seen.add(code);
    return true;
  });
}
function labelledTotals(rows, columns) {
  const found = /* @__PURE__ */ new Map();
  for (const row of rows) {
    row.cells.forEach((cell, i) => {
      if (!cell.text.includes("\u5408\u8BA1")) return;
      const role = LABELLED_TOTAL_ROLES[cell.text.replace(/\s+/g, "").replace(/[：:]$/, "")];
      if (!role) return;
      const figure = row.cells.slice(i + 1).find((c) => c.text !== "");
      const value = figure ? parseAmount(figure.text) : null;
      if (value !== null) found.set(role, { cents: toCents(value), line: cell.line });
    });
  }
  const parts = columns.filter((c) => c !== "total");
  if (found.size === 0 || parts.length === 0 || !parts.every((p) => found.has(p))) return null;
  const partSum = parts.reduce((s, p) => s + (found.get(p)?.cents ?? 0), 0);
  const vector = columns.map((c) => c === "total" ? partSum : found.get(c)?.cents ?? 0);
  return { vector, line: Math.min(...[...found.values()].map((f) => f.line)) };
}
var LABELLED_TOTAL_ROLES = {
  \u4EBA\u5458\u7ECF\u8D39\u5408\u8BA1: "personnel",
  \u516C\u7528\u7ECF\u8D39\u5408\u8BA1: "public",
  \u57FA\u672C\u652F\u51FA\u5408\u8BA1: "basic",
  \u9879\u76EE\u652F\u51FA\u5408\u8BA1: "project"
};
function buildNodes(coded, totalEntry, labelled, ctx) {
  const hasTotal = totalEntry !== null || labelled !== null;
  const nodes = [];
  if (hasTotal) {
    const candidates2 = labelled ? [labelled.vector] : candidatesOf(totalEntry, ctx);
    nodes.push({ key: TOTAL_CODE, parent: null, candidates: candidates2 });
  }
  const codes = new Set(coded.map((e) => e.code));
  for (const e of coded) {
    const parent = parentCodeOf(e.code, codes);
    const candidates2 = inBlock(candidatesOf(e, ctx), ctx.columns.indexOf(ctx.blockOf(e)));
    const slackTotal = candidates2.length === 0 ? printedTotal(e, ctx.columns) : void 0;
    nodes.push({ key: e.code, parent: parent ?? (hasTotal ? TOTAL_CODE : null), candidates: candidates2, slackTotal });
  }
  return nodes;
}
function inBlock(candidates2, column) {
  if (column < 0) return candidates2;
  const fitting = candidates2.filter((v) => v.every((x, c) => c === column || x === 0));
  return fitting.length > 0 ? fitting : candidates2;
}
function blockFinder(rows, columns) {
  const blocks = blockHeader(rows, columns);
  if (blocks.length < 2) return () => null;
  const byLine = new Map(rows.filter((r) => r.blanksKept).map((r) => [r.line, r]));
  return (e) => {
    const cells = byLine.get(e.line)?.cells ?? [];
    const at = cells.findIndex((c) => toHalfWidth(c.text) === e.code);
    return at < 0 ? null : [...blocks].reverse().find((b) => b.start <= at)?.role ?? null;
  };
}
function blockHeader(rows, columns) {
  if (!columns.includes("personnel") || !columns.includes("public")) return [];
  for (const row of rows.filter((r) => r.blanksKept)) {
    const blocks = row.cells.flatMap((c, start) => {
      const role = BLOCK_NAMES[c.text.replace(/\s+/g, "")];
      return role ? [{ start, role }] : [];
    });
    if (blocks.length >= 2) return blocks;
  }
  return [];
}
var BLOCK_NAMES = { \u4EBA\u5458\u7ECF\u8D39: "personnel", \u516C\u7528\u7ECF\u8D39: "public", \u65E5\u5E38\u516C\u7528\u7ECF\u8D39: "public" };
function printedTotal(e, columns) {
  if (columns[0] !== "total") return void 0;
  const first = e.figures.map((f) => parseAmount(f)).find((v) => v !== null);
  return first === void 0 || first === null ? void 0 : toCents(first);
}
function parentCodeOf(code, printed) {
  for (let len = code.length - 2; len >= 3; len -= 2) {
    if (printed.has(code.slice(0, len))) return code.slice(0, len);
  }
  return null;
}
function candidatesOf(e, { columns, problems, label, holds }) {
  const n = columns.length;
  const cells = e.blanksKept ? fitKeptBlanks(e.figures, n) : e.figures.filter((f) => f !== "");
  const amounts = cells.map(parseAmount);
  if (cells.length === n && (e.blanksKept || cells.some(isEmptyMarker))) return [amounts.map((a) => toCents(a ?? 0))];
  const filled = amounts.filter((a) => a !== null).map((a) => toCents(a));
  if (filled.length > n) {
    problems.push({ line: e.line, message: `${label}\uFF1A${e.code ?? "\u5408\u8BA1"} \u6709 ${filled.length} \u4E2A\u6570\u5B57\uFF0C\u4F46\u8868\u53EA\u6709 ${n} \u5217 (too many figures)` });
    return [];
  }
  const fits = distinctPlacements(filled, n, holds);
  if (fits.length === 0) {
    problems.push({ line: e.line, message: `${label}\uFF1A${e.code ?? "\u5408\u8BA1"} \u7684 ${filled.length} \u4E2A\u6570\u5B57\u653E\u4E0D\u8FDB ${n} \u5217\u4E14\u6EE1\u8DB3\u5408\u8BA1=\u5404\u9879\u4E4B\u548C (no placement fits)` });
  }
  return fits;
}
function fitKeptBlanks(figures, n) {
  const out = [...figures];
  while (out.length > n && out[0] === "") out.shift();
  while (out.length > n && out[out.length - 1] === "") out.pop();
  return out;
}
function rowArithmetic(columns, converted2) {
  const t = columns.indexOf("total");
  const parts = partColumns(columns);
  if (t < 0 || parts.length === 0) return () => true;
  const tolerance = converted2 ? sumTolerance(parts.length) : 2;
  return (v) => Math.abs(v[t] - parts.reduce((s, c) => s + v[c], 0)) <= tolerance;
}
var partColumnsOf = /* @__PURE__ */ new WeakMap();
function partColumns(columns) {
  let parts = partColumnsOf.get(columns);
  if (!parts) partColumnsOf.set(columns, parts = columns.flatMap((r, i) => isPart(r) ? [i] : []));
  return parts;
}
function toValues(p, n) {
  if (!p || p.status === "impossible") return Array(n).fill(null);
  return p.vector.map((c, i) => p.uncertainColumns.includes(i) ? null : fromCents(c));
}
function toRow(e, p, printed, columns) {
  const code = e.code;
  const filled = e.figures.filter((f) => f !== "").length;
  return {
    code,
    name: e.name,
    level: (code.length - 1) / 2,
    parentCode: parentCodeOf(code, printed) ?? (code.length > 3 ? code.slice(0, code.length - 2) : null),
    line: e.line,
    values: toValues(p, columns.length),
    placement: p,
    solved: !(e.blanksKept && e.figures.length >= columns.length) && filled < columns.length
  };
}
function toTotalRow(e, labelled, p, columns) {
  return {
    code: TOTAL_CODE,
    name: "\u5408\u8BA1",
    level: 0,
    parentCode: null,
    line: e?.line ?? labelled?.line ?? 0,
    values: toValues(p, columns.length),
    placement: p,
    solved: false
  };
}
function columnKey(columns, c) {
  const role = columns[c];
  return columns.filter((r) => r === role).length > 1 ? `${role}${c}` : role;
}
function tableChecks(rows, total, columns, prefix, converted2) {
  const tolerance = (summands) => converted2 ? convertedTolerance(summands) : CHECK_TOLERANCE;
  const checks = [];
  const all = total ? [total, ...rows] : rows;
  const t = columns.indexOf("total");
  const parts = partColumns(columns);
  const children = childrenByParent2(rows);
  const partsWords = parts.map((c) => ROLE_LABEL[columns[c]]).join(" + ");
  const keys = columns.map((_, c) => columnKey(columns, c));
  for (const r of all) {
    if (r.solved || r.placement?.status !== "unique") checks.push(placementCheck(r, prefix, columns));
    if (t >= 0 && parts.length > 0) {
      const detail = `${r.code} ${r.name}\uFF1A\u5408\u8BA1 = ${partsWords}`;
      checks.push(compare(`${prefix}.row_sum:${r.code}`, r.values[t], sumOrNull(parts.map((c) => r.values[c])), detail, r.line, tolerance(parts.length)));
    }
  }
  for (const parent of all) {
    const kids = children.get(parent.code) ?? [];
    if (kids.length === 0) continue;
    columns.forEach((role, c) => {
      const sum = sumOrNull(kids.map((k) => k.values[c]));
      const detail = `${parent.code} ${parent.name}\uFF1A${ROLE_LABEL[role]}\u7B49\u4E8E\u4E0B\u7EA7\u79D1\u76EE\u4E4B\u548C`;
      checks.push(compare(`${prefix}.children_sum:${parent.code}.${keys[c]}`, parent.values[c], sum, detail, parent.line, tolerance(kids.length)));
    });
  }
  return checks;
}
function childrenByParent2(rows) {
  const printed = new Set(rows.map((r) => r.code));
  const groups = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const key = r.parentCode && printed.has(r.parentCode) ? r.parentCode : TOTAL_CODE;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}
function placementCheck(r, prefix, columns) {
  const fits = r.placement?.fits ?? 0;
  const undecided = columns.filter((_, c) => r.values[c] === null).map((role) => ROLE_LABEL[role]).join("\u3001");
  const what = fits === 1 ? "\u7531\u7B97\u672F\u552F\u4E00\u786E\u5B9A" : fits === 0 ? "\u6CA1\u6709\u4EFB\u4F55\u6446\u653E\u6EE1\u8DB3\u7B97\u672F\u5173\u7CFB" : `\u6709 ${fits} \u79CD\u4EE5\u4E0A\u6446\u653E\u90FD\u6EE1\u8DB3\u7B97\u672F\u5173\u7CFB`;
  const left = fits === 1 || !undecided ? "" : `\uFF0C${undecided}\u7559\u7A7A`;
  return { rule: `${prefix}.placement:${r.code}`, expected: 1, actual: fits, ok: fits === 1, detail: `${r.code} ${r.name} \u7684\u6570\u5B57\u6240\u5728\u5217${what}${left}`, line: r.line };
}

// src/lib/extract/funds.ts
var FUND_NAME = { government_fund: "\u653F\u5E9C\u6027\u57FA\u91D1\u9884\u7B97", state_capital: "\u56FD\u6709\u8D44\u672C\u7ECF\u8425\u9884\u7B97" };
function fundsValue(funds, code, role) {
  let sum = 0;
  for (const { table } of funds) {
    const row = code === TOTAL_CODE ? table.total : table.rows.find((r) => r.code === code);
    if (!row) continue;
    const value = row.values[table.columns.indexOf(role)];
    if (value === null || value === void 0) return null;
    sum += value;
  }
  return round2(sum);
}
function withFunds(general, funds, code, role) {
  if (funds.length === 0 || general === null) return general;
  const others = fundsValue(funds, code, role);
  return others === null ? null : round2(general + others);
}
function fundsNote(funds) {
  return funds.length === 0 ? "" : `\uFF08\u4E00\u822C\u516C\u5171\u9884\u7B97 + ${funds.map((f) => FUND_NAME[f.scheme]).join(" + ")}\uFF09`;
}

// src/lib/extract/three-public.ts
var THREE_PUBLIC_COLUMNS = ["total", "outbound", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"];
var holdsBlock = (v, at) => Math.abs(v[at] - (v[at + 1] + v[at + 2] + v[at + 5])) <= 2 && Math.abs(v[at + 2] - (v[at + 3] + v[at + 4])) <= 2;
function columnsOf(headerText) {
  const blocks = /预算数/.test(headerText) && /决算数|实际支出|支出数/.test(headerText) ? 2 : 1;
  const extras = ["\u4F1A\u8BAE", "\u57F9\u8BAD"].filter((w) => headerText.includes(w)).length;
  return extras ? { blocks, width: 7 + extras, at: 1, extras } : { blocks, width: 6, at: 0, extras: 0 };
}
function holdsAll(v, c) {
  for (let b = 0; b < c.blocks; b++) {
    const base = b * c.width;
    if (!holdsBlock(v, base + c.at)) return false;
    const extra = v.slice(base + c.at + 6, base + c.width).reduce((s, x) => s + x, 0);
    if (c.extras && Math.abs(v[base] - (v[base + c.at] + extra)) > 2) return false;
  }
  return true;
}
function readThreePublicTable(rows, evidence) {
  const row = rows.find((r) => r.cells.some((c) => isNumberCell(c.text)) && r.cells.every((c) => c.text === "" || isAmountCell(c.text)));
  if (!row) return { figures: [], checks: [], problems: [] };
  const headerText = rows.filter((r) => r !== row).flatMap((r) => r.cells.map((c) => c.text).filter((t) => !/表$/.test(t))).join("");
  const layout = columnsOf(headerText);
  const { blocks } = layout;
  const n = layout.width * blocks;
  const holds = (v) => holdsAll(v, layout);
  const cells = row.cells.map((c) => c.text);
  if (row.blanksKept) while (cells.length > n && cells[cells.length - 1] === "") cells.pop();
  const positional = (row.blanksKept || cells.some(isEmptyMarker)) && cells.length === n;
  const filled = cells.filter((c) => parseAmount(c) !== null).map((c) => toCents(parseAmount(c)));
  const fitting = positional ? [cells.map((c) => toCents(parseAmount(c) ?? 0))].filter(holds) : distinct(placementsOf(filled, n).filter(holds));
  const { chosen, detail } = breakTie(fitting, blocks === 1 ? evidence : {}, layout.at);
  const checks = [];
  const problems = [];
  if (!positional || !chosen) {
    checks.push({ rule: "three_public.placement", expected: 1, actual: fitting.length, ok: chosen !== null, detail, line: row.line });
  }
  if (!chosen) problems.push({ line: row.line, message: `\u201C\u4E09\u516C\u201D\u7ECF\u8D39\u8868\uFF1A${detail}` });
  if (fitting.length === 0) return { figures: [], checks, problems };
  const value = (i) => chosen ? fromCents(chosen[i + layout.at]) : agreed(fitting, i + layout.at);
  const figures = THREE_PUBLIC_COLUMNS.map((item, i) => ({
    item,
    budget: value(i),
    actual: blocks === 2 ? value(i + layout.width) : null,
    line: row.line
  }));
  const arithmetic = [...arithmeticChecks(figures, "budget"), ...blocks === 2 ? arithmeticChecks(figures, "actual") : []];
  return { figures, checks: [...checks, ...arithmetic], problems };
}
function agreed(vectors, i) {
  return vectors.every((v) => v[i] === vectors[0][i]) ? fromCents(vectors[0][i]) : null;
}
function breakTie(fitting, evidence, at) {
  if (fitting.length === 1) return { chosen: fitting[0], detail: "\u6570\u5B57\u6240\u5728\u5217\u7531\u7B97\u672F\u552F\u4E00\u786E\u5B9A" };
  if (fitting.length === 0) return { chosen: null, detail: "\u6CA1\u6709\u4EFB\u4F55\u6446\u653E\u6EE1\u8DB3 \u5408\u8BA1=\u51FA\u56FD+\u8F66\u8F86+\u63A5\u5F85\u3001\u8F66\u8F86=\u8D2D\u7F6E+\u8FD0\u884C" };
  const agree = fitting.filter(
    (v) => THREE_PUBLIC_COLUMNS.every((item, i) => evidence[item] === void 0 || Math.abs(toCents(evidence[item]) - v[i + at]) <= 2)
  );
  if (agree.length === 1) {
    return { chosen: agree[0], detail: `\u7B97\u672F\u5141\u8BB8 ${fitting.length} \u79CD\u6446\u653E\uFF0C\u6309\u6587\u5B57\u8BF4\u660E\u4E2D\u7684\u5206\u9879\u91D1\u989D\u9009\u5B9A\u4E00\u79CD` };
  }
  return { chosen: null, detail: `\u7B97\u672F\u5141\u8BB8 ${fitting.length} \u79CD\u6446\u653E\uFF0C\u6587\u5B57\u8BF4\u660E\u4E5F\u65E0\u6CD5\u533A\u5206\uFF1A\u5404\u6446\u653E\u4E00\u81F4\u7684\u6570\u5B57\u4FDD\u7559\uFF0C\u5176\u4F59\u7559\u7A7A` };
}
var AGENCY_LABELS = [
  [/^(?:三公经费)?支出合计$/, "total"],
  [/^因公出国[（(]境[）)]费(?:用)?$/, "outbound"],
  [/^公务用车购置及运行(?:维护)?费$/, "vehicle"],
  [/^公务用车购置费$/, "vehicle_purchase"],
  [/^公务用车运行(?:维护)?费$/, "vehicle_operation"],
  [/^公务接待费$/, "reception"]
];
function readThreePublicLabelled(labelled) {
  const figures = [];
  for (const l of labelled) {
    const item = AGENCY_LABELS.find(([re]) => re.test(l.label))?.[1];
    if (!item || figures.some((f) => f.item === item)) continue;
    const [budget, actual] = l.values.length >= 2 ? l.values : [null, l.values[0] ?? null];
    figures.push({ item, budget: budget ?? null, actual: actual ?? null, line: l.line });
  }
  const checks = [...arithmeticChecks(figures, "budget"), ...arithmeticChecks(figures, "actual")];
  return { figures, checks, problems: [] };
}
function arithmeticChecks(figures, field) {
  const get = (item) => figures.find((f) => f.item === item)?.[field] ?? null;
  const line = figures.find((f) => f.item === "total")?.line ?? figures[0]?.line ?? null;
  const checks = [];
  const parts = [get("outbound"), get("vehicle"), get("reception")];
  if (get("total") !== null && parts.every((p) => p !== null)) {
    const sum = parts.reduce((a, b) => a + b, 0);
    checks.push(compare(`three_public.items_sum.${field}`, get("total"), sum, `\u201C\u4E09\u516C\u201D\u7ECF\u8D39${field === "budget" ? "\u9884\u7B97\u6570" : "\u51B3\u7B97\u6570"}\uFF1A\u5408\u8BA1 = \u56E0\u516C\u51FA\u56FD\uFF08\u5883\uFF09\u8D39 + \u516C\u52A1\u7528\u8F66\u8D2D\u7F6E\u53CA\u8FD0\u884C\u7EF4\u62A4\u8D39 + \u516C\u52A1\u63A5\u5F85\u8D39`, line));
  }
  const vehicleParts = [get("vehicle_purchase"), get("vehicle_operation")];
  if (get("vehicle") !== null && vehicleParts.every((p) => p !== null)) {
    const sum = vehicleParts.reduce((a, b) => a + b, 0);
    checks.push(compare(`three_public.vehicle_sum.${field}`, get("vehicle"), sum, `\u516C\u52A1\u7528\u8F66\u8D2D\u7F6E\u53CA\u8FD0\u884C\u7EF4\u62A4\u8D39 = \u8D2D\u7F6E\u8D39 + \u8FD0\u884C\u7EF4\u62A4\u8D39\uFF08${field === "budget" ? "\u9884\u7B97\u6570" : "\u51B3\u7B97\u6570"}\uFF09`, line));
  }
  return checks;
}

// src/lib/extract/tables.ts
function functionRows(rows, label, converted2 = false) {
  const table = readCodedTable(rows, { prefix: "function", label, alwaysTotal: true, converted: converted2 });
  const col2 = (role) => table.columns.indexOf(role);
  const out = table.rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parent_code: r.parentCode,
    total: r.values[col2("total")] ?? null,
    basic: col2("basic") >= 0 ? r.values[col2("basic")] : null,
    project: col2("project") >= 0 ? r.values[col2("project")] : null,
    source_line: r.line
  }));
  return { table, rows: out };
}
function economicRows(rows, label, converted2 = false) {
  const table = readCodedTable(rows, { prefix: "economic", label, alwaysTotal: false, converted: converted2 });
  if (isGovernmentScheme(table)) return { table, economic: [], breakdown: breakdownOf(table, "basic") };
  const col2 = (role) => table.columns.indexOf(role);
  const economic = table.rows.map((r) => {
    const personnel = col2("personnel") >= 0 ? r.values[col2("personnel")] : null;
    const pub = col2("public") >= 0 ? r.values[col2("public")] : null;
    const total = col2("total") >= 0 ? r.values[col2("total")] : personnel !== null && pub !== null ? round2(personnel + pub) : null;
    return { code: r.code, name: r.name, level: r.level, parent_code: r.parentCode, total, personnel, public: pub, source_line: r.line };
  });
  return { table, economic, breakdown: [] };
}
function projectBreakdown(rows, label, converted2 = false) {
  const table = readCodedTable(rows, { prefix: "economic_project", label, alwaysTotal: true, converted: converted2 });
  return { table, breakdown: breakdownOf(table, "project") };
}
function isGovernmentScheme(table) {
  return table.rows.length > 0 && table.rows.every((r) => r.code.startsWith("5"));
}
function breakdownOf(table, scope) {
  const scheme = isGovernmentScheme(table) ? "government" : "department";
  const t = table.columns.indexOf("total");
  return table.rows.map((r) => ({
    scheme,
    scope,
    code: r.code,
    name: r.name,
    level: r.level,
    parent_code: r.parentCode,
    total: t >= 0 ? r.values[t] : null,
    source_line: r.line
  }));
}
var INCOME_LABELS = [/^收入总计$/, /^总计$/, /^收入合计$/, /^本年收入合计$/, /^合计$/];
var EXPENDITURE_LABELS = [/^支出总计$/, /^总计$/, /^支出合计$/, /^本年支出合计$/, /^合计$/];
function summaryTableFigures(rows, title) {
  const labelled = readLabelledFigures(rows);
  const measures = {};
  const income = pickLabelled(labelled, INCOME_LABELS, 0);
  const expenditure = pickLabelled(labelled, EXPENDITURE_LABELS, 1);
  if (income) measures.income_total = income;
  if (expenditure) measures.expenditure_total = expenditure;
  const basic = pickLabelled(labelled, [/^基本支出$/], 0);
  const project2 = pickLabelled(labelled, [/^项目支出$/], 0);
  if (basic) measures.basic = basic;
  if (project2) measures.project = project2;
  const classes = [];
  for (const l of labelled) {
    const code = functionClassCode(l.label);
    const value = l.values[0];
    if (code && value !== void 0 && value !== null && !classes.some((c) => c.code === code)) classes.push({ code, value, line: l.line });
  }
  const currentExpenditure = pickLabelled(labelled, [/^本年支出合计$/, /^本年支出$/, /^当年支出(?:小计|合计)$/], 0);
  return { measures, classes, currentExpenditure, appropriation: /财政拨款/.test(title) };
}
function pickLabelled(labelled, patterns, nth) {
  for (const re of patterns) {
    const hits = labelled.filter((l) => re.test(l.label) && l.values.some((v) => v !== null));
    const shared = re.source === "^\u603B\u8BA1$" || re.source === "^\u5408\u8BA1$";
    const hit = shared ? hits[nth] : hits[0];
    const value = hit?.values.find((v) => v !== null);
    if (hit && value !== void 0 && value !== null) return { value, line: hit.line };
  }
  return null;
}
function agencyInfo(rows) {
  const labelled = readLabelledFigures(rows);
  const measures = {};
  const AGENCY = [
    ["operating_cost", /^机关运行经费$/],
    ["procurement_total", /^政府采购支出合计$/],
    ["procurement_goods", /^政府采购货物支出$/],
    ["procurement_works", /^政府采购工程支出$/],
    ["procurement_services", /^政府采购服务支出$/]
  ];
  for (const [measure, re] of AGENCY) {
    const hit = labelled.find((l) => re.test(l.label));
    const value = hit?.values.find((v) => v !== null);
    if (hit && value !== void 0 && value !== null) measures[measure] = { value, line: hit.line };
  }
  return { threePublic: readThreePublicLabelled(labelled), measures };
}
function crossCheckCodedTables(primary, other, otherLabel, funds = []) {
  const checks = [];
  const mine = rowsByCode(primary);
  const fundCodes = new Set(funds.flatMap((f) => [...rowsByCode(f.table).keys()]));
  for (const [code, row] of rowsByCode(other)) {
    const own = mine.get(code);
    if (!own && !fundCodes.has(code)) continue;
    for (const role of ["total", "basic", "project"]) {
      const a = primary.columns.indexOf(role);
      const b = other.columns.indexOf(role);
      if (a < 0 || b < 0) continue;
      const expected = withFunds(own ? own.values[a] : 0, funds, code, role);
      const detail = `${code} ${own?.name ?? row.name} \u7684${ROLE_LABEL[role]}\u4E0E${otherLabel}\uFF08\u7B2C ${row.line} \u884C\uFF09\u4E00\u81F4${fundsNote(funds)}`;
      checks.push(compare(`cross.function_vs_other_table:${code}.${role}`, expected, row.values[b], detail, own?.line ?? row.line));
    }
  }
  return checks;
}
function rowsByCode(t) {
  return new Map([...t.total ? [t.total] : [], ...t.rows].map((r) => [r.code, r]));
}
function problemsToDiagnostics(table, stage) {
  return table.problems.map((p) => ({ severity: "warning", stage, line: p.line, message: p.message }));
}

// src/lib/extract/read-tables.ts
var READERS = {
  function: readFunctionTable,
  economic_basic: readEconomicBasic,
  economic_project: readEconomicProject,
  dept_expenditure: readDeptExpenditure,
  summary: readSummaryTable,
  agency_info: readAgencyInfo,
  three_public: readThreePublic2,
  operating_cost: readOperatingCost,
  other_fund: readOtherFund
};
function readTables(tables, narrative, diagnostics) {
  const out = {
    functionTable: null,
    functionRows: [],
    economicRows: [],
    breakdownRows: [],
    economicTable: null,
    summaryTable: null,
    otherSummaryTables: [],
    measures: {},
    threePublic: null,
    otherFunds: [],
    checks: []
  };
  const ctx = { out, narrative, diagnostics, others: [] };
  for (const t of byPreference(tables)) READERS[t.kind]?.(inWan(t), t.segment.title, ctx);
  if (out.functionTable) for (const o of ctx.others) out.checks.push(...crossCheckCodedTables(out.functionTable, o.table, o.label, out.otherFunds));
  return out;
}
function byPreference(tables) {
  const later = (t) => t.kind === "economic_basic" && !/一般公共预算/.test(t.segment.title ?? "") ? 1 : 0;
  return [...tables].sort((a, b) => later(a) - later(b));
}
function inWan(t) {
  return { ...t, rows: toWanRows(dropRowNumbers(t.rows), t.unit?.scale ?? 1) };
}
var converted = (t) => (t.unit?.scale ?? 1) !== 1;
function readFunctionTable(t, label, { out, diagnostics }) {
  if (out.functionTable) return;
  const { table, rows } = functionRows(t.rows, label, converted(t));
  if (rows.length === 0) return;
  Object.assign(out, { functionTable: table, functionRows: rows });
  out.checks.push(...table.checks);
  diagnostics.push(...problemsToDiagnostics(table, "solve"));
}
function readEconomicBasic(t, label, { out, diagnostics }) {
  const { table, economic, breakdown } = economicRows(t.rows, label, converted(t));
  const used = economic.length > 0 && !out.economicTable;
  if (used) {
    out.economicTable = table;
    out.economicRows.push(...economic);
  }
  out.breakdownRows.push(...breakdown);
  const prefix = breakdown.length ? "economic_gov" : used ? "economic" : /财政拨款/.test(label) && !/一般公共预算/.test(label) ? "economic_appropriation" : "economic_other";
  if (economic.length > 0 || breakdown.length > 0) out.checks.push(...prefix === "economic" ? table.checks : table.checks.map((c) => ({ ...c, rule: c.rule.replace(/^economic/, prefix) })));
  diagnostics.push(...problemsToDiagnostics(table, "solve"));
}
function readEconomicProject(t, label, { out }) {
  const { table, breakdown } = projectBreakdown(t.rows, label, converted(t));
  out.breakdownRows.push(...breakdown);
  const prefix = `economic_project_${breakdown[0]?.scheme ?? "x"}`;
  out.checks.push(...table.checks.map((c) => ({ ...c, rule: c.rule.replace(/^economic_project/, prefix) })));
}
function readDeptExpenditure(t, label, { others }) {
  const table = functionRows(t.rows, label, converted(t)).table;
  if (table.rows.length > 0) others.push({ table, label });
}
function readSummaryTable(t, label, { out }) {
  const figures = summaryTableFigures(t.rows, label);
  if (!figures.measures.income_total && !figures.measures.expenditure_total) return;
  const isDepartmentTotal = !/财政拨款/.test(label);
  if (!out.summaryTable || isDepartmentTotal) {
    if (out.summaryTable) out.otherSummaryTables.push(out.summaryTable);
    out.summaryTable = figures;
  } else out.otherSummaryTables.push(figures);
}
function readOperatingCost(t, label, { out, diagnostics }) {
  const table = readCodedTable(t.rows, { prefix: "operating_cost", label, alwaysTotal: true, converted: converted(t) });
  const value = totalOf(table, "total");
  if (value === null || !table.total) return;
  out.measures.operating_cost ??= { value, line: table.total.line };
  out.checks.push(...table.checks);
  diagnostics.push(...problemsToDiagnostics(table, "solve"));
}
function readAgencyInfo(t, _label, { out }) {
  const { threePublic, measures } = agencyInfo(t.rows);
  Object.assign(out.measures, measures);
  if (threePublic.figures.length) {
    out.threePublic = threePublic;
    out.checks.push(...threePublic.checks);
  }
}
function readThreePublic2(t, _label, { out, narrative, diagnostics }) {
  if (out.threePublic) return;
  const result = readThreePublicTable(t.rows, evidenceOf(narrative));
  diagnostics.push(...problemsToDiagnostics(result, "solve"));
  out.checks.push(...result.checks);
  if (result.figures.length) out.threePublic = result;
}
function readOtherFund(t, label, { out, diagnostics }) {
  const scheme = /国有资本经营/.test(label) ? "state_capital" : "government_fund";
  const table = readCodedTable(t.rows, { prefix: scheme, label, alwaysTotal: true, converted: converted(t) });
  if (table.rows.length === 0) return;
  const line = t.segment.titleLine;
  const rows = table.total ? [table.total, ...table.rows] : table.rows;
  if (table.problems.length > 0 || rows.some((r) => r.values.some((v) => v === null))) {
    const message2 = `\u201C${label}\u201D\u6709\u91D1\u989D\u4F46\u672A\u80FD\u9010\u884C\u8BFB\u51FA\uFF0C\u6838\u5BF9\u65F6\u6CA1\u6709\u8BA1\u5165${FUND_NAME[scheme]}\u652F\u51FA (fund table not used)`;
    diagnostics.push({ severity: "warning", stage: "tables", line, message: message2 }, ...problemsToDiagnostics(table, "solve"));
    return;
  }
  out.otherFunds.push({ scheme, table, label });
  out.checks.push(...table.checks);
  const message = `\u201C${label}\u201D\u53EA\u7528\u4E8E\u6838\u5BF9\uFF1A\u6536\u652F\u603B\u8868\u4E0E\u90E8\u95E8\u652F\u51FA\u603B\u8868\u5305\u542B${FUND_NAME[scheme]}\u652F\u51FA\uFF08function_expenditure \u53EA\u542B\u4E00\u822C\u516C\u5171\u9884\u7B97\uFF09`;
  diagnostics.push({ severity: "info", stage: "tables", line, message });
}
function evidenceOf(narrative) {
  const e = {};
  for (const [item, f] of Object.entries(narrative.threePublic)) if (f) e[item] = f.value;
  return e;
}

// src/lib/extract/reconcile.ts
function crossChecks({ out, summary, narrative, threePublic, kind }) {
  return [
    ...functionVsSummaryChecks(out, summary),
    ...personnelPlusPublicCheck(out),
    ...classChecks(out, narrative),
    ...narrativeChecks(out, narrative),
    ...summaryTableChecks(out),
    ...threePublicNarrativeChecks(threePublic, narrative, kind, out.threePublic !== null)
  ];
}
function functionVsSummaryChecks(out, summary) {
  const exp = currentSpending(out) ?? summary.find((s) => s.measure === "expenditure_total");
  const all = (role) => withFunds(totalOf(out.functionTable, role), out.otherFunds, TOTAL_CODE, role);
  const [total, basic, project2] = [all("total"), all("basic"), all("project")];
  const note = fundsNote(out.otherFunds);
  const checks = [];
  if (exp && total !== null) {
    checks.push(compare("cross.function_total_vs_summary", exp.value, total, `\u4E00\u822C\u516C\u5171\u9884\u7B97\u8D22\u653F\u62E8\u6B3E\u652F\u51FA\u8868\u5408\u8BA1\u4E0E\u6536\u652F\u603B\u8868\u672C\u5E74\u652F\u51FA\u4E00\u81F4${note}`, out.functionTable?.total?.line ?? null));
  }
  if (exp && basic !== null && project2 !== null) {
    checks.push(compare("summary.basic_plus_project", exp.value, basic + project2, `\u672C\u5E74\u652F\u51FA = \u57FA\u672C\u652F\u51FA + \u9879\u76EE\u652F\u51FA${note}`, exp.source_line));
  }
  return checks;
}
function currentSpending(out) {
  const tables = [out.summaryTable, ...out.otherSummaryTables].filter((t) => t !== null);
  const ordered = [...tables.filter((t) => t.appropriation), ...tables.filter((t) => !t.appropriation)];
  const figure = ordered.find((t) => t.currentExpenditure)?.currentExpenditure;
  return figure ? { value: figure.value, source_line: figure.line } : null;
}
function personnelPlusPublicCheck(out) {
  const fBasic = totalOf(out.functionTable, "basic");
  const personnel = totalOf(out.economicTable, "personnel");
  const pub = totalOf(out.economicTable, "public");
  if (fBasic === null || personnel === null || pub === null) return [];
  return [compare("summary.personnel_plus_public", fBasic, personnel + pub, "\u57FA\u672C\u652F\u51FA = \u4EBA\u5458\u7ECF\u8D39 + \u516C\u7528\u7ECF\u8D39", out.economicTable?.total?.line ?? null)];
}
function classChecks(out, narrative) {
  if (out.functionTable === null) return narrativeClassSumCheck(narrative);
  const level1 = new Map(out.functionRows.filter((r) => r.level === 1).map((r) => [r.code, r]));
  const general = (code) => level1.has(code) ? level1.get(code)?.total ?? null : 0;
  const funds = out.otherFunds;
  const checks = [];
  for (const c of out.summaryTable?.classes ?? []) {
    const detail = `\u6536\u652F\u603B\u8868\uFF08\u7B2C ${c.line} \u884C\uFF09\u7684 ${c.code} \u7C7B\u652F\u51FA\u4E0E\u652F\u51FA\u8868\u4E00\u81F4${fundsNote(funds)}`;
    checks.push(compare(`cross.summary_class:${c.code}`, c.value, withFunds(general(c.code), funds, c.code, "total"), detail, c.line));
  }
  for (const f of narrative.functionClasses) {
    if (f.value === 0 && !level1.has(f.code) && !fundsValue(funds, f.code, "total")) continue;
    const detail = `\u6587\u5B57\u8BF4\u660E\uFF08\u7B2C ${f.line} \u884C\uFF09\u7684${f.name}\u4E0E\u652F\u51FA\u8868\u4E00\u81F4`;
    checks.push(compareEitherScope(`narrative.function:${f.code}`, f.value, general(f.code), withFunds(general(f.code), funds, f.code, "total"), detail, f.line, funds));
  }
  return checks;
}
function narrativeClassSumCheck(narrative) {
  const exp = narrative.summary.expenditure_total;
  if (!exp || narrative.functionClasses.length === 0) return [];
  const sum = narrative.functionClasses.reduce((s, f) => s + f.value, 0);
  return [compare("narrative.function_classes_sum", exp.value, sum, "\u6587\u5B57\u8BF4\u660E\u4E2D\u5404\u7C7B\u652F\u51FA\u4E4B\u548C\u7B49\u4E8E\u652F\u51FA\u603B\u8BA1", exp.line)];
}
function compareEitherScope(rule, printed, general, allFunds, detail, line, funds) {
  const againstGeneral = compare(rule, printed, general, detail, line);
  if (againstGeneral.ok || allFunds === null || allFunds === general) return againstGeneral;
  const againstAll = compare(rule, printed, allFunds, `${detail}${fundsNote(funds)}`, line);
  return againstAll.ok ? againstAll : againstGeneral;
}
function narrativeChecks(out, narrative) {
  const tableValue = {
    income_total: out.summaryTable?.measures.income_total?.value ?? null,
    expenditure_total: out.summaryTable?.measures.expenditure_total?.value ?? null,
    basic: totalOf(out.functionTable, "basic"),
    project: totalOf(out.functionTable, "project"),
    personnel: totalOf(out.economicTable, "personnel"),
    public: totalOf(out.economicTable, "public")
  };
  for (const [m, v] of Object.entries(out.measures)) tableValue[m] = v?.value ?? null;
  const checks = [];
  for (const [measure, n] of Object.entries(narrative.summary)) {
    const t = tableValue[measure];
    if (!n || t === null || t === void 0) continue;
    checks.push(compare(`narrative.${measure}`, t, n.value, `\u6587\u5B57\u8BF4\u660E\uFF08\u7B2C ${n.line} \u884C\uFF09\u4E0E\u8868\u4E2D\u6570\u5B57\u4E00\u81F4`, n.line));
  }
  return [...checks, ...narrativeSumChecks(narrative, out.otherFunds)];
}
function narrativeSumChecks(narrative, funds) {
  const { basic: b, project: p, personnel: pe, public: pu } = narrative.summary;
  const e = narrative.currentExpenditure ?? narrative.summary.expenditure_total;
  const r = narrative.reserve;
  const checks = [];
  if (b && p && e) {
    const general = b.value + p.value + (r?.value ?? 0);
    const detail = `\u6587\u5B57\u8BF4\u660E\uFF1A\u672C\u5E74\u652F\u51FA = \u57FA\u672C\u652F\u51FA + \u9879\u76EE\u652F\u51FA${r ? ` + \u5355\u4F4D\u9884\u7559\u673A\u52A8\u7ECF\u8D39\uFF08\u7B2C ${r.line} \u884C\uFF09` : ""}`;
    checks.push(compareEitherScope("narrative.basic_plus_project", e.value, general, withFunds(general, funds, TOTAL_CODE, "total"), detail, b.line, funds));
  }
  if (b && pe && pu) checks.push(compare("narrative.personnel_plus_public", b.value, pe.value + pu.value, "\u6587\u5B57\u8BF4\u660E\uFF1A\u57FA\u672C\u652F\u51FA = \u4EBA\u5458\u7ECF\u8D39 + \u516C\u7528\u7ECF\u8D39", pe.line));
  return checks;
}
function summaryTableChecks(out) {
  const main2 = out.summaryTable;
  if (!main2) return [];
  const checks = [];
  for (const other of out.otherSummaryTables) {
    for (const m of ["income_total", "expenditure_total"]) {
      const a = main2.measures[m];
      const b = other.measures[m];
      if (a && b) checks.push(compare(`cross.summary_tables.${m}`, a.value, b.value, `\u4E24\u5F20\u6536\u652F\u603B\u8868\uFF08\u7B2C ${a.line} \u884C\u4E0E\u7B2C ${b.line} \u884C\uFF09\u4E00\u81F4`, b.line));
    }
  }
  const inc = main2.measures.income_total;
  const exp = main2.measures.expenditure_total;
  if (inc && exp) checks.push(compare("summary.income_equals_expenditure", inc.value, exp.value, "\u6536\u5165\u603B\u8BA1 = \u652F\u51FA\u603B\u8BA1", exp.line));
  return checks;
}
function threePublicNarrativeChecks(rows, narrative, kind, fromTable) {
  if (!fromTable) {
    const figures = rows.map((r) => ({ item: r.item, budget: r.budget, actual: r.actual, line: r.source_line }));
    return [...arithmeticChecks(figures, "budget"), ...kind === "final" ? arithmeticChecks(figures, "actual") : []];
  }
  const checks = [];
  const field = kind === "final" ? "actual" : "budget";
  for (const [item, f] of Object.entries(narrative.threePublic)) {
    const row = rows.find((r) => r.item === item);
    if (!f || !row) continue;
    checks.push(compare(`narrative.three_public:${item}.${field}`, row[field], f.value, `\u6587\u5B57\u8BF4\u660E\uFF08\u7B2C ${f.line} \u884C\uFF09\u7684\u4E09\u516C\u7ECF\u8D39\u4E0E\u8868\u4E2D\u4E00\u81F4`, f.line));
    if (kind === "final" && f.budget !== null) {
      checks.push(compare(`narrative.three_public:${item}.budget`, row.budget, f.budget, `\u6587\u5B57\u8BF4\u660E\uFF08\u7B2C ${f.line} \u884C\uFF09\u7531\u201C\u8F83\u5E74\u521D\u9884\u7B97\u6570\u589E\u51CF\u201D\u63A8\u51FA\u7684\u9884\u7B97\u6570\u4E0E\u8868\u4E2D\u4E00\u81F4`, f.line));
    }
  }
  return checks;
}

// src/lib/extract/completeness.ts
function hasDisclosureTables(out) {
  return out.functionRows.length > 0 || out.economicRows.length > 0 || out.summaryTable !== null || out.threePublic !== null;
}
function hasTitledFigures(meta, narrative, vouched2) {
  const figures = Object.keys(narrative.summary).length > 0 || narrative.functionClasses.length > 0;
  return figures && (vouched2 || isDisclosureTitle(meta.title));
}
function metadataDiagnostics(meta, lineCount2) {
  const aboveDistrict = meta.level === "city" || meta.level === "province";
  const missing = ["district", "department", "year", "kind"].filter((k) => meta[k] === null && !(k === "district" && aboveDistrict));
  return missing.map((k) => ({
    severity: "error",
    stage: "metadata",
    line: null,
    message: `\u65E0\u6CD5\u4ECE\u6B63\u6587\u786E\u5B9A ${k}\uFF08\u5171 ${lineCount2} \u884C\uFF09\uFF1B\u8BF7\u5728 data/raw/manifest.csv \u4E2D\u8865\u5145 (metadata not found)`
  }));
}
var KEY_TABLES = [
  ["\u6536\u652F\u603B\u8868", ["summary"]],
  ["\u4E00\u822C\u516C\u5171\u9884\u7B97\u8D22\u653F\u62E8\u6B3E\u652F\u51FA\u8868", ["function"]],
  ["\u57FA\u672C\u652F\u51FA\u8868", ["economic_basic"]],
  ["\u201C\u4E09\u516C\u201D\u7ECF\u8D39\u8868", ["three_public", "agency_info"]]
];
function tableCompleteness(tables, lines, checks) {
  const read = tables.filter((t) => t.kind !== "skipped");
  if (read.length === 0) return [];
  const key = read.filter((t) => KEY_TABLES.some(([, kinds]) => kinds.includes(t.kind)));
  const out = [];
  const missing = KEY_TABLES.filter(([, kinds]) => !key.some((t) => kinds.includes(t.kind))).map(([name]) => name);
  if (missing.length > 0) {
    out.push({ severity: "warning", stage: "tables", line: null, message: `\u7F3A\u5C11\u4E3B\u8981\u516C\u5F00\u8868\uFF1A${missing.join("\u3001")} (key tables missing)` });
  }
  const cut = cutShort(key, lines, checks);
  if (cut) out.push(cut);
  return out;
}
function cutShort(key, lines, checks) {
  const last = lastNonBlank(lines);
  const table = key[key.length - 1];
  if (!last || !table || last.no < table.segment.start || last.no > table.segment.end) return null;
  const inTable = (line) => line !== null && line >= table.segment.start && line <= table.segment.end;
  const figures = table.rows.some((r) => r.cells.some((c) => isNumberCell(c.text)));
  const endsOnFigures = last.text.split(/\s+/).some(isNumberCell);
  if (figures && !(endsOnFigures && checks.some((c) => !c.ok && inTable(c.line)))) return null;
  if (!figures && /[。；]|无|注|说明/.test(last.text)) return null;
  const text = last.text.trim().replace(/\s+/g, " ");
  const message = `\u201C${table.segment.title}\u201D\u5728\u6587\u4EF6\u672B\u5C3E\u4E2D\u65AD\uFF0C\u6700\u540E\u4E00\u884C\u4E3A\u201C${text}\u201D (table cut short)`;
  return { severity: "warning", stage: "tables", line: last.no, message };
}
function lastNonBlank(lines) {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].text.trim() !== "") return lines[i];
  return void 0;
}

// src/lib/extract/segments.ts
var MARKER = /^(?:表[一二三四五六七八九十]+|附件\s*\d+|附表\s*\d*|公开\s*\d+\s*表)$/;
var TITLE_END = /表(?:\s*[（(][^（）()]*[）)])?$/;
var QUALIFIER = /^[（(][^（）()]*(?:分类|科目)[^（）()]*[）)]$/;
var SENTENCE2 = /[，。；：:！？]/;
var FOOTNOTE = /^(?:注|备注|说明|资料来源)\s*\d*\s*[：:.．、]/;
var SECTION = /^(?:第[一二三四五六七八九十]+部分|(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]).*(?:说明|情况|解释|事项))/;
var TITLE_LAST = new Set([..."\u8868\uFF09)"].map((c) => c.charCodeAt(0)));
var mayBeTitle = (length, last) => length >= 4 && length <= 90 && TITLE_LAST.has(last);
function isTitleLine(text) {
  const t = text.trim();
  if (!mayBeTitle(t.length, t.charCodeAt(t.length - 1))) return false;
  if (!TITLE_END.test(t) || SENTENCE2.test(t)) return false;
  return !/^(?:注|备注|说明|附表\d)/.test(t);
}
var MARKER_START = /^\s*[表附公]/;
var MARKER_FIRST = new Set([..."\u8868\u9644\u516C"].map((c) => c.charCodeAt(0)));
function isMarkerLine(text) {
  if (!MARKER_START.test(text)) return false;
  return MARKER.test(text.trim().replace(/\s+/g, ""));
}
function isProseLine(text, trimmed = text.trim()) {
  if (text.includes("	") && /^\t|\S\t+\S/.test(text)) return false;
  const t = trimmed;
  if (t === "") return false;
  const punctuated = SENTENCE_PUNCTUATION.test(t);
  if (!punctuated && !SECTION_START.includes(t[0])) return false;
  const squeezed = t.replace(/\s+/g, "");
  if (!(SECTION.test(squeezed) || squeezed.length >= 15 && punctuated)) return false;
  return !FOOTNOTE.test(t) && !standaloneFigure(t.split(/\s+/));
}
var SENTENCE_PUNCTUATION = /[，。；]/;
var SECTION_START = "\u7B2C\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D\u5341\uFF08(";
function standaloneFigure(tokens) {
  return tokens.some((tok, i) => isAmountCell(tok) && !(/^(?:19|20)\d\d$/.test(tok) && tokens[i + 1]?.startsWith("\u5E74")));
}
function findSegments(lines, until) {
  const segments = [];
  let current = null;
  let contentLines = 0;
  let continued = false;
  let done = false;
  const close = () => {
    if (current && contentLines > 0) {
      segments.push(current);
      done = until?.(current) ?? false;
    }
    current = null;
  };
  const trimmed = new TrimmedLines(lines);
  for (let i = 0; i < lines.length && !done; i++) {
    const line = lines[i];
    const marker = MARKER_FIRST.has(trimmed.first(i)) && isMarkerLine(line.text);
    const title = marker || continued ? null : titleAt2(lines, trimmed, i);
    const announcement = marker || continued || title !== null;
    const opens = marker ? !current || contentLines > 0 : title !== null && (!current || current.title !== null);
    if (opens) {
      close();
      current = { title: null, titleLine: null, lines: [], start: line.no, end: line.no };
      contentLines = 0;
    } else if (current && !announcement && endsTable(line.text, trimmed.text(i), contentLines)) {
      close();
    }
    continued = title?.continued ?? false;
    if (!current) continue;
    const hasText2 = trimmed.length(i) > 0;
    addLine(current, line, hasText2, lines[i + (title?.continued ? 2 : 1)], title?.text ?? null);
    if (!announcement && hasText2) contentLines++;
  }
  if (!done) close();
  return segments;
}
function endsTable(text, trimmed, contentLines) {
  if (!isProseLine(text, trimmed)) return false;
  return contentLines > 0 || SECTION.test(text.replace(/\s+/g, ""));
}
var TITLE_WORDS = /预算|决算|支出|收入|经费|总/;
function titleAt2(lines, trimmed, i) {
  if (mayBeTitle(trimmed.length(i), trimmed.last(i)) && isTitleLine(trimmed.text(i))) return { text: trimmed.text(i), continued: false };
  const restLength = trimmed.length(i + 1);
  if (restLength === 0 || restLength > 6) return null;
  const t = trimmed.text(i);
  const rest = trimmed.text(i + 1);
  if (/\s/.test(rest) || !TITLE_WORDS.test(t) || /\t/.test(lines[i].text)) return null;
  return isTitleLine(t + rest) ? { text: t + rest, continued: true } : null;
}
function addLine(segment, line, hasText2, next, title) {
  if (title !== null && segment.title === null) {
    segment.title = withQualifier(title, next);
    segment.titleLine = line.no;
  }
  segment.lines.push(line);
  if (hasText2) segment.end = line.no;
}
function withQualifier(title, next) {
  const q = next?.text.trim() ?? "";
  return QUALIFIER.test(q) ? title + q : title;
}

// src/lib/extract/table-kind.ts
var SKIP = [
  [/绩效|自评/, "\u7EE9\u6548\u8868\u4E0D\u542B\u9884\u51B3\u7B97\u91D1\u989D"],
  [/采购/, "\u653F\u5E9C\u91C7\u8D2D\u660E\u7EC6\uFF08\u603B\u989D\u53D6\u81EA\u673A\u6784\u8FD0\u884C\u4FE1\u606F\u8868\u6216\u6587\u5B57\u8BF4\u660E\uFF09"],
  [/政府性基金/, "\u653F\u5E9C\u6027\u57FA\u91D1\u9884\u7B97\u8868\uFF08\u672C\u5DE5\u5177\u53EA\u63D0\u53D6\u4E00\u822C\u516C\u5171\u9884\u7B97\uFF09"],
  [/国有资本经营/, "\u56FD\u6709\u8D44\u672C\u7ECF\u8425\u9884\u7B97\u8868\uFF08\u672C\u5DE5\u5177\u53EA\u63D0\u53D6\u4E00\u822C\u516C\u5171\u9884\u7B97\uFF09"],
  [/收入(?:预算|决算)?总表|收入(?:预算|决算)表/, "\u6536\u5165\u8868\uFF08\u6536\u5165\u603B\u989D\u53D6\u81EA\u6536\u652F\u603B\u8868\uFF09"]
];
var SUMMARY = /(?:收支|收入支出)(?:预算|决算)?总表/;
var GENERAL_FUNCTION = /一般公共预算(?:财政拨款)?支出(?:功能分类)?(?:预算|决算)?表/;
function classifyTitle(title) {
  const t = title.replace(/[\s“”"]/g, "");
  if (/政府性基金|国有资本经营/.test(t) && /支出/.test(t) && !/绩效|采购/.test(t)) return { kind: "other_fund" };
  for (const [re, reason] of SKIP) if (re.test(t)) return { kind: "skipped", reason };
  if (/三公/.test(t)) return { kind: "three_public" };
  if (/机构运行信息/.test(t)) return { kind: "agency_info" };
  if (/机关运行经费/.test(t)) return { kind: "operating_cost" };
  if (/基本支出/.test(t)) return { kind: "economic_basic" };
  if (/项目支出/.test(t) && /经济/.test(t)) return { kind: "economic_project" };
  if (SUMMARY.test(t)) return { kind: "summary" };
  if (GENERAL_FUNCTION.test(t)) return { kind: "function" };
  if (/支出(?:预算|决算)?总表|支出决算表|支出预算表/.test(t)) return { kind: "dept_expenditure" };
  return { kind: "skipped", reason: "\u672A\u8BC6\u522B\u7684\u8868" };
}

// src/lib/extract/unit-magnitude.ts
var TOTAL_KINDS = /* @__PURE__ */ new Set(["summary", "function", "dept_expenditure"]);
var YUAN_BAND = [2.5, 5.5];
var INFERRED_YUAN = { printed: null, scale: 1e-4, note: "\u6309\u6570\u91CF\u7EA7\u63A8\u65AD\u4E3A\u5143\uFF08\u5F85\u6838\uFF09" };
function inferUnits(tables, narrative) {
  const checks = [];
  const largestOf = memoized(largestFigure);
  const settled = tables.map((t) => {
    if (t.unit || t.kind === "skipped") return t;
    const largest = largestOf(t.rows);
    const reference = referenceFor(t, tables, narrative, largestOf);
    if (largest === null || largest === 0 || reference === null) return t;
    const log = Math.log10(largest / reference);
    const yuan = log >= YUAN_BAND[0] && log <= YUAN_BAND[1];
    checks.push(magnitudeCheck(t, largest, reference, yuan));
    return yuan ? { ...t, unit: INFERRED_YUAN } : t;
  });
  return { tables: settled, checks };
}
function referenceFor(t, tables, narrative, largestOf) {
  if (t.kind === "three_public") return positive(narrative.threePublic.total?.value);
  const prose = [narrative.summary.income_total?.value, narrative.summary.expenditure_total?.value, narrative.currentExpenditure?.value];
  const others = tables.filter((o) => o !== t && TOTAL_KINDS.has(o.kind));
  const stated = others.filter((o) => o.unit).map((o) => scaled(o, largestOf));
  const fromTables = stated.length > 0 ? stated : others.map((o) => scaled(o, largestOf));
  return median([...prose, ...fromTables].flatMap((v) => positive(v) === null ? [] : [v]));
}
function scaled(t, largestOf) {
  const v = largestOf(t.rows);
  return v === null ? null : v * (t.unit?.scale ?? 1);
}
function memoized(f) {
  const seen = /* @__PURE__ */ new Map();
  return (key) => {
    if (!seen.has(key)) seen.set(key, f(key));
    return seen.get(key);
  };
}
var positive = (v) => v !== null && v !== void 0 && v > 0 ? v : null;
function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
function magnitudeCheck(t, largest, reference, yuan) {
  const line = t.segment.titleLine ?? t.segment.start;
  const title = `\u201C${t.segment.title}\u201D\uFF08\u7B2C ${line} \u884C\uFF09\u672A\u6CE8\u660E\u5355\u4F4D`;
  const detail = yuan ? `${title}\uFF0C\u6700\u5927\u6570 ${largest} \u7EA6\u4E3A\u6587\u4EF6\u5176\u4ED6\u6570\u5B57\uFF08${reference} \u4E07\u5143\uFF09\u7684 10\u2074 \u500D\uFF1A\u6309\u5143\u6362\u7B97\u4E3A\u4E07\u5143\uFF0C\u5355\u4F4D\u5F85\u6838` : `${title}\uFF0C\u6309\u4E07\u5143\u8BFB\u53D6\uFF1A\u6700\u5927\u6570 ${largest} \u4E0E\u6587\u4EF6\u5176\u4ED6\u6570\u5B57\uFF08${reference} \u4E07\u5143\uFF09\u6570\u91CF\u7EA7\u4E00\u81F4`;
  return { rule: `unit.magnitude:${t.kind}`, expected: reference, actual: largest, ok: !yuan, detail, line };
}

// src/lib/extract/source.ts
function needsRefs(lines) {
  return lines.some((l) => l.page !== void 0 || l.pageLine !== void 0 || l.file !== void 0);
}

// src/lib/extract/grid-cells.ts
var FULL_CODE = /^\d{3}(?:\d{2}){0,2}$/;
var CLASS_PIECE = /^\d{3}$/;
var SUB_PIECE = /^\d{2}$/;
var overlaps = (a, b) => a.x0 < b.x1 && b.x0 < a.x1;
var overlapLength = (a, b) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
var gap = (a, b) => Math.max(0, b.x0 - a.x1, a.x0 - b.x1);
var centre = (b) => (b.x0 + b.x1) / 2;
var standsOver = (a, b) => gap(a, b) <= 0.15 * Math.min(a.x1 - a.x0, b.x1 - b.x0);
var halfWidth = (t) => toHalfWidth(t);
function digitWidth(lines) {
  const widths = [];
  for (const l of lines) {
    for (const c of l.cells) {
      const t = c.text.trim();
      if (/^[\d,.]+$/.test(t) && t.length >= 3) widths.push((c.x1 - c.x0) / t.length);
    }
  }
  if (widths.length === 0) return median2(lines.map((l) => l.height)) / 2 || 1;
  return median2(widths);
}
function median2(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
}
var withoutFormFeeds = (t) => t.includes("\f") ? t.replace(/\f/g, "") : t;
function readLine(src, index, columnGap) {
  const cells = src.cells.map((c) => ({ text: withoutFormFeeds(c.text).trim(), x0: c.x0, x1: c.x1, kind: "text" })).filter((c) => c.text !== "").sort((a, b) => a.x0 - b.x0);
  for (const c of cells) if (isAmountCell(c.text)) c.kind = "figure";
  markCodes(cells, columnGap);
  return { src, index, cells, body: isBody(cells, columnGap) };
}
function markCodes(cells, columnGap) {
  for (let i = 0; i < cells.length; i++) {
    if (i > 0 && gap(cells[i - 1], cells[i]) < columnGap) continue;
    const pieces = pieceRun(cells, i);
    const next = cells[i + pieces.length];
    if (pieces.length === 0 || !next || next.kind !== "text") continue;
    const texts = pieces.map((c) => halfWidth(c.text));
    if (pieces.length === 1 && FULL_CODE.test(texts[0])) pieces[0].kind = "code";
    else if (CLASS_PIECE.test(texts[0]) && texts.slice(1).every((t) => SUB_PIECE.test(t))) pieces.forEach((c) => c.kind = "piece");
    else if (texts.every((t) => SUB_PIECE.test(t))) pieces.forEach((c) => c.kind = "loose");
    i += pieces.length;
  }
}
function pieceRun(cells, i) {
  const run = [];
  for (let j = i; j < cells.length && run.length < 3 && /^\d+$/.test(halfWidth(cells[j].text)); j++) run.push(cells[j]);
  return run;
}
function isBody(cells, columnGap) {
  if (cells.length === 1) return cells[0].kind === "figure" && /\d[.．]\d/.test(cells[0].text);
  return cells.some((c, i) => {
    if (c.kind === "code" || c.kind === "piece" || c.kind === "loose") return true;
    if (c.kind !== "figure") return false;
    const before = i > 0 ? gap(cells[i - 1], c) : Infinity;
    const after = i + 1 < cells.length ? gap(c, cells[i + 1]) : Infinity;
    return i > 0 ? before >= columnGap : after >= columnGap;
  });
}
var WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f“”‘’]/u;
function joinAcross(parts) {
  return parts.reduce((acc, p) => {
    if (acc === "") return p;
    const wide = WIDE.test(acc[acc.length - 1]) && WIDE.test(p[0]);
    return acc + (wide ? "" : " ") + p;
  }, "");
}
function joinSpaced(cells, wide) {
  return cells.reduce((acc, c, i) => i === 0 ? c.text : gap(cells[i - 1], c) >= wide ? `${acc} ${c.text}` : joinAcross([acc, c.text]), "");
}
function joinWrapped(parts) {
  return parts.reduce((acc, p) => {
    if (acc === "") return p;
    const latin = /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(p);
    return acc + (latin ? " " : "") + p;
  }, "");
}

// src/lib/extract/grid-blocks.ts
var MAX_HEADER_LINES = 12;
var MAX_TRAILING_FRAGMENTS = 2;
var MAX_CELL_CHARS = 24;
var NOTE = /^(?:(?:公开)?部\s*门(?:名称)?|单\s*位(?:名称)?|金额单位|编制单位|预算单位|填报单位)\s*[：:]/;
var FOOTNOTE2 = /^(?:注|备注|说明)\s*\d*\s*[：:.．、]/;
var SENTENCE3 = /[，。；！？]/;
function lineRole(line) {
  if (line.cells.length === 0) return "blank";
  const texts = line.cells.filter((c) => c.kind === "text").map((c) => c.text);
  if (texts.some((t) => NOTE.test(t) || FOOTNOTE2.test(t))) return "note";
  if (texts.some((t) => t.length > 15 && SENTENCE3.test(t))) return "note";
  const joined = joinAcross(line.cells.map((c) => c.text));
  if (isTitleLine(joined) || isMarkerLine(joined)) return "title";
  if (line.body) return "body";
  if (texts.some((t) => Array.from(t).length > MAX_CELL_CHARS)) return "note";
  return "text";
}
function findBlocks(lines, lineRoles, adjacent) {
  const roles = withNoteContinuations(lines, lineRoles, adjacent);
  const blocks = [];
  let titleSince = true;
  for (const [start, end] of runs(lines, roles)) {
    const found = blockOf(lines, roles, start, end, adjacent);
    const continues = found !== null && !titleSince && !roles.slice(start, found.headerStart).includes("title");
    if (!found || found.rows < 2 && found.headerStart === found.firstBody && !continues) {
      if (roles.slice(start, end + 1).includes("title")) titleSince = true;
      continue;
    }
    blocks.push({ headerStart: found.headerStart, firstBody: found.firstBody, end: found.end, continues });
    titleSince = roles.slice(found.end + 1, end + 1).includes("title");
  }
  return blocks;
}
function withNoteContinuations(lines, roles, adjacent) {
  const out = [...roles];
  for (let i = 1; i < lines.length; i++) {
    if (out[i] !== "text" || lines[i].cells.length !== 1) continue;
    for (let j = i - 1; j >= Math.max(0, i - 2) && (j === i - 1 || out[j + 1] === "note"); j--) {
      if (out[j] !== "note") continue;
      const note = lines[j].cells[0];
      const chained = lines.slice(j, i + 1).every((l, k, all) => k === 0 || adjacent(all[k - 1], l));
      const sameStart = Math.abs(note.x0 - lines[i].cells[0].x0) <= (note.x1 - note.x0) / Math.max(1, note.text.length);
      if (chained && sameStart) out[i] = "note";
    }
  }
  return out;
}
function runs(lines, roles) {
  const out = [];
  let start = 0;
  for (let i = 1; i <= lines.length; i++) {
    const pageBreak = i < lines.length && lines[i].src.page !== lines[i - 1].src.page;
    if (i === lines.length || pageBreak || roles[i] === "title" || roles[i] === "note") {
      out.push([start, i - 1]);
      start = i;
    }
  }
  return out;
}
function blockOf(lines, roles, start, end, adjacent) {
  const bodies = [];
  for (let i = start; i <= end; i++) if (roles[i] === "body") bodies.push(i);
  if (bodies.length === 0) return null;
  const firstBody = bodies[0];
  let headerStart = firstBody;
  let headerLines2 = 0;
  for (let i = firstBody - 1; i >= start && roles[i] !== "title" && roles[i] !== "note"; i--) {
    if (roles[i] !== "text") continue;
    if (++headerLines2 > MAX_HEADER_LINES) break;
    headerStart = i;
  }
  let last = bodies[bodies.length - 1];
  for (let n = 0; n < MAX_TRAILING_FRAGMENTS && last + 1 <= end && roles[last + 1] === "text" && adjacent(lines[last], lines[last + 1]); n++) last++;
  return { headerStart, firstBody, end: last, rows: bodies.length };
}

// src/lib/extract/grid-columns.ts
var slotKind = (k) => k === "figure" ? "figure" : k === "text" ? "text" : "code";
function bodySlots(rows, labels = []) {
  const byKind = itemsByKind(rows);
  const items = (kind) => byKind[kind];
  const fixed = [...clusterCells(items("code"), "code"), ...clusterCells(items("figure"), "figure")];
  const spans = (c) => fixed.some((k) => overlapLength(k.box, c) > 0);
  const texts = items("text");
  const own = clusterCells(texts.filter((t) => !spans(t.cell)), "text");
  const elsewhere = labels.flatMap((l) => l.cells.filter((c) => c.kind === "text" && ![...fixed, ...own].some((k) => overlapLength(k.box, c) > 0)).map((cell) => ({ cell, line: l.index })));
  const clusters = [...fixed, ...own, ...clusterCells(elsewhere, "text").map((c) => ({ ...c, cells: [] }))];
  clusters.sort((a, b) => a.box.x0 - b.box.x0 || order(a.kind) - order(b.kind));
  const merged = mergeTextRuns(clusters);
  for (const { cell, line } of texts.filter((t) => spans(t.cell))) joinNearestText(merged, cell, line);
  const slotOf = /* @__PURE__ */ new Map();
  merged.forEach((c, i) => c.cells.forEach((cell) => slotOf.set(cell, i)));
  return { slots: merged.map((c) => ({ ...c.box, kind: c.kind })), slotOf };
}
function itemsByKind(rows) {
  const out = { code: [], text: [], figure: [], empty: [] };
  for (const r of rows) for (const cell of r.cells) out[slotKind(cell.kind)].push({ cell, line: r.index });
  return out;
}
function joinNearestText(clusters, cell, line) {
  const text = clusters.filter((c) => c.kind === "text");
  const score = (c) => overlapLength(c.box, cell) || -gap(c.box, cell);
  const best = text.reduce((b, c) => b === null || score(c) > score(b) ? c : b, null);
  if (best) {
    best.cells.push(cell);
    best.lines.add(line);
    return;
  }
  const own = { kind: "text", box: { x0: cell.x0, x1: cell.x1 }, cells: [cell], lines: /* @__PURE__ */ new Set([line]) };
  const at = clusters.findIndex((c) => c.box.x0 > cell.x0);
  clusters.splice(at < 0 ? clusters.length : at, 0, own);
}
function mergeTextRuns(clusters) {
  const out = [];
  for (const c of clusters) {
    const last = out[out.length - 1];
    if (last && last.kind === "text" && c.kind === "text") {
      out[out.length - 1] = { ...last, box: { x0: last.box.x0, x1: Math.max(last.box.x1, c.box.x1) }, cells: [...last.cells, ...c.cells] };
    } else {
      out.push(c);
    }
  }
  return out;
}
var order = (k) => ["code", "text", "figure", "empty"].indexOf(k);
function clusterCells(items, kind) {
  const parent = items.map((_, i) => i);
  const find = (i) => parent[i] === i ? i : parent[i] = find(parent[i]);
  const lines = items.map((it) => /* @__PURE__ */ new Set([it.line]));
  for (const [a, b] of overlappingPairs(items.map((it) => it.cell))) {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) continue;
    const [big, small] = lines[ra].size >= lines[rb].size ? [ra, rb] : [rb, ra];
    if (sharesLine(lines[small], lines[big])) continue;
    parent[small] = big;
    lines[small].forEach((l) => lines[big].add(l));
  }
  const byRoot = /* @__PURE__ */ new Map();
  items.forEach((it, i) => {
    const root = find(i);
    const c = byRoot.get(root) ?? { kind, box: { x0: it.cell.x0, x1: it.cell.x1 }, cells: [], lines: lines[root] };
    c.box = { x0: Math.min(c.box.x0, it.cell.x0), x1: Math.max(c.box.x1, it.cell.x1) };
    c.cells.push(it.cell);
    byRoot.set(root, c);
  });
  return [...byRoot.values()];
}
function sharesLine(a, b) {
  for (const l of a) if (b.has(l)) return true;
  return false;
}
var NEIGHBOURS = 8;
function overlappingPairs(boxes) {
  const idx = boxes.map((_, i) => i).sort((a, b) => boxes[a].x0 - boxes[b].x0 || boxes[a].x1 - boxes[b].x1);
  const pairs = [];
  for (let p = 0; p < idx.length; p++) {
    for (let q = p + 1; q < idx.length && q <= p + NEIGHBOURS && boxes[idx[q]].x0 < boxes[idx[p]].x1; q++) {
      const a = boxes[idx[p]];
      const b = boxes[idx[q]];
      const share = overlapLength(a, b) / Math.min(a.x1 - a.x0, b.x1 - b.x0);
      if (share > 0) pairs.push({ a: idx[p], b: idx[q], share });
    }
  }
  return pairs.sort((x, y) => y.share - x.share).map((p) => [p.a, p.b]);
}
function bestSlot(box, slots, allowed = () => true) {
  let best = -1;
  let most = 0;
  slots.forEach((s, i) => {
    const o = overlapLength(box, s);
    if (allowed(s) && o > most) {
      best = i;
      most = o;
    }
  });
  return best;
}

// src/lib/extract/grid-header-parents.ts
var cover = (c, slots) => slots.map((s, i) => overlaps(c, s) ? i : -1).filter((i) => i >= 0);
function sideOf(cells, line, box, left) {
  const xs = cells.filter((c) => c.line === line && !standsOver(c, box) && (left ? c.x1 <= box.x0 : c.x0 >= box.x1));
  return left ? Math.max(-Infinity, ...xs.map((c) => c.x1)) : Math.min(Infinity, ...xs.map((c) => c.x0));
}
var isRestOfWord = (c) => /^[（(]/.test(c.text);
function nestles(c, cells) {
  const lower = [...new Set(cells.map((d) => d.line).filter((l) => l > c.line))];
  const under = cells.filter((d) => d.line > c.line && standsOver(d, c));
  const first = under.length > 0 ? Math.min(...under.map((d) => d.line)) : null;
  if (first !== null && under.some((d) => d.line === first && isRestOfWord(d) || d.line > first)) return false;
  const [ownLeft, ownRight] = [sideOf(cells, c.line, c, true), sideOf(cells, c.line, c, false)];
  return (first === null ? lower : [first]).some((l) => {
    const [left, right] = [sideOf(cells, l, c, true), sideOf(cells, l, c, false)];
    return Number.isFinite(left) && Number.isFinite(right) && left > ownLeft && right < ownRight;
  });
}
function isParent(c, slot, cells, slots, placeOf) {
  const below = cells.filter((d) => d.line > c.line && placeOf(d).includes(slot));
  if (below.length === 0) return false;
  const nextLine = Math.min(...below.map((d) => d.line));
  const under = below.filter((d) => d.line === nextLine);
  if (under.some((d) => placeOf(d).length >= 2 || cover(d, slots).length >= 2)) return true;
  if (under.some(isRestOfWord)) return false;
  const onLine = (line, s) => cells.some((d) => d.line === line && placeOf(d).includes(s));
  const sides = [slot - 1, slot + 1].filter((s) => s >= 0 && s < slots.length);
  return sides.length > 0 && sides.every((s) => onLine(nextLine, s) && !onLine(c.line, s));
}

// src/lib/extract/grid-header-align.ts
function headerWords(band, body) {
  const split = band.flatMap((c) => cover(c, body).length >= 2 && /\s/.test(c.text) ? splitAtSpaces2(c) : [c]);
  const out = [];
  for (const c of split) {
    const only = cover(c, body);
    const prev = out[out.length - 1];
    const same = prev && prev.line === c.line && only.length === 1 && cover(prev, body).join() === only.join();
    if (same) out[out.length - 1] = { ...prev, text: joinAcross([prev.text, c.text]), x1: c.x1 };
    else out.push(c);
  }
  return out;
}
function splitAtSpaces2(c) {
  const chars = Array.from(c.text);
  const scale = (c.x1 - c.x0) / chars.length;
  const out = [];
  for (const m of c.text.matchAll(/\S+/g)) {
    const start = Array.from(c.text.slice(0, m.index)).length;
    const end = start + Array.from(m[0]).length;
    out.push({ ...c, text: m[0], x0: c.x0 + start * scale, x1: c.x0 + end * scale });
  }
  return out;
}
function stackColumns(cells, parents) {
  const stacks = [];
  const lines = [...new Set(cells.map((c) => c.line))].sort((a, b) => b - a);
  for (const line of lines) {
    for (const c of cells.filter((d) => d.line === line).sort((a, b) => a.x0 - b.x0)) {
      const hits = stacks.filter((s) => standsOver(s, c));
      if (hits.length >= 2) parents.add(c);
      else if (hits.length === 1) {
        hits[0].cells.push(c);
        hits[0].x0 = Math.min(hits[0].x0, c.x0);
        hits[0].x1 = Math.max(hits[0].x1, c.x1);
      } else stacks.push({ x0: c.x0, x1: c.x1, cells: [c] });
    }
  }
  return stacks.sort((a, b) => a.x0 - b.x0);
}
function alignColumns(stacks, body) {
  const cost = (st, s) => overlaps(st, s) ? 0 : Math.abs(centre(st) - centre(s));
  const stacksShorter = stacks.length <= body.length;
  const [short, long] = stacksShorter ? [stacks.length, body.length] : [body.length, stacks.length];
  const match = alignAll(short, long, (i, j) => stacksShorter ? cost(stacks[i], body[j]) : cost(stacks[j], body[i]));
  const stackSlot = new Map(match.map((j, i) => stacksShorter ? [i, j] : [j, i]));
  const slots = [];
  const slotOf = /* @__PURE__ */ new Map();
  let next = 0;
  stacks.forEach((st, si) => {
    const b = stackSlot.get(si);
    if (b !== void 0) while (next <= b) slots.push(body[next++]);
    else slots.push({ x0: st.x0, x1: st.x1, kind: st.cells[0].kind ?? "empty" });
    st.cells.forEach((c) => slotOf.set(c, slots.length - 1));
  });
  while (next < body.length) slots.push(body[next++]);
  return { slots, slotOf };
}
function alignAll(short, long, cost) {
  const dp = Array.from({ length: short + 1 }, () => Array(long + 1).fill(Infinity));
  for (let j = 0; j <= long; j++) dp[0][j] = 0;
  for (let i = 1; i <= short; i++) {
    for (let j = i; j <= long; j++) dp[i][j] = Math.min(dp[i][j - 1], dp[i - 1][j - 1] + cost(i - 1, j - 1));
  }
  const match = Array(short).fill(-1);
  for (let i = short, j = long; i > 0; j--) {
    if (j === i || dp[i][j] !== dp[i][j - 1]) match[--i] = j - 1;
  }
  return match;
}

// src/lib/extract/grid-header.ts
function readHeader(band, body) {
  const cells = headerWords(band, body);
  const parents = new Set(cells.filter((c) => nestles(c, cells)));
  const stacks = stackColumns(cells.filter((c) => !parents.has(c)), parents);
  const { slots, slotOf } = alignColumns(stacks, body);
  const placed = new Map(slotOf);
  const placeOf = (d) => placed.has(d) ? [placed.get(d)] : cover(d, slots);
  for (const [c, slot] of placed) {
    if (cover(c, slots).length >= 2 || isParent(c, slot, cells, slots, placeOf)) {
      parents.add(c);
      slotOf.delete(c);
    }
  }
  const parentSlots = new Map([...parents].map((c) => [c, Math.min(cover(c, slots)[0] ?? nearest(c, slots), spanStart(c, cells, slots))]));
  return model(slots, slotOf, parentSlots);
}
function nearest(c, slots) {
  const dist = (s) => Math.max(0, s.x0 - c.x1, c.x0 - s.x1);
  return slots.reduce((best, s, i) => dist(s) < dist(slots[best]) ? i : best, 0);
}
function spanStart(c, cells, slots) {
  const mid = centre(c);
  const beside = cells.filter((d) => d.line === c.line && d !== c);
  const left = Math.max(-Infinity, ...beside.filter((d) => d.x1 <= c.x0).map((d) => (d.x1 + c.x0) / 2));
  const right = Math.min(Infinity, ...beside.filter((d) => d.x0 >= c.x1).map((d) => (c.x1 + d.x0) / 2));
  const reach = Math.min(mid - left, right - mid);
  if (!Number.isFinite(reach)) return slots.length;
  const first = slots.findIndex((s) => centre(s) >= mid - reach && centre(s) <= mid + reach);
  return first < 0 ? slots.length : first;
}
function model(slots, single, parents) {
  const leaves = slots.map((_, i) => leafText([...single].filter(([, s]) => s === i).map(([c]) => c)));
  const byLine = /* @__PURE__ */ new Map();
  for (const [c, slot] of [...parents].sort(([a], [b]) => a.line - b.line || a.x0 - b.x0)) {
    if (c.line < 0) continue;
    byLine.set(c.line, [...byLine.get(c.line) ?? [], { text: c.text, slot }]);
  }
  const leafLines = [...single.keys()].map((c) => c.line).filter((l) => l >= 0);
  return {
    slots,
    leaves,
    parents: [...byLine].map(([line, cells]) => ({ line, cells })),
    leafLine: leafLines.length > 0 ? Math.min(...leafLines) : null,
    columns: slots.map((s, i) => ({ x0: s.x0, x1: s.x1, text: leaves[i], line: -1, kind: s.kind })).filter((c) => c.text !== "")
  };
}
function leafText(cells) {
  const lines = [...new Set(cells.map((c) => c.line))].sort((a, b) => a - b);
  return joinWrapped(lines.map((l) => joinAcross(cells.filter((c) => c.line === l).sort((a, b) => a.x0 - b.x0).map((c) => c.text))));
}

// src/lib/extract/grid-codes.ts
var CODE_LIKE = /^\d{2}(?:\d)?(?:\d{2}){0,2}$/;
var FULL_CODE2 = /^\d{3}(?:\d{2}){0,2}$/;
function settleCodes(rows, headerWords2) {
  const cells = rows.flatMap((r) => r.cells);
  const pieces = cells.some((c) => c.kind === "piece") || headerWords2.includes("\u7C7B") && headerWords2.includes("\u6B3E");
  for (const c of cells) if (c.kind === "loose") c.kind = pieces ? "piece" : "figure";
  const codeColumns = mergedRanges(cells.filter((c) => c.kind === "code" || c.kind === "piece"));
  for (const c of cells) {
    const t = halfWidth(c.text);
    if (c.kind !== "figure" || !CODE_LIKE.test(t)) continue;
    if (!codeColumns.some((b) => overlapLength(b, c) >= 0.5 * (c.x1 - c.x0))) continue;
    if (pieces && t.length <= 3) c.kind = "piece";
    else if (FULL_CODE2.test(t)) c.kind = "code";
  }
}
function mergedRanges(boxes) {
  const out = [];
  for (const b of [...boxes].sort((p, q) => p.x0 - q.x0)) {
    const last = out[out.length - 1];
    if (last && b.x0 < last.x1) last.x1 = Math.max(last.x1, b.x1);
    else out.push({ x0: b.x0, x1: b.x1 });
  }
  return out;
}
function codeGroups(slots) {
  const groups = [];
  slots.forEach((s, i) => {
    if (s.kind !== "code") return;
    const last = groups[groups.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else groups.push([i]);
  });
  return groups;
}
function groupRoles(group, leaves, cellsOf2) {
  const named = { \u7C7B: "class", \u6B3E: "section", \u9879: "item" };
  const byWord = group.map((s) => named[leaves[s]?.trim() ?? ""]);
  if (byWord.every((r) => r !== void 0)) return byWord;
  if (group.length < 2) return [null];
  const offset = cellsOf2(group[0]).some((c) => halfWidth(c.text).length === 3) ? 0 : 1;
  return group.map((_, i) => ORDER[Math.min(2, offset + i)]);
}
var ORDER = ["class", "section", "item"];
function rowCode(cells, roleOf, carry) {
  if (cells.length === 0) return null;
  if (cells.length === 1 && cells[0].kind === "code") return remember(halfWidth(cells[0].text), carry);
  const lone = cells.length === 1 && carry.sec === null ? 1 : 2;
  const start = halfWidth(cells[0].text).length === 3 ? 0 : cells.length === 1 ? lone : 1;
  const roles = cells.map((c, i) => roleOf(c) ?? ORDER[Math.min(2, start + i)]);
  const piece = (r) => {
    const i = roles.indexOf(r);
    return i >= 0 ? halfWidth(cells[i].text) : null;
  };
  const cls = piece("class") ?? carry.cls;
  const item = piece("item");
  const sec = piece("section") ?? (item !== null ? carry.sec : null);
  if (cls === null || item !== null && sec === null) return null;
  return remember(cls + (sec ?? "") + (item ?? ""), carry);
}
function remember(code, carry) {
  if (code.length >= 3) carry.cls = code.slice(0, 3);
  carry.sec = code.length >= 5 ? code.slice(3, 5) : null;
  return code;
}

// src/lib/extract/grid-output.ts
function place(line) {
  return line.src.page === null ? { pageLine: line.src.pageLine } : { page: line.src.page, pageLine: line.src.pageLine };
}
function columnsOf2(slots) {
  const cols = [];
  slots.forEach((s, i) => {
    const last = cols[cols.length - 1];
    const prev = i > 0 ? slots[i - 1].kind : null;
    if (last && prev === s.kind && (s.kind === "code" || s.kind === "text")) last.push(i);
    else cols.push([i]);
  });
  return cols;
}
function headerLines(header, layout, lines) {
  const colOf = (slot) => layout.findIndex((c) => c.includes(slot));
  const out = header.parents.map((p) => {
    const cells = layout.map((_, i) => joinAcross(p.cells.filter((c) => colOf(c.slot) === i).map((c) => c.text)));
    return { text: cells.join("	"), kind: "header", ...place(lines[p.line]) };
  });
  if (header.leafLine !== null) {
    const cells = layout.map((col2) => joinAcross(col2.map((s) => header.leaves[s]).filter((t) => t !== "")));
    out.push({ text: cells.join("	"), kind: "header", ...place(lines[header.leafLine]) });
  }
  return out;
}
function rowCodes(rows, header, carry) {
  const groups = codeGroups(header.slots);
  const cellsIn = (slot) => rows.flatMap((r) => r.parts[slot].map((p) => p.cell));
  const roles = groups.map((g) => groupRoles(g, header.leaves, cellsIn));
  groups.forEach((_, i) => carry[i] ??= { cls: null, sec: null });
  const out = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const codes = /* @__PURE__ */ new Map();
    groups.forEach((g, gi) => {
      const cells = g.flatMap((s) => row.parts[s].map((p) => p.cell)).sort((a, b) => a.x0 - b.x0);
      const roleOf = (c) => roles[gi][g.findIndex((s) => row.parts[s].some((p) => p.cell === c))] ?? null;
      const code = rowCode(cells, roleOf, carry[gi]);
      if (code !== null) codes.set(g[0], code);
    });
    out.set(row, codes);
  }
  return out;
}
function rowText(row, layout, codes) {
  return layout.map((col2) => codes?.get(col2[0]) ?? joinParts(col2.length === 1 ? row.parts[col2[0]] : col2.flatMap((s) => row.parts[s])));
}
function joinParts(parts) {
  if (parts.length <= 1) return parts.length === 0 ? "" : parts[0].text;
  const ys = [...new Set(parts.map((p) => p.y))].sort((a, b) => a - b);
  const onLine = (y, ps) => ps.filter((p) => p.y === y).sort((a, b) => a.x0 - b.x0);
  const widest = ys.map((y) => onLine(y, parts)).reduce((a, b) => b.length > a.length ? b : a, []);
  const column = (p) => widest.reduce((best, q, i) => Math.abs(centre(q.cell) - centre(p.cell)) < Math.abs(centre(widest[best].cell) - centre(p.cell)) ? i : best, 0);
  const columns = widest.map((_, i) => parts.filter((p) => widest.length < 2 || column(p) === i));
  return joinAcross(columns.map((col2) => joinWrapped(ys.map((y) => joinAcross(onLine(y, col2).map((p) => p.text))).filter((t) => t !== ""))));
}
function looseLine(line, slots, layout) {
  const cells = layout.map(() => []);
  for (const cell of line.cells) {
    const slot = bestSlot(cell, slots);
    const col2 = layout.findIndex((c) => c.includes(slot >= 0 ? slot : nearestSlot(cell, slots)));
    cells[col2].push(cell.text);
  }
  return { text: cells.map((c) => joinAcross(c)).join("	"), kind: "row", ...place(line) };
}
function nearestSlot(cell, slots) {
  const dist = (s) => Math.max(0, s.x0 - cell.x1, cell.x0 - s.x1);
  return slots.reduce((best, s, i) => dist(s) < dist(slots[best]) ? i : best, 0);
}

// src/lib/extract/grid-wrap.ts
function buildRows(lines, ctx) {
  const rows = [];
  const texts = [];
  const wraps = /* @__PURE__ */ new Map();
  const wrapsOf = (r) => wraps.get(r) ?? wraps.set(r, { above: [], below: [] }).get(r);
  let pending = [];
  const settle = (prev, next) => {
    const { toA, toB } = assignRun(prev, next, pending, ctx);
    if (prev) wrapsOf(prev).below.push(...toA);
    if (next) wrapsOf(next).above.push(...toB);
    texts.push(...pending);
    pending = [];
  };
  for (const line of lines) {
    if (line.cells.length === 0) continue;
    if (!line.body) pending.push(line);
    else if (rows.length > 0 && continuesRow(rows[rows.length - 1], line, pending, ctx)) {
      absorb(rows[rows.length - 1], [...pending, line], ctx);
      pending = [];
    } else {
      const row = newRow(line, ctx);
      settle(rows[rows.length - 1] ?? null, row);
      rows.push(row);
    }
  }
  settle(rows[rows.length - 1] ?? null, null);
  for (const [row, { above, below }] of wraps) {
    const n = ctx.coded ? Infinity : Math.min(above.length, below.length);
    absorb(row, [...above.slice(Math.max(0, above.length - n)), ...below.slice(0, n)], ctx);
  }
  const joined = new Set(rows.flatMap((r) => r.lines));
  return joinSlippedFigures({ rows, loose: texts.filter((l) => !joined.has(l)) }, ctx);
}
function joinSlippedFigures(built, ctx) {
  const figuresOnly = (l) => l.cells.length > 0 && l.cells.every((c) => c.kind === "figure");
  const lone = built.rows.filter((r) => r.lines.length === 1 && figuresOnly(r.line)).map((r) => r.line);
  const joined = /* @__PURE__ */ new Set();
  for (const line of [...built.loose.filter(figuresOnly), ...lone]) {
    const dy = (r) => Math.abs(r.line.src.y - line.src.y);
    const near = built.rows.filter((r) => r.line !== line && !joined.has(r.line) && r.line.src.page === line.src.page && dy(r) < Math.min(r.line.src.height, line.src.height));
    const target = near.sort((a, b) => dy(a) - dy(b))[0];
    const slots = line.cells.map((c) => bestSlot(c, ctx.slots, (s) => s.kind === "figure" || s.kind === "empty"));
    if (!target || slots.some((s) => s < 0 || target.parts[s].length > 0)) continue;
    line.cells.forEach((cell, i) => target.parts[slots[i]].push({ text: cell.text, y: target.line.src.y, x0: cell.x0, cell }));
    target.lines.push(line);
    joined.add(line);
  }
  return { rows: built.rows.filter((r) => !joined.has(r.line)), loose: built.loose.filter((l) => !joined.has(l)) };
}
function newRow(line, ctx) {
  const row = { line, parts: ctx.slots.map(() => []), lines: [] };
  absorb(row, [line], ctx);
  return row;
}
function absorb(row, lines, ctx) {
  for (const line of lines) {
    for (const cell of line.cells) {
      const slot = line.body ? ctx.slotOf(cell) : bestSlot(cell, ctx.slots);
      if (slot >= 0) row.parts[slot].push({ text: cell.text, y: line.src.y, x0: cell.x0, cell });
    }
    row.lines.push(line);
  }
}
var isCode = (c) => c.kind === "code" || c.kind === "piece";
var hasCode = (row) => row.line.cells.some(isCode);
var lastLine = (row) => row.lines.reduce((a, b) => b.index > a.index ? b : a);
function fragmentSlots(line, ctx) {
  const slots = line.cells.map((c) => c.kind === "text" ? bestSlot(c, ctx.slots) : -1);
  return slots.every((s) => s >= 0 && ctx.slots[s].kind === "text") ? slots : null;
}
function accepts(row, slots, ctx) {
  if (ctx.coded) return hasCode(row);
  return slots.every((s) => !ownsColumn(row, s, ctx));
}
var ownsColumn = (row, s, ctx) => row.line.cells.some((c) => ctx.columnOf[ctx.slotOf(c)] === ctx.columnOf[s]);
function continuesRow(prev, line, between, ctx) {
  if (!hasCode(prev) || line.cells.some(isCode)) return false;
  if (prev.parts.some((ps, s) => ps.length > 0 && ctx.slots[s].kind === "figure")) return false;
  if (!line.cells.every((c) => c.kind === "figure" || ctx.slots[ctx.slotOf(c)]?.kind === "text")) return false;
  const chain = [lastLine(prev), ...between, line];
  return between.every((l) => fragmentSlots(l, ctx) !== null) && chain.every((l, i) => i === 0 || ctx.adjacent(chain[i - 1], l));
}
function assignRun(a, b, run, ctx) {
  if (run.length === 0) return { toA: [], toB: [] };
  const shapes = run.map((l) => fragmentSlots(l, ctx));
  const joins = (row, i, from) => row !== null && from !== void 0 && shapes[i] !== null && accepts(row, shapes[i], ctx) && (from.index < run[i].index ? ctx.adjacent(from, run[i]) : ctx.adjacent(run[i], from));
  let toA = 0;
  while (toA < run.length && joins(a, toA, toA === 0 ? a ? lastLine(a) : void 0 : run[toA - 1])) toA++;
  let toB = 0;
  while (toB < run.length && joins(b, run.length - 1 - toB, toB === 0 ? b?.line : run[run.length - toB])) toB++;
  const lo = Math.max(0, run.length - toB);
  const split = lo <= toA ? bestSplit(a, b, run, lo, toA, shapes, ctx) : toA;
  return { toA: run.slice(0, split), toB: run.slice(Math.max(split, run.length - toB)) };
}
function bestSplit(a, b, run, lo, hi, shapes, ctx) {
  const owns = (row, i) => (shapes[i] ?? []).some((s) => ownsColumn(row, s, ctx));
  const cost = (k) => run.reduce((sum, l, i) => {
    if (i < k && a) return sum + (l.src.y - lastLine(a).src.y) + (owns(a, i) ? 0.1 : 0);
    if (b) return sum + (b.line.src.y - l.src.y) + (owns(b, i) ? 0.1 : 0) + 0.05;
    return sum;
  }, 0);
  let best = hi;
  for (let k = hi; k >= lo; k--) if (cost(k) < cost(best)) best = k;
  return best;
}
function upperHalfLines(band, row, after, adjacent) {
  const chain = (ls) => ls.every((l, i) => i === 0 || adjacent(ls[i - 1], l));
  const below = [];
  for (const l of after) {
    if (l.body || l.cells.length === 0 || !chain([row, ...below, l])) break;
    below.push(l);
  }
  for (let k = Math.min(below.length, band.length); k > 0; k--) {
    const above = band.slice(band.length - k);
    const under = below.slice(0, k).flatMap((l) => l.cells);
    const fits = above.flatMap((l) => l.cells).every((c) => c.kind === "text" && under.some((u) => standsOver(u, c)) && !row.cells.some((r) => overlaps(r, c)));
    if (fits && chain([...above, row])) return k;
  }
  return 0;
}

// src/lib/extract/grid.ts
function gridLines(lines) {
  return rebuildGrid(lines).map(({ kind: _kind, ...line }) => line);
}
function rebuildGrid(input) {
  const digit = digitWidth(input);
  const columnGap = 1.5 * digit;
  const lines = input.map((l, i) => readLine(l, i, columnGap));
  const prose = (line) => ({ text: joinSpaced(line.cells, 2 * digit), kind: "prose", ...place(line) });
  const adjacent = (a, b) => a.src.page === b.src.page && Math.abs(b.src.y - a.src.y) <= 1.75 * Math.max(a.src.height, b.src.height);
  const out = [];
  let next = 0;
  let state = null;
  for (const block of findBlocks(lines, lines.map(lineRole), adjacent)) {
    for (; next < block.headerStart; next++) out.push(prose(lines[next]));
    const table = readBlock(lines, block, block.continues ? state : null, { adjacent, prose });
    out.push(...table.out);
    state = table.state;
    next = block.end + 1;
  }
  for (; next < lines.length; next++) out.push(prose(lines[next]));
  for (let i = 0; i < out.length; i++) out[i].no = i + 1;
  return out;
}
function readBlock(lines, block, carried, { adjacent, prose }) {
  const plan = planBlock(lines, block, carried, adjacent);
  const { header, layout, rowLines } = plan;
  const built = buildRows(rowLines, plan.wrap);
  const carry = carried?.carry ?? [];
  const codes = rowCodes(built.rows, header, carry);
  const out = plan.own ? headerLines(header, layout, lines) : [];
  const rowAt = new Map(built.rows.map((r) => [r.line, r]));
  const joined = new Set(built.rows.flatMap((r) => r.lines));
  const loose = new Set(built.loose);
  for (const line of rowLines) {
    const row = rowAt.get(line);
    if (row) out.push({ text: rowText(row, layout, codes.get(row)).join("	"), kind: "row", ...place(line) });
    else if (loose.has(line)) out.push(line.cells.length < 2 ? prose(line) : looseLine(line, header.slots, layout));
    else if (!joined.has(line)) out.push(prose(line));
  }
  return { out, state: { columns: header.columns, carry } };
}
function planBlock(lines, block, carried, adjacent) {
  const region = lines.slice(block.firstBody, block.end + 1);
  const bodyLines = region.filter((l) => l.body);
  const coded = bodyLines.some((l) => l.cells.some((c) => c.kind === "code" || c.kind === "piece"));
  const fullBand = lines.slice(block.headerStart, block.firstBody).filter((l) => l.cells.length > 0);
  const band = coded ? fullBand : fullBand.slice(0, fullBand.length - upperHalfLines(fullBand, lines[block.firstBody], region.slice(1), adjacent));
  const bandCells = band.flatMap((l) => l.cells.map((c) => ({ text: c.text, x0: c.x0, x1: c.x1, line: l.index })));
  settleCodes(bodyLines, [...bandCells, ...carried?.columns ?? []].map((c) => c.text));
  const labels = coded ? [] : lines.slice(block.headerStart, block.end + 1).filter((l) => !l.body && !band.includes(l));
  const body = bodySlots(bodyLines, labels);
  const { header, own } = chooseHeader(bandCells, body.slots, carried);
  const rowStart = own ? band.length > 0 ? band[band.length - 1].index + 1 : block.firstBody : block.headerStart;
  const finalIndex = body.slots.map((s) => header.slots.indexOf(s));
  const slotOf = (c) => finalIndex[body.slotOf.get(c) ?? -1] ?? -1;
  const layout = columnsOf2(header.slots);
  const columnOf = header.slots.map((_, i) => layout.findIndex((c) => c.includes(i)));
  return { header, own, layout, rowLines: lines.slice(rowStart, block.end + 1), wrap: { slots: header.slots, slotOf, columnOf, coded, adjacent } };
}
function chooseHeader(band, slots, carried) {
  const header = readHeader(band, slots);
  if (!carried) return { header, own: true };
  const before = new Set(carried.columns.map((c) => c.text));
  const leaves = header.leaves.filter((l) => l !== "");
  if (leaves.length >= 2 && 2 * leaves.filter((l) => before.has(l)).length >= leaves.length) return { header, own: true };
  return { header: readHeader(carried.columns, slots), own: false };
}

// src/lib/extract/text-positions.ts
var isSpace2 = (c) => c === 32 || c === 12288 || c === 9;
function textPositions(lines, read) {
  return lines.map((l) => ({ page: null, pageLine: l.pageLine ?? l.no, y: l.no, height: 1, cells: read?.get(l) ?? textCells(l.text) }));
}
function textCells(text) {
  const s = text.includes("\f") ? text.replace(/\f/g, "") : text;
  const cells = [];
  let lastText = "";
  let lastX1 = -1;
  let lastIsAmount = null;
  const take = (token, x0, x1) => {
    let isAmount = null;
    let joins = false;
    if (lastX1 >= 0 && x0 - lastX1 === 1) {
      lastIsAmount ??= isAmountCell(lastText);
      if (!lastIsAmount) joins = !(isAmount = isAmountCell(token));
    }
    if (joins) {
      const cell = cells[cells.length - 1];
      cell.text += " " + token;
      cell.x1 = x1;
    } else {
      cells.push({ text: token, x0, x1 });
    }
    lastText = token;
    lastX1 = x1;
    lastIsAmount = isAmount;
  };
  let column = 0;
  let start = -1;
  let startAt = 0;
  for (let i = 0; i < s.length; column++) {
    const c = s.codePointAt(i);
    const space = isSpace2(c);
    if (!space && start < 0) start = column, startAt = i;
    if (space && start >= 0) {
      take(s.slice(startAt, i), start, column);
      start = -1;
    }
    i += c > 65535 ? 2 : 1;
  }
  if (start >= 0) take(s.slice(startAt), start, column);
  return cells;
}
var MIN_FIGURE_LINES = 5;
function isPositionallyAligned(lines, read) {
  const recent = [];
  let figureLines = 0;
  let aligned = 0;
  let apart = 0;
  let figures = 0;
  for (const line of lines) {
    if (!ASCII_DIGIT.test(line.text)) continue;
    const cells = textCells(line.text);
    read?.set(line, cells);
    if (cells.length < 2) continue;
    const ends = [];
    let lineFigures = 0;
    let lineApart = 0;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (!isFigure(c.text)) continue;
      ends.push(c.x1);
      if (i === 0) continue;
      lineFigures++;
      if (c.x0 - cells[i - 1].x1 >= 2) lineApart++;
    }
    if (ends.length === 0) continue;
    figureLines++;
    figures += lineFigures;
    apart += lineApart;
    if (endsNearAbove(ends, recent)) aligned++;
    recent.push(ends);
    if (recent.length > 4) recent.shift();
  }
  return figureLines >= MIN_FIGURE_LINES && aligned >= 0.5 * figureLines && apart >= 0.6 * figures;
}
function endsNearAbove(ends, recent) {
  for (const e of ends) for (const r of recent) for (const x of r) if (Math.abs(x - e) <= 1) return true;
  return false;
}
var ASCII_DIGIT = /\d/;
var isFigure = (t) => isAmountCell(t) && ASCII_DIGIT.test(t);
function gridText(lines, read) {
  const byLine = new Map(lines.map((l) => [l.pageLine ?? l.no, l]));
  return rebuildGrid(textPositions(lines, read)).map(({ kind, ...out }) => {
    const original = kind === "prose" ? byLine.get(out.pageLine ?? out.no) : void 0;
    return original ? { ...out, text: original.text.replace(/[\f\t]/g, " ").trimEnd() } : out;
  });
}
function sourceLayout(source) {
  if (source.layout !== null) return { lines: source.lines, layout: source.layout };
  const layout = detectLayout(source.lines);
  if (layout !== "spaces") return { lines: source.lines, layout };
  const read = /* @__PURE__ */ new Map();
  if (!isPositionallyAligned(source.lines, read)) return { lines: source.lines, layout };
  return { lines: gridText(source.lines, read), layout: "tabs" };
}

// src/lib/extract/document.ts
function readTextSource(file, bytes) {
  const { text, diagnostics } = decodeDisclosure(file, bytes);
  return { format: "text", lines: splitLines(text), layout: null, pages: null, diagnostics };
}
function extractSource(file, source, docId, options = {}) {
  const { lines, layout } = sourceLayout(source);
  const meta = { ...readMetadata(lines), ...definedOnly(options.override ?? {}) };
  const stated = classifySegments(findSegments(lines), layout, lines);
  const narrativeLines = linesOutside(lines, stated.filter((t) => t.kind !== "skipped").map((t) => t.segment));
  const joinedNarrative = joinNarrative(narrativeLines);
  const narrative = readNarrative(narrativeLines, meta.kind === "final", joinedNarrative);
  const { tables, checks: unitChecks } = inferUnits(stated, narrative);
  const diagnostics = [...source.diagnostics];
  const out = readTables(tables, narrative, diagnostics);
  const structured = hasDisclosureTables(out);
  if (out.functionRows.length === 0 && out.functionTable === null) out.functionRows.push(...narrativeFunctionRows(narrative));
  if (!structured && !hasTitledFigures(meta, narrative, vouched(options))) {
    throw new ExtractError(file, "metadata", null, "\u4E0D\u662F\u90E8\u95E8\u9884\u7B97\u6216\u51B3\u7B97\u516C\u5F00\u6587\u4EF6\uFF1A\u6CA1\u6709\u6807\u51C6\u516C\u5F00\u8868\u6216\u5206\u7C7B\u7F16\u7801\u884C\uFF0C\u4E5F\u6CA1\u6709\u5E26\u91D1\u989D\u7684\u9884\u51B3\u7B97\u516C\u5F00\u6807\u9898 (not a disclosure)");
  }
  diagnostics.push(...metadataDiagnostics(meta, lines.length));
  const summary = summaryRows(out.summaryTable, { ...tableTotals(out), ...out.measures }, narrative);
  const threePublic = threePublicRows(out.threePublic, narrative, meta.kind);
  const narrativeFigures = readDerivedFigures(narrativeLines, meta.year, meta.kind, joinedNarrative);
  const checks = [...unitChecks, ...out.checks, ...crossChecks({ out, summary, narrative, threePublic, kind: meta.kind }), ...derivedPercentChecks(narrativeFigures), ...derivedTableChecks(narrativeFigures, out.threePublic ? threePublic : [])];
  return {
    document: documentRecord(docId, file, meta, tables.some((t) => t.kind !== "skipped") ? layout : "narrative", source),
    functionRows: out.functionRows,
    economicRows: out.economicRows,
    breakdownRows: out.breakdownRows,
    threePublic,
    summary,
    sourceTables: sourceTableRows(tables),
    checks,
    narrativeFigures,
    diagnostics: [...diagnostics, ...tableCompleteness(tables, lines, checks), ...skippedDiagnostics(tables), ...failedCheckDiagnostics(checks)],
    pagedLines: needsRefs(lines) ? lines : null
  };
}
function definedOnly(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0 && v !== null && v !== ""));
}
function classifySegments(segments, layout, lines) {
  const tables = segments.filter((s) => s.title !== null).map((segment) => ({ segment, kind: classifyTitle(segment.title).kind, rows: assembleRows(segment.lines, layout) })).filter((t) => t.kind !== "skipped" || t.rows.some((r) => r.cells.some((c) => isNumberCell(c.text))));
  return withStatedUnits(tables, lines);
}
function linesOutside(lines, segments) {
  const last = lines.reduce((m, l) => Math.max(m, l.no), 0);
  const inside = new Uint8Array(last + 1);
  for (const s of segments) inside.fill(1, Math.max(0, s.start), Math.min(last, s.end) + 1);
  return lines.filter((l) => inside[l.no] === 0);
}
function vouched(options) {
  return Boolean(options.override?.year && options.override?.kind);
}
function documentRecord(docId, file, meta, layout, source) {
  const kindWord = meta.kind === "final" ? "\u90E8\u95E8\u51B3\u7B97" : meta.kind === "budget" ? "\u90E8\u95E8\u9884\u7B97" : "";
  const composed = [meta.department, meta.year ? `${meta.year}\u5E74${meta.kind === "final" ? "\u5EA6" : ""}` : "", kindWord].filter(Boolean).join("");
  return {
    doc_id: docId,
    source_file: file,
    district: meta.district,
    department: meta.department,
    year: meta.year,
    kind: meta.kind,
    title: meta.title ?? (composed || null),
    department_kind: departmentKind(meta.department, meta.district),
    layout,
    level: meta.level ?? (meta.district ? "district" : null),
    source_format: source.format,
    pages: source.pages
  };
}
function sourceTableRows(tables) {
  return tables.map((t) => ({
    table_kind: t.kind,
    title: t.segment.title,
    unit: t.unit?.printed ?? null,
    scale: t.unit?.scale ?? 1,
    unit_note: t.unit?.note ?? null,
    source_line: t.segment.titleLine ?? t.segment.start
  }));
}
function skippedDiagnostics(tables) {
  return tables.filter((t) => t.kind === "skipped" && t.rows.some((r) => r.cells.some((c) => endsInDecimals(c.text)))).map((t) => ({ severity: "info", stage: "tables", line: t.segment.titleLine, message: `\u672A\u63D0\u53D6\u201C${t.segment.title}\u201D\uFF1A${classifyTitle(t.segment.title).reason}` }));
}
var DECIMALS_AT_END = /\d\.\d\d$/;
function endsInDecimals(text) {
  const last = text.charCodeAt(text.length - 1);
  if (!(last >= 48 && last <= 57 || last >= 65296 && last <= 65305)) return false;
  return DECIMALS_AT_END.test(toHalfWidth(text));
}
function failedCheckDiagnostics(checks) {
  return checks.filter((c) => !c.ok).map((c) => ({ severity: "warning", stage: "check", line: c.line, message: `\u6838\u5BF9\u672A\u901A\u8FC7 ${c.rule}\uFF1A\u5E94\u4E3A ${c.expected ?? "\u2014"}\uFF0C\u5B9E\u4E3A ${c.actual ?? "\u2014"}\uFF08${c.detail}\uFF09` }));
}

// src/lib/extract/html/charset.ts
var PRESCAN_BYTES = 4096;
var META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;
var XML_ENCODING = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i;
function decodePage(file, bytes) {
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = tryDecode2(bytes, bom);
    if (text === null) throw new ExtractError(file, "decode", null, `\u7F51\u9875\u4EE5 ${bom} \u5B57\u8282\u5E8F\u6807\u8BB0\u5F00\u5934\uFF0C\u4F46\u5185\u5BB9\u65E0\u6CD5\u6309 ${bom} \u89E3\u7801 (invalid ${bom} page)`);
    return { text: text.replace(/^\uFEFF/, ""), encoding: bom, diagnostics: [] };
  }
  const label = declaredCharset(bytes);
  const declared = label === null ? null : supportedEncoding(label);
  const diagnostics = [];
  if (label !== null && declared === null) diagnostics.push(warning(`\u7F51\u9875\u58F0\u660E\u7684\u5B57\u7B26\u96C6 ${label} \u4E0D\u53D7\u652F\u6301\uFF0C\u6539\u6309 UTF-8 / GB18030 \u8BC6\u522B (unsupported declared charset)`));
  for (const encoding of candidates(declared, bytes)) {
    const text = tryDecode2(bytes, encoding);
    if (text === null) continue;
    if (declared !== null && encoding !== declared) {
      diagnostics.push(warning(`\u7F51\u9875\u58F0\u660E\u7684\u5B57\u7B26\u96C6\u4E3A ${label}\uFF0C\u4F46\u5185\u5BB9\u662F ${encoding}\uFF0C\u5DF2\u6309 ${encoding} \u8BFB\u53D6 (declared charset does not match the bytes)`));
    }
    return { text, encoding, diagnostics };
  }
  const said = label === null ? "" : `\uFF08\u58F0\u660E\u4E3A ${label}\uFF09`;
  throw new ExtractError(file, "decode", null, `\u65E0\u6CD5\u89E3\u7801\u7F51\u9875${said}\uFF1A\u65E2\u4E0D\u662F UTF-8 \u4E5F\u4E0D\u662F GB18030 (the page decodes in no supported charset)`);
}
function candidates(declared, bytes) {
  if (declared === "gb18030" && hasNonAscii(bytes) && tryDecode2(bytes, "utf-8") !== null) return ["utf-8"];
  const fallback = ["utf-8", "gb18030"];
  return declared === null ? fallback : [declared, ...fallback.filter((e) => e !== declared)];
}
function declaredCharset(bytes) {
  let head = "";
  const n = Math.min(bytes.length, PRESCAN_BYTES);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i] < 128 ? bytes[i] : 32);
  const m = XML_ENCODING.exec(head) ?? META_CHARSET.exec(head);
  return m ? m[1] : null;
}
function supportedEncoding(label) {
  let name;
  try {
    name = new TextDecoder(label).encoding;
  } catch {
    return null;
  }
  if (name === "utf-8") return "utf-8";
  return name === "gbk" || name === "gb18030" ? "gb18030" : null;
}
function bomEncoding(bytes) {
  if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) return "utf-8";
  if (bytes[0] === 255 && bytes[1] === 254) return "utf-16le";
  if (bytes[0] === 254 && bytes[1] === 255) return "utf-16be";
  return null;
}
function tryDecode2(bytes, encoding) {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
function hasNonAscii(bytes) {
  return bytes.some((b) => b >= 128);
}
function warning(message) {
  return { severity: "warning", stage: "decode", line: null, message };
}

// src/lib/extract/html/entities.ts
var NAMED = {
  nbsp: "\xA0",
  ensp: "\u2002",
  emsp: "\u2003",
  thinsp: "\u2009",
  zwnj: "\u200C",
  zwj: "\u200D",
  shy: "\xAD",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ldquo: "\u201C",
  rdquo: "\u201D",
  lsquo: "\u2018",
  rsquo: "\u2019",
  bdquo: "\u201E",
  sbquo: "\u201A",
  laquo: "\xAB",
  raquo: "\xBB",
  lsaquo: "\u2039",
  rsaquo: "\u203A",
  mdash: "\u2014",
  ndash: "\u2013",
  minus: "\u2212",
  hellip: "\u2026",
  middot: "\xB7",
  bull: "\u2022",
  prime: "\u2032",
  Prime: "\u2033",
  times: "\xD7",
  divide: "\xF7",
  plusmn: "\xB1",
  le: "\u2264",
  ge: "\u2265",
  ne: "\u2260",
  asymp: "\u2248",
  equiv: "\u2261",
  lowast: "\u2217",
  permil: "\u2030",
  deg: "\xB0",
  micro: "\xB5",
  sup1: "\xB9",
  sup2: "\xB2",
  sup3: "\xB3",
  frac12: "\xBD",
  frac14: "\xBC",
  frac34: "\xBE",
  yen: "\xA5",
  cent: "\xA2",
  pound: "\xA3",
  euro: "\u20AC",
  copy: "\xA9",
  reg: "\xAE",
  trade: "\u2122",
  sect: "\xA7",
  para: "\xB6",
  larr: "\u2190",
  rarr: "\u2192",
  uarr: "\u2191",
  darr: "\u2193",
  radic: "\u221A",
  infin: "\u221E",
  sum: "\u2211",
  alpha: "\u03B1",
  beta: "\u03B2",
  mu: "\u03BC"
};
var LEGACY = /* @__PURE__ */ new Set(["nbsp", "amp", "lt", "gt", "quot", "copy", "reg", "yen", "deg", "times", "middot", "laquo", "raquo"]);
var WINDOWS_1252 = {
  128: 8364,
  130: 8218,
  132: 8222,
  133: 8230,
  134: 8224,
  135: 8225,
  137: 8240,
  139: 8249,
  145: 8216,
  146: 8217,
  147: 8220,
  148: 8221,
  149: 8226,
  150: 8211,
  151: 8212,
  153: 8482,
  155: 8250
};
var REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}))(;?)/g;
function decodeEntities(text) {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (whole, dec, hex, name, semi) => {
    if (dec !== void 0) return fromCodePoint(Number.parseInt(dec, 10));
    if (hex !== void 0) return fromCodePoint(Number.parseInt(hex, 16));
    const value = NAMED[name];
    return value !== void 0 && (semi === ";" || LEGACY.has(name)) ? value : whole;
  });
}
function fromCodePoint(cp) {
  const mapped = WINDOWS_1252[cp] ?? cp;
  if (mapped === 0 || mapped > 1114111 || mapped >= 55296 && mapped <= 57343) return "\uFFFD";
  return String.fromCodePoint(mapped);
}

// src/lib/extract/html/inline.ts
var WIDE2 = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
var SPACE_RUN = /\s+/g;
var TAG_TEXT = /<\/?[A-Za-z][^<>]*>/g;
var INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
var NEEDS_CLEANING = /[&<\s\u00ad\u200b-\u200d\u2060\ufeff]/;
function cleanText(raw) {
  if (!NEEDS_CLEANING.test(raw)) return raw;
  return collapseSpaces(decodedText(raw)).trim();
}
function decodedText(raw) {
  return decodeEntities(raw).replace(TAG_TEXT, "").replace(INVISIBLE, "");
}
function collapseSpaces(text) {
  return text.replace(SPACE_RUN, (run, at) => {
    const before = text[at - 1] ?? "";
    const after = text[at + run.length] ?? "";
    return /[\r\n]/.test(run) && WIDE2.test(before) && WIDE2.test(after) ? "" : " ";
  });
}
function firstShownOffset(raw) {
  const lead = /^(?:\s|&(?:nbsp|ensp|emsp|thinsp);?|&#0*(?:160|12288);?|&#[xX]0*(?:a0|A0|3000);?)*/.exec(raw)?.[0].length ?? 0;
  return lead < raw.length ? lead : -1;
}
var CellText = class {
  raw = "";
  text(raw) {
    this.raw += raw;
  }
  lineBreak() {
    this.raw += "\n";
  }
  /** The cell's text, on one line. */
  value() {
    return cleanText(this.raw);
  }
};

// src/lib/extract/html/lines.ts
var ProseLines = class {
  lines = [];
  raw = "";
  start = -1;
  text(raw, offset) {
    if (this.start < 0) {
      const k = firstShownOffset(raw);
      if (k >= 0) this.start = offset + k;
    }
    this.raw += raw;
  }
  lineBreak() {
    const text = cleanText(this.raw);
    if (text !== "" && this.start >= 0) this.lines.push({ text, offset: this.start });
    this.raw = "";
    this.start = -1;
  }
  /** Adds a finished line (a table row, a line of <pre> text) after what is pending. */
  push(line) {
    this.lineBreak();
    this.lines.push(line);
  }
};
var PreformattedLines = class {
  lines = [];
  raw = "";
  start = -1;
  text(raw, offset) {
    const parts = raw.split(/(\r\n|\r|\n)/);
    let at = offset;
    parts.forEach((part, i) => {
      if (i % 2 === 1) this.lineBreak();
      else {
        if (this.start < 0) this.start = at;
        this.raw += part;
      }
      at += part.length;
    });
  }
  lineBreak() {
    if (this.start >= 0) this.lines.push({ text: decodedText(this.raw), offset: this.start });
    this.raw = "";
    this.start = -1;
  }
  /** The lines, without the blank lines the <pre> opens and closes with. */
  finish() {
    if (this.raw !== "") this.lineBreak();
    let from = 0;
    let to = this.lines.length;
    while (from < to && this.lines[from].text.trim() === "") from++;
    while (to > from && this.lines[to - 1].text.trim() === "") to--;
    return this.lines.slice(from, to);
  }
};

// src/lib/extract/html/code-columns.ts
var FULL_CODE3 = /^\d{3}(?:\d{2}){0,2}$/;
var PART_HEADERS = ["\u7C7B", "\u6B3E", "\u9879"];
function codeColumnGroups(grid) {
  const found = [];
  for (const row of grid) {
    row.forEach((slot, c) => {
      if (!slot.origin) return;
      if (slot.colspan > 1 && FULL_CODE3.test(slot.text)) found.push([c, c + slot.colspan]);
      const parts = partHeaderRun(row, c);
      if (parts > 1) found.push([c, c + parts]);
    });
  }
  return mergeOverlapping(found);
}
function partHeaderRun(row, c) {
  let n = 0;
  while (n < PART_HEADERS.length && row[c + n]?.text.replace(/\s+/g, "") === PART_HEADERS[n] && row[c + n].colspan === 1) n++;
  return n;
}
function mergeOverlapping(groups) {
  const sorted = [...groups].sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const g of sorted) {
    const last = out[out.length - 1];
    if (last && g[0] < last[1]) last[1] = Math.max(last[1], g[1]);
    else out.push([g[0], g[1]]);
  }
  return out;
}
function joinedRow(row, groups) {
  const out = [];
  for (let c = 0; c < row.length; c++) {
    const group = groups.find((g) => g[0] === c);
    if (!group) {
      out.push(row[c].text);
      continue;
    }
    out.push(row.slice(group[0], group[1]).map((s) => s.text).join(""));
    c = group[1] - 1;
  }
  return out;
}

// src/lib/extract/html/grid.ts
var CODE_PART = /^(?:\d{2}|\d{3}|\d{5}|\d{7})$/;
function placeCells(rows) {
  const grid = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    cells.forEach((cell, k) => {
      while (grid[r][c]) c++;
      const height = cell.rowspan === 0 ? rows.length - r : Math.min(cell.rowspan, rows.length - r);
      const carried = height > 1 && CODE_PART.test(toHalfWidth(cell.text)) && cells.slice(k + 1).some((n) => isName(n.text));
      for (let dr = 0; dr < height; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          const origin = dr === 0 && dc === 0;
          const text = origin || carried && dc === 0 ? cell.text : "";
          grid[r + dr][c + dc] = { text, origin, colspan: cell.colspan };
        }
      }
      c += cell.colspan;
    });
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? { text: "", origin: false, colspan: 1 }));
}
function isName(text) {
  return text !== "" && !isAmountCell(text);
}

// src/lib/extract/html/walk.ts
var SKIPPED = /* @__PURE__ */ new Set([
  "head",
  "title",
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "canvas",
  "audio",
  "video",
  "map",
  "select",
  "button",
  "input",
  "textarea",
  "nav",
  "aside",
  "xml"
]);
var BLOCKS = /* @__PURE__ */ new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "main",
  "menu",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul"
]);
function isSkipped(el) {
  if (SKIPPED.has(el.name) || "hidden" in el.attrs) return true;
  if (el.attrs.role === "navigation") return true;
  return /display\s*:\s*none/i.test(el.attrs.style ?? "");
}
function walkInline(el, sink) {
  for (const child of el.children) {
    if (child.kind === "text") {
      sink.text(child.raw, child.offset);
      continue;
    }
    if (isSkipped(child)) continue;
    const breaks = child.name === "br" || BLOCKS.has(child.name);
    if (breaks) sink.lineBreak();
    walkInline(child, sink);
    if (breaks) sink.lineBreak();
  }
}
function findAll(el, name, inSkipped = false) {
  const out = [];
  const visit = (node) => {
    for (const child of node.children) {
      if (child.kind !== "element") continue;
      if (child.name === name) out.push(child);
      if (inSkipped || !isSkipped(child)) visit(child);
    }
  };
  visit(el);
  return out;
}

// src/lib/extract/html/table.ts
var SECTIONS = /* @__PURE__ */ new Set(["thead", "tbody", "tfoot"]);
var IGNORED = /* @__PURE__ */ new Set(["colgroup", "col"]);
var MAX_COLSPAN = 1e3;
var MAX_ROWSPAN = 65534;
function readTable(table, out, blocks) {
  out.lineBreak();
  const parts = tableParts(table);
  const stray = { ...table, name: "div", children: parts.stray };
  blocks(stray, out);
  out.lineBreak();
  if (isLayout(parts.rows)) {
    readLayoutTable(parts, out, blocks);
    return;
  }
  if (parts.caption) {
    walkInline(parts.caption, out);
    out.lineBreak();
  }
  const grid = placeCells(parts.rows.map((tr) => cellsOf(tr).map(spanCell)));
  const groups = codeColumnGroups(grid);
  grid.forEach((row, r) => {
    const cells = joinedRow(row, groups);
    if (cells.some((c) => c !== "")) out.push({ text: cells.join("	"), offset: parts.rows[r].offset });
  });
}
function readLayoutTable(parts, out, blocks) {
  const cells = [...parts.caption ? [parts.caption] : [], ...parts.rows.flatMap(cellsOf)];
  for (const cell of cells) {
    out.lineBreak();
    blocks(cell, out);
    out.lineBreak();
  }
}
var MAX_CELL_PARAGRAPHS = 2;
var PARAGRAPHS = /* @__PURE__ */ new Set(["p", "div", "li"]);
var LAYOUT_ONLY = /* @__PURE__ */ new Set(["table", "h1", "h2", "h3", "h4", "h5", "h6"]);
function isLayout(rows) {
  return rows.every((tr) => cellsOf(tr).length <= 1) || rows.some((tr) => cellsOf(tr).some(holdsBlocks));
}
function holdsBlocks(td) {
  let paragraphs = 0;
  let layout = false;
  const visit = (el) => {
    let holds = false;
    for (const c of el.children) {
      if (c.kind !== "element") continue;
      if (LAYOUT_ONLY.has(c.name)) layout = true;
      const inner = visit(c);
      if (PARAGRAPHS.has(c.name) && !inner && hasText(c)) paragraphs++;
      holds ||= inner || PARAGRAPHS.has(c.name);
    }
    return holds;
  };
  visit(td);
  return layout || paragraphs > MAX_CELL_PARAGRAPHS;
}
function hasText(el) {
  return el.children.some((c) => c.kind === "text" ? firstShownOffset(c.raw) >= 0 : hasText(c));
}
function tableParts(table) {
  const parts = { caption: null, rows: [], stray: [] };
  const visit = (node) => {
    for (const child of node.children) {
      if (child.kind === "text" || !isRowContent(child)) parts.stray.push(child);
      else if (child.name === "caption") parts.caption ??= child;
      else if (child.name === "tr") parts.rows.push(child);
      else if (SECTIONS.has(child.name)) visit(child);
    }
  };
  visit(table);
  return parts;
}
function isRowContent(el) {
  return el.name === "caption" || el.name === "tr" || SECTIONS.has(el.name) || IGNORED.has(el.name) || isSkipped(el);
}
function cellsOf(tr) {
  return tr.children.filter((c) => c.kind === "element" && (c.name === "td" || c.name === "th") && !isSkipped(c));
}
function spanCell(td) {
  return { text: cellText(td), colspan: span(td.attrs.colspan, 1, MAX_COLSPAN), rowspan: span(td.attrs.rowspan, 0, MAX_ROWSPAN) };
}
function cellText(el) {
  const sink = new CellText();
  walkInline(el, sink);
  return sink.value();
}
function span(value, min, max) {
  const n = Number.parseInt(value?.trim() ?? "", 10);
  if (!Number.isFinite(n) || n < min) return 1;
  return Math.min(n, max);
}

// src/lib/extract/html/page.ts
function readPage(root) {
  const out = new ProseLines();
  const flags = { hasTable: false, hasPreformatted: false };
  const blocks = (el, sink) => {
    for (const child of el.children) {
      if (child.kind === "text") sink.text(child.raw, child.offset);
      else if (!isSkipped(child)) blockElement(child, sink);
    }
  };
  const blockElement = (el, sink) => {
    if (el.name === "br") return sink.lineBreak();
    if (el.name === "table" || el.name === "tr") {
      flags.hasTable = true;
      return readTable(el.name === "tr" ? { ...el, name: "table", children: [el] } : el, sink, blocks);
    }
    if (el.name === "pre") {
      flags.hasPreformatted = true;
      return preformatted(el, sink);
    }
    const block = BLOCKS.has(el.name);
    if (block) sink.lineBreak();
    blocks(el, sink);
    if (block) sink.lineBreak();
  };
  blocks(root, out);
  out.lineBreak();
  return { lines: out.lines, ...flags };
}
function preformatted(el, out) {
  const pre = new PreformattedLines();
  const visit = (node) => {
    for (const child of node.children) {
      if (child.kind === "text") pre.text(child.raw, child.offset);
      else if (child.name === "br") pre.lineBreak();
      else if (!isSkipped(child)) visit(child);
    }
  };
  visit(el);
  out.lineBreak();
  for (const line of pre.finish()) out.push(line);
}

// src/lib/extract/html/page-title.ts
var YEAR_TITLE = /^([\u4e00-\u9fff（）()]{4,}?)\s*((?:19|20)\d\d\s*年.*)$/;
var HEAD_LINES = 8;
var SITE_SEPARATOR = /\s*[_|｜]\s*|\s+[-—–]+\s+|\s*--\s*/;
function withTitle(lines, root) {
  const split = [...lines.slice(0, HEAD_LINES).flatMap(splitTitle), ...lines.slice(HEAD_LINES)];
  if (isTitle(split)) return split;
  const candidate = [headingText(root), pageTitle(root)].find((l) => l !== null && isTitle([l]));
  return candidate ? [...splitTitle(candidate), ...split] : split;
}
function isTitle(lines) {
  const head = lines.filter((l) => l.text.trim() !== "").slice(0, HEAD_LINES).filter((l) => !l.text.includes("	"));
  return readMetadata(head.map((l, i) => ({ no: i + 1, text: l.text }))).title !== null;
}
function splitTitle(line) {
  const m = YEAR_TITLE.exec(line.text);
  if (!m || /表$/.test(line.text) || !isTitle([line])) return [line];
  return [{ ...line, text: m[1] }, { ...line, text: m[2] }];
}
function headingText(root) {
  const h1 = findAll(root, "h1")[0];
  if (!h1) return null;
  const sink = new ProseLines();
  walkInline(h1, sink);
  sink.lineBreak();
  const [first] = sink.lines;
  return first ? { text: sink.lines.map((l) => l.text).join(""), offset: first.offset } : null;
}
function pageTitle(root) {
  const title = findAll(root, "title", true)[0];
  const text = title?.children.find((c) => c.kind === "text");
  if (!title || !text || text.kind !== "text") return null;
  const parts = cleanText(text.raw).split(SITE_SEPARATOR).filter(Boolean);
  const best = parts.find((p) => isTitle([{ text: p, offset: 0 }])) ?? null;
  return best === null ? null : { text: best, offset: text.offset };
}

// src/lib/extract/html/tokenize.ts
var RAW_TEXT = /* @__PURE__ */ new Set(["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"]);
var NAME = /[A-Za-z][^\s/>]*/y;
var START_TAG = /([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
var ATTRIBUTES = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
function tokenize(html) {
  const tokens = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      tokens.push({ kind: "text", raw: html.slice(i), offset: i });
      break;
    }
    if (lt > i) tokens.push({ kind: "text", raw: html.slice(i, lt), offset: i });
    i = readMarkup(html, lt, tokens);
  }
  return tokens;
}
var isLetter = (code) => (code | 32) >= 97 && (code | 32) <= 122;
function readMarkup(html, at, tokens) {
  const next = html.charCodeAt(at + 1);
  if (isLetter(next)) return readStartTag(html, at, tokens);
  if (next === 47 && isLetter(html.charCodeAt(at + 2))) {
    NAME.lastIndex = at + 2;
    const name = NAME.exec(html)[0].toLowerCase();
    tokens.push({ kind: "end", name, offset: at });
    return skipPast(html, NAME.lastIndex, ">");
  }
  if (html.startsWith("<!--", at)) return skipPast(html, at + 4, "-->");
  if (next === 33 || next === 63) return skipPast(html, at + 2, ">");
  tokens.push({ kind: "text", raw: "<", offset: at });
  return at + 1;
}
function readStartTag(html, at, tokens) {
  START_TAG.lastIndex = at + 1;
  const m = START_TAG.exec(html);
  let end;
  let name;
  let attributes;
  if (m) {
    [, name, attributes] = m;
    end = START_TAG.lastIndex;
  } else {
    NAME.lastIndex = at + 1;
    name = NAME.exec(html)[0];
    const close = html.indexOf(">", NAME.lastIndex);
    end = close < 0 ? html.length : close + 1;
    attributes = html.slice(NAME.lastIndex, close < 0 ? html.length : close);
  }
  name = name.toLowerCase();
  tokens.push({ kind: "start", name, attrs: parseAttributes(attributes), offset: at });
  return RAW_TEXT.has(name) ? readRawText(html, end, name, tokens) : end;
}
function parseAttributes(text) {
  const attrs = {};
  if (!/\S/.test(text)) return attrs;
  for (const m of text.matchAll(ATTRIBUTES)) {
    const key = m[1].toLowerCase();
    if (!(key in attrs)) attrs[key] = m[2] ?? m[3] ?? m[4] ?? "";
  }
  return attrs;
}
function readRawText(html, from, name, tokens) {
  const close = new RegExp(`</${name}(?=[\\s/>])`, "ig");
  close.lastIndex = from;
  const m = close.exec(html);
  const end = m ? m.index : html.length;
  if (end > from) tokens.push({ kind: "text", raw: html.slice(from, end), offset: from });
  return end;
}
function skipPast(html, from, marker) {
  const k = html.indexOf(marker, from);
  return k < 0 ? html.length : k + marker.length;
}

// src/lib/extract/html/tree.ts
var VOID = /* @__PURE__ */ new Set(["area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
var CLOSES_P = /* @__PURE__ */ new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "center",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dd",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "ul"
]);
var HEAD_CONTENT = /* @__PURE__ */ new Set(["title", "meta", "link", "style", "script", "base", "noscript", "template", "object"]);
var CELL_SCOPE = /* @__PURE__ */ new Set(["td", "th", "table", "caption"]);
var TABLE_PARTS = /* @__PURE__ */ new Set(["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"]);
var IMPLIED = {
  li: [/* @__PURE__ */ new Set(["li"]), /* @__PURE__ */ new Set(["ul", "ol", ...CELL_SCOPE])],
  dt: [/* @__PURE__ */ new Set(["dt", "dd"]), /* @__PURE__ */ new Set(["dl", ...CELL_SCOPE])],
  dd: [/* @__PURE__ */ new Set(["dt", "dd"]), /* @__PURE__ */ new Set(["dl", ...CELL_SCOPE])],
  option: [/* @__PURE__ */ new Set(["option"]), /* @__PURE__ */ new Set(["select", ...CELL_SCOPE])],
  tr: [/* @__PURE__ */ new Set(["tr"]), /* @__PURE__ */ new Set(["table", "thead", "tbody", "tfoot"])],
  td: [/* @__PURE__ */ new Set(["td", "th"]), /* @__PURE__ */ new Set(["tr", "table"])],
  th: [/* @__PURE__ */ new Set(["td", "th"]), /* @__PURE__ */ new Set(["tr", "table"])],
  thead: [/* @__PURE__ */ new Set(["thead", "tbody", "tfoot", "tr"]), /* @__PURE__ */ new Set(["table"])],
  tbody: [/* @__PURE__ */ new Set(["thead", "tbody", "tfoot", "tr"]), /* @__PURE__ */ new Set(["table"])],
  tfoot: [/* @__PURE__ */ new Set(["thead", "tbody", "tfoot", "tr"]), /* @__PURE__ */ new Set(["table"])],
  caption: [/* @__PURE__ */ new Set(["caption"]), /* @__PURE__ */ new Set(["table"])]
};
var P_SCOPE = [/* @__PURE__ */ new Set(["p"]), /* @__PURE__ */ new Set([...CELL_SCOPE, "button"])];
var MAX_DEPTH = 400;
function buildTree(tokens) {
  const root = { kind: "element", name: "#document", attrs: {}, children: [], offset: 0 };
  const stack = [root];
  const top = () => stack[stack.length - 1];
  for (const t of tokens) {
    if (t.kind === "text") {
      if (top().name === "head" && t.raw.trim() !== "") stack.pop();
      appendText(top(), t.raw, t.offset);
    } else if (t.kind === "end") {
      if (t.name === "br") top().children.push(element("br", {}, t.offset));
      else closeOpen(stack, t.name, endBoundary(t.name));
    } else {
      if (top().name === "head" && !HEAD_CONTENT.has(t.name)) stack.pop();
      impliedEnds(stack, t.name);
      const el = element(t.name, t.attrs, t.offset);
      top().children.push(el);
      if (!VOID.has(t.name) && stack.length < MAX_DEPTH) stack.push(el);
    }
  }
  return root;
}
function element(name, attrs, offset) {
  return { kind: "element", name, attrs, children: [], offset };
}
function appendText(parent, raw, offset) {
  const last = parent.children[parent.children.length - 1];
  if (last?.kind === "text") last.raw += raw;
  else parent.children.push({ kind: "text", raw, offset });
}
function impliedEnds(stack, name) {
  if (CLOSES_P.has(name)) closeOpen(stack, ...P_SCOPE);
  const implied = IMPLIED[name];
  if (implied) closeOpen(stack, ...implied);
}
var NO_BOUNDARY = /* @__PURE__ */ new Set();
var TABLE_BOUNDARY = /* @__PURE__ */ new Set(["table"]);
function endBoundary(name) {
  if (name === "table") return NO_BOUNDARY;
  return TABLE_PARTS.has(name) ? TABLE_BOUNDARY : CELL_SCOPE;
}
function closeOpen(stack, names, boundary) {
  for (let i = stack.length - 1; i > 0; i--) {
    const name = stack[i].name;
    if (typeof names === "string" ? name === names : names.has(name)) {
      stack.length = i;
      return;
    }
    if (boundary.has(name)) return;
  }
}

// src/lib/extract/html/sniff.ts
var SNIFF_BYTES = 16 * 1024;
var DECLARED = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])/i;
var TAG = /<\/?([a-z][a-z0-9]*)(?:\s[^<>]*)?\/?>/gi;
var ELEMENTS = /* @__PURE__ */ new Set([
  "html",
  "head",
  "body",
  "meta",
  "title",
  "link",
  "style",
  "script",
  "div",
  "span",
  "p",
  "br",
  "hr",
  "a",
  "img",
  "b",
  "i",
  "u",
  "strong",
  "em",
  "font",
  "center",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "table",
  "caption",
  "colgroup",
  "col",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "form",
  "input",
  "section",
  "article",
  "nav",
  "header",
  "footer",
  "pre"
]);
var MIN_TAGS = 8;
var LATIN1 = new TextDecoder("latin1");
var LT = 60;
var MIN_KINDS = 3;
function looksLikeHtml(bytes) {
  const sniffed = bytes.subarray(0, SNIFF_BYTES);
  if (sniffed.indexOf(LT) < 0) return false;
  if (!hasBytes(sniffed, LT, MIN_TAGS) && !mayStartWithMarkup(sniffed)) return false;
  const head = asciiView(sniffed);
  if (DECLARED.test(head)) return true;
  let tags = 0;
  const kinds = /* @__PURE__ */ new Set();
  for (const m of head.matchAll(TAG)) {
    const name = m[1].toLowerCase();
    if (!ELEMENTS.has(name)) continue;
    tags++;
    kinds.add(name);
  }
  return tags >= MIN_TAGS && kinds.size >= MIN_KINDS;
}
function hasBytes(bytes, byte, count2) {
  for (let at = bytes.indexOf(byte), n = 1; at >= 0; at = bytes.indexOf(byte, at + 1), n++) if (n >= count2) return true;
  return false;
}
function mayStartWithMarkup(bytes) {
  if (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255) return true;
  let i = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 32 || bytes[i] >= 9 && bytes[i] <= 13)) i++;
  return i >= bytes.length || bytes[i] === LT || bytes[i] === 0;
}
function asciiView(bytes) {
  if (bytes[0] === 255 && bytes[1] === 254) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 254 && bytes[1] === 255) return new TextDecoder("utf-16be").decode(bytes);
  const start = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
  return LATIN1.decode(maskNonAscii(bytes.slice(start)));
}
function maskNonAscii(codes) {
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 128) codes[i] = 183;
  return codes;
}

// src/lib/extract/html/read-html.ts
function readHtmlSource(file, bytes) {
  const page = decodePage(file, bytes);
  const root = buildTree(tokenize(page.text));
  const content = readPage(root);
  const lines = withTitle(content.lines, root);
  if (!lines.some((l) => l.text.trim() !== "")) {
    throw new ExtractError(file, "decode", null, "\u7F51\u9875\u4E2D\u6CA1\u6709\u53EF\u8BFB\u7684\u6587\u5B57 (no text in the page)");
  }
  return {
    format: "html",
    lines: numberLines(lines, page.text),
    // <pre> text keeps its own layout, which is then detected like a text file's.
    layout: content.hasPreformatted && !content.hasTable ? null : "tabs",
    pages: null,
    diagnostics: page.diagnostics
  };
}
function numberLines(lines, text) {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return lines.map((l, i) => ({ no: i + 1, text: l.text, pageLine: lineIndexAt(starts, l.offset) + 1 }));
}

// src/lib/extract/pdf/lines.ts
var CELL_GAP_EM = 0.25;
var LINE_OVERLAP = 0.5;
var OVERPRINT_EM = 0.25;
function pageLines(runs2, page, mainQuarter) {
  const quarters = [0, 1, 2, 3].sort((a, b) => Number(b === mainQuarter) - Number(a === mainQuarter));
  const lines = [];
  for (const q of quarters) {
    for (const group of groupLines(runs2.filter((r) => r.quarter === q))) {
      const line = toLine(group, page);
      if (line.cells.length > 0) lines.push(line);
    }
  }
  return lines.map((l, i) => ({ ...l, pageLine: i + 1 }));
}
function groupLines(runs2) {
  const sorted = [...runs2].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const lines = [];
  for (const run of sorted) {
    const current = lines[lines.length - 1];
    if (current && sameLine(current[0], run)) current.push(run);
    else lines.push([run]);
  }
  return lines;
}
function sameLine(a, b) {
  const overlap = Math.min(a.baseline, b.baseline) - Math.max(a.baseline - a.size, b.baseline - b.size);
  return overlap >= LINE_OVERLAP * Math.min(a.size, b.size);
}
function toLine(runs2, page) {
  const text = runs2.filter((r) => r.text !== "");
  return {
    page,
    y: median3(text.map((r) => r.baseline)),
    height: median3(text.map((r) => r.size)),
    cells: mergeCells(runs2)
  };
}
function mergeCells(runs2) {
  const sorted = [...runs2].sort((a, b) => a.x0 - b.x0 || Number(b.text === "") - Number(a.text === ""));
  const cells = [];
  let separated = true;
  for (const run of sorted) {
    if (run.text === "") {
      separated = true;
      continue;
    }
    const last = cells[cells.length - 1];
    if (last && isOverprint(last, run)) continue;
    if (last && !separated && run.x0 - last.x1 < CELL_GAP_EM * Math.max(last.size, run.size)) {
      last.text += run.text;
      last.x1 = Math.max(last.x1, run.x1);
      last.size = Math.max(last.size, run.size);
    } else {
      cells.push({ text: run.text, x0: run.x0, x1: run.x1, size: run.size });
    }
    separated = false;
  }
  return cells.map(({ text, x0, x1 }) => ({ text: text.trim(), x0, x1 })).filter((c) => c.text !== "");
}
function isOverprint(cell, run) {
  return cell.text.endsWith(run.text) && Math.abs(cell.x1 - run.x1) < OVERPRINT_EM * run.size;
}
function median3(values) {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

// src/lib/extract/pdf/margins.ts
var MARGIN_SHARE = 0.1;
var MAX_HEAD_CELLS = 3;
var SAME_PLACE = 3;
var MIN_HEAD_PAGES = 3;
var DASH = "[-\u2010\u2013\u2014\u2015\uFF0D\u2500\u2501_\xB7\u2022]*";
var PAGE_NUMBER2 = [
  new RegExp(`^${DASH}\\d{1,4}${DASH}$`),
  // 3, - 3 -, —3—, ─ 3 ─
  /^第\d{1,4}页(共\d{1,4}页)?$/,
  // 第3页, 第3页共9页
  /^共\d{1,4}页第\d{1,4}页$/,
  /^\d{1,4}\/\d{1,4}$/,
  // 3/9
  /^page\d{1,4}(of\d{1,4})?$/i
];
function isPageNumber(text) {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  return PAGE_NUMBER2.some((re) => re.test(t));
}
function inMargin(line, height) {
  return line.y <= height * MARGIN_SHARE || line.y >= height * (1 - MARGIN_SHARE);
}
function dropPageFurniture(pages) {
  const heads = runningHeads(pages);
  return pages.map((p) => ({
    ...p,
    lines: p.lines.filter((l) => !(inMargin(l, p.height) && (isPageNumber(lineText(l)) || heads.some((h) => isHead(l, h)))))
  }));
}
function runningHeads(pages) {
  const seen = /* @__PURE__ */ new Map();
  for (const p of pages) {
    for (const l of p.lines) {
      if (l.cells.length > MAX_HEAD_CELLS || !inMargin(l, p.height)) continue;
      const key = headKey(l);
      const places = seen.get(key) ?? [];
      places.push({ page: p.page, y: l.y });
      seen.set(key, places);
    }
  }
  const needed = Math.max(MIN_HEAD_PAGES, Math.floor(pages.length / 2) + 1);
  const heads = [];
  for (const [key, places] of seen) {
    for (const { y } of places) {
      const pagesThere = new Set(places.filter((o) => Math.abs(o.y - y) <= SAME_PLACE).map((o) => o.page));
      if (pagesThere.size >= needed) {
        heads.push({ key, y });
        break;
      }
    }
  }
  return heads;
}
function isHead(line, head) {
  return line.cells.length <= MAX_HEAD_CELLS && Math.abs(line.y - head.y) <= SAME_PLACE && headKey(line) === head.key;
}
function headKey(line) {
  return toHalfWidth(lineText(line)).replace(/\s+/g, "").replace(/\d+/g, "#");
}
function lineText(line) {
  return line.cells.map((c) => c.text).join("");
}

// src/lib/extract/pdf/engine.ts
function isTextItem(item) {
  return typeof item.str === "string";
}

// src/lib/extract/pdf/glyph-text.ts
var RADICAL_PAIRS = "\u2E82\u4E5B\u2E83\u4E5A\u2E85\u4EBB\u2E87\u{20628}\u2E89\u5202\u2E8B\u353E\u2E8D\u{2D544}\u2E8E\u5140\u2E8F\u5C23\u2E90\u5C22\u2E92\u5DF3\u2E93\u5E7A\u2E94\u5F51\u2E95\u5F50\u2E96\u5FC4\u2E98\u624C\u2E99\u6535\u2E9B\u65E1\u2E9E\u6B7A\u2E9F\u6BCD\u2EA0\u6C11\u2EA1\u6C35\u2EA3\u706C\u2EA4\u722B\u2EA6\u4E2C\u2EA8\u72AD\u2EA9\u{248E9}\u2EAB\u7F52\u2EAD\u793B\u2EAE\u{25AD7}\u2EAF\u7CF9\u2EB0\u7E9F\u2EB1\u7F53\u2EB2\u7F52\u2EB3\u34C1\u2EB9\u8002\u2EBA\u8080\u2EBD\u{26951}\u2EBE\u8279\u2EBF\u8279\u2EC2\u8864\u2EC3\u8980\u2EC4\u897F\u2EC5\u89C1\u2EC6\u89D2\u2EC7\u{278B2}\u2EC8\u8BA0\u2EC9\u8D1D\u2ECA\u{27FB7}\u2ECB\u8F66\u2ECC\u8FB6\u2ECD\u8FB6\u2ECE\u8FB6\u2ED0\u9485\u2ED1\u9577\u2ED2\u9578\u2ED3\u957F\u2ED4\u95E8\u2ED5\u{28E0F}\u2ED6\u961D\u2ED8\u9752\u2ED9\u97E6\u2EDA\u9875\u2EDB\u98CE\u2EDC\u98DE\u2EDD\u98DF\u2EDE\u{2967F}\u2EDF\u98E0\u2EE0\u9963\u2EE1\u{29810}\u2EE2\u9A6C\u2EE3\u9AA8\u2EE4\u9B3C\u2EE5\u9C7C\u2EE6\u9E1F\u2EE7\u5364\u2EE8\u9EA6\u2EE9\u9EC4\u2EEA\u9EFE\u2EEB\u6589\u2EEC\u9F50\u2EED\u6B6F\u2EEE\u9F7F\u2EEF\u7ADC\u2EF0\u9F99\u2EF1\u9F9C\u2EF2\u4E80\u2EF3\u9F9F";
var RADICAL_EQUIVALENTS = pairsToMap(RADICAL_PAIRS);
function pairsToMap(pairs) {
  const chars = Array.from(pairs);
  const map = /* @__PURE__ */ new Map();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i], chars[i + 1]);
  return map;
}
var COMPATIBILITY = /[\u2F00-\u2FDF\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/gu;
var RADICAL = /[\u2E80-\u2EFF]/g;
function normalizeGlyphText(text) {
  return text.replace(COMPATIBILITY, (c) => c.normalize("NFKC")).replace(RADICAL, (c) => RADICAL_EQUIVALENTS.get(c) ?? c);
}
function isUnusable(codePoint) {
  return codePoint === 65533 || codePoint < 32 || codePoint >= 127 && codePoint <= 159 || codePoint >= 57344 && codePoint <= 63743 || codePoint >= 983040;
}
function countUsable(text) {
  let visible = 0;
  let usable = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 55296 && cp <= 56319 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 56320 && low <= 57343) cp = 65536 + (cp - 55296 << 10) + (low - 56320), i++;
    }
    if (isWhiteSpace2(cp)) continue;
    visible++;
    if (!isUnusable(cp)) usable++;
  }
  return { visible, usable };
}
function isWhiteSpace2(cp) {
  if (cp <= 32) return cp === 32 || cp >= 9 && cp <= 13;
  if (cp < 160) return false;
  return cp === 160 || cp === 5760 || cp >= 8192 && cp <= 8202 || cp === 8232 || cp === 8233 || cp === 8239 || cp === 8287 || cp === 12288 || cp === 65279;
}

// src/lib/extract/pdf/page-text.ts
var ALONG = [[1, 0], [0, 1], [-1, 0], [0, -1]];
var DOWN2 = [[0, 1], [-1, 0], [0, -1], [1, 0]];
var SKEW_TOLERANCE = 0.05;
function multiply(m1, m2) {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5]
  ];
}
function quarterOf(m) {
  const angle = Math.atan2(m[1], m[0]);
  const turns = angle / (Math.PI / 2);
  const nearest2 = Math.round(turns);
  if (Math.abs(turns - nearest2) * (Math.PI / 2) > SKEW_TOLERANCE) return null;
  return (nearest2 % 4 + 4) % 4;
}
function pageRuns(items, viewport) {
  const placed = [];
  const weight = [0, 0, 0, 0];
  let skewed = 0;
  let visible = 0;
  let usable = 0;
  for (const item of items) {
    if (!isTextItem(item) || item.str === "") continue;
    const count2 = countUsable(item.str);
    visible += count2.visible;
    usable += count2.usable;
    const m = multiply(viewport.transform, item.transform);
    const quarter2 = quarterOf(m);
    if (quarter2 === null) {
      skewed++;
      continue;
    }
    weight[quarter2] += count2.visible;
    placed.push({ item, m, quarter: quarter2 });
  }
  const quarter = weight.indexOf(Math.max(...weight));
  const frames = [0, 1, 2, 3].map((q) => frameOrigin(q, viewport));
  const runs2 = [];
  for (const { item, m, quarter: q } of placed) itemRuns(item, m, q, frames[q], runs2);
  const turned = quarter % 2 === 1;
  return { runs: runs2, quarter, width: turned ? viewport.height : viewport.width, height: turned ? viewport.width : viewport.height, visible, usable, skewed };
}
function frameOrigin(q, viewport) {
  const corners = [[0, 0], [viewport.width, 0], [0, viewport.height], [viewport.width, viewport.height]];
  return {
    along: Math.min(...corners.map(([cx, cy]) => project(ALONG[q], cx, cy))),
    down: Math.min(...corners.map(([cx, cy]) => project(DOWN2[q], cx, cy)))
  };
}
function inFrame(x, y, q, origin) {
  return { x: project(ALONG[q], x, y) - origin.along, y: project(DOWN2[q], x, y) - origin.down };
}
var project = (v, px, py) => v[0] * px + v[1] * py;
function itemRuns(item, m, q, frame, out) {
  const origin = inFrame(m[4], m[5], q, frame);
  const size = Math.hypot(m[2], m[3]);
  const text = normalizeGlyphText(item.str);
  for (const p of splitAtSpaces3(text, origin.x, item.width, size)) out.push({ text: p.text, x0: p.x0, x1: p.x1, baseline: origin.y, size, quarter: q });
}
function splitAtSpaces3(text, x0, width, size) {
  if (!HAS_SEPARATOR.test(text)) return [{ text, x0, x1: x0 + width }];
  const parts = text.split(SEPARATOR).filter((p) => p !== "");
  if (parts.length <= 1) return isSeparator(text) ? [{ text: "", x0, x1: x0 + width }] : [{ text, x0, x1: x0 + width }];
  const glyphs = parts.filter((p) => !isSeparator(p));
  const estimated = glyphs.reduce((sum, p) => sum + emWidth(p) * size, 0);
  const spaces = parts.length - glyphs.length;
  const scale = estimated > width ? width / estimated : 1;
  const spaceWidth = estimated > width ? 0 : (width - estimated) / Math.max(spaces, 1);
  const pieces = [];
  let x = x0;
  for (const p of parts) {
    const isSpace3 = isSeparator(p);
    const w = isSpace3 ? spaceWidth : emWidth(p) * size * scale;
    pieces.push({ text: isSpace3 ? "" : p, x0: x, x1: x + w });
    x += w;
  }
  return pieces;
}
var SEPARATOR = /([ \t\u00a0]+)/;
var HAS_SEPARATOR = /[ \t\u00a0]/;
var isSeparator = (part) => /^[ \t\u00a0]*$/.test(part);
function emWidth(text) {
  let em = 0;
  for (const c of text) {
    const cp = c.codePointAt(0);
    em += cp >= 11904 && !(cp >= 65377 && cp <= 65500) ? 1 : 0.5;
  }
  return em;
}

// src/lib/extract/pdf/read-pdf.ts
var MIN_USABLE_SHARE = 0.5;
async function readPdfLines(file, bytes, engine) {
  if (!engine) throw new ExtractError(file, "decode", null, "\u672A\u914D\u7F6E PDF \u8BFB\u53D6\u5668\uFF0C\u65E0\u6CD5\u8BFB\u53D6 PDF (no PDF engine configured)");
  const doc = await openDocument(file, engine, bytes.slice());
  try {
    const pages = [];
    const diagnostics = [];
    const errors = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const read = await readPage2(doc, n);
      if ("problem" in read) {
        diagnostics.push(pageDiagnostic(n, read.problem));
        if (read.problem !== "no-text") errors.push(`\u7B2C ${n} \u9875\uFF1A${read.problem.error}`);
      } else pages.push(read);
    }
    if (pages.length === 0) throw new ExtractError(file, "decode", null, nothingReadMessage(doc.numPages, errors));
    const lines = dropPageFurniture(pages).flatMap((p) => p.lines);
    return { pages: doc.numPages, lines, diagnostics };
  } finally {
    await doc.destroy();
  }
}
async function openDocument(file, engine, data) {
  try {
    return await engine.open(data);
  } catch (error) {
    throw new ExtractError(file, "decode", null, openFailure(error));
  }
}
function openFailure(error) {
  const name = error instanceof Error ? error.name : "";
  const detail = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") return "PDF \u5DF2\u52A0\u5BC6\uFF0C\u9700\u8981\u5BC6\u7801\u624D\u80FD\u6253\u5F00 (encrypted PDF)";
  if (name === "InvalidPDFException") return `PDF \u6587\u4EF6\u635F\u574F\u6216\u4E0D\u5B8C\u6574\uFF0C\u65E0\u6CD5\u6253\u5F00\uFF1A${detail} (corrupt or truncated PDF)`;
  return `PDF \u65E0\u6CD5\u6253\u5F00\uFF1A${detail} (unreadable PDF)`;
}
async function readPage2(doc, n) {
  let page;
  try {
    page = await doc.getPage(n);
    const runs2 = pageRuns((await page.getTextContent()).items, page.getViewport({ scale: 1 }));
    if (runs2.visible === 0 || runs2.usable < runs2.visible * MIN_USABLE_SHARE) return { problem: "no-text" };
    return { page: n, height: runs2.height, lines: pageLines(runs2.runs, n, runs2.quarter) };
  } catch (error) {
    return { problem: { error: error instanceof Error ? error.message : String(error) } };
  } finally {
    page?.cleanup();
  }
}
function pageDiagnostic(n, problem) {
  const message = problem === "no-text" ? `\u7B2C ${n} \u9875\u6CA1\u6709\u53EF\u7528\u7684\u6587\u5B57\u5C42\uFF08\u626B\u63CF\u4EF6\u6216\u5B57\u5F62\u65E0 Unicode\uFF09\uFF0C\u672A\u8BFB\u53D6 (no text layer)` : `\u7B2C ${n} \u9875\u65E0\u6CD5\u8BFB\u53D6\uFF1A${problem.error} (unreadable page)`;
  return { severity: "warning", stage: "decode", line: null, message };
}
function nothingReadMessage(pages, errors) {
  if (errors.length > 0) return `PDF \u5171 ${pages} \u9875\uFF0C${errors.length} \u9875\u65E0\u6CD5\u8BFB\u53D6\uFF08${errors[0]}\uFF09\uFF0C\u5176\u4F59\u9875\u6CA1\u6709\u53EF\u7528\u7684\u6587\u5B57\u5C42 (unreadable PDF)`;
  return `PDF \u5171 ${pages} \u9875\uFF0C\u6CA1\u6709\u4E00\u9875\u6709\u53EF\u7528\u7684\u6587\u5B57\u5C42\uFF08\u626B\u63CF\u4EF6\u6216\u5B57\u5F62\u65E0 Unicode\uFF09\uFF0C\u8BF7\u63D0\u4F9B\u53EF\u590D\u5236\u6587\u5B57\u7684 PDF \u6216\u6587\u672C (no text layer)`;
}
async function readPdfSource(file, bytes, engine) {
  const { pages, lines, diagnostics } = await readPdfLines(file, bytes, engine);
  return { format: "pdf", lines: gridLines(lines), layout: "tabs", pages, diagnostics };
}

// src/lib/extract/read-file.ts
var PDF_MAGIC2 = [37, 80, 68, 70, 45];
function sniffFormat(bytes) {
  if (PDF_MAGIC2.every((b, i) => bytes[i] === b)) return "pdf";
  return looksLikeHtml(bytes) ? "html" : "text";
}
async function readSource(file, bytes, options = {}) {
  switch (sniffFormat(bytes)) {
    case "pdf":
      return readPdfSource(file, bytes, options.pdf);
    case "html":
      return readHtmlSource(file, bytes);
    default:
      return readTextSource(file, bytes);
  }
}
async function extractFile(file, bytes, docId, options = {}) {
  return extractSource(file, await readSource(file, bytes, options), docId, options);
}

// src/lib/storage/schema.ts
var col = (name, type) => ({ name, type });
var TABLES = {
  documents: {
    name: "documents",
    file: "documents.parquet",
    columns: [
      col("doc_id", "VARCHAR"),
      col("source_file", "VARCHAR"),
      col("district", "VARCHAR"),
      col("department", "VARCHAR"),
      col("year", "INTEGER"),
      col("kind", "VARCHAR"),
      col("title", "VARCHAR"),
      // extension: the department without its district, e.g. 政务服务管理办公室 — what /compare groups by
      col("department_kind", "VARCHAR"),
      // extension: which layout the extractor recognised (tabs, spaces, cell-per-line, narrative)
      col("layout", "VARCHAR"),
      // extension: the administrative level of the unit: 'district' (区/县/县级市), 'city', 'province'
      col("level", "VARCHAR"),
      // extension: what the source file was: 'text', 'pdf' or 'html'
      col("source_format", "VARCHAR"),
      // extension: page count of a PDF (NULL for text and web pages)
      col("pages", "INTEGER")
    ]
  },
  function_expenditure: {
    name: "function_expenditure",
    file: "function_expenditure.parquet",
    columns: [
      col("doc_id", "VARCHAR"),
      col("code", "VARCHAR"),
      col("name", "VARCHAR"),
      col("level", "INTEGER"),
      col("parent_code", "VARCHAR"),
      col("total", "DOUBLE"),
      col("basic", "DOUBLE"),
      col("project", "DOUBLE"),
      col("source_line", "INTEGER"),
      // extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
      col("source_page", "INTEGER"),
      // extension: the file source_line is in (a disclosure published as two files is one document)
      col("source_file", "VARCHAR")
    ]
  },
  economic_expenditure: {
    name: "economic_expenditure",
    file: "economic_expenditure.parquet",
    columns: [
      col("doc_id", "VARCHAR"),
      col("code", "VARCHAR"),
      col("name", "VARCHAR"),
      col("level", "INTEGER"),
      col("parent_code", "VARCHAR"),
      col("total", "DOUBLE"),
      col("personnel", "DOUBLE"),
      col("public", "DOUBLE"),
      col("source_line", "INTEGER"),
      // extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
      col("source_page", "INTEGER"),
      // extension: the file source_line is in (a disclosure published as two files is one document)
      col("source_file", "VARCHAR")
    ]
  },
  three_public: {
    name: "three_public",
    file: "three_public.parquet",
    columns: [
      col("doc_id", "VARCHAR"),
      col("item", "VARCHAR"),
      col("budget", "DOUBLE"),
      col("actual", "DOUBLE"),
      col("source_line", "INTEGER"),
      // extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
      col("source_page", "INTEGER"),
      // extension: the file source_line is in (a disclosure published as two files is one document)
      col("source_file", "VARCHAR")
    ]
  },
  summary: {
    name: "summary",
    file: "summary.parquet",
    columns: [
      col("doc_id", "VARCHAR"),
      col("measure", "VARCHAR"),
      col("value", "DOUBLE"),
      col("source", "VARCHAR"),
      col("source_line", "INTEGER"),
      // extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
      col("source_page", "INTEGER"),
      // extension: the file source_line is in (a disclosure published as two files is one document)
      col("source_file", "VARCHAR")
    ]
  },
  checks: {
    name: "checks",
    file: "checks.parquet",
    columns: [
      col("doc_id", "VARCHAR"),
      col("rule", "VARCHAR"),
      col("expected", "DOUBLE"),
      col("actual", "DOUBLE"),
      col("ok", "BOOLEAN"),
      // extension: a sentence in Chinese saying what was compared, and where
      col("detail", "VARCHAR"),
      // extension: the line of the figure the check is about (NULL for whole-table checks)
      col("source_line", "INTEGER"),
      // extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
      col("source_page", "INTEGER"),
      // extension: the file source_line is in (a disclosure published as two files is one document)
      col("source_file", "VARCHAR")
    ]
  },
  // extension: economic-classification tables other than 基本支出 by 部门经济分类 — the 政府预算支出
  // 经济分类 (50x) and 项目支出 by economic classification. Kept apart so that summing
  // economic_expenditure never double counts.
  economic_breakdown: {
    name: "economic_breakdown",
    file: "economic_breakdown.parquet",
    columns: [
      col("doc_id", "VARCHAR"),
      col("scheme", "VARCHAR"),
      // 'department' (30x) | 'government' (50x)
      col("scope", "VARCHAR"),
      // 'basic' | 'project'
      col("code", "VARCHAR"),
      col("name", "VARCHAR"),
      col("level", "INTEGER"),
      col("parent_code", "VARCHAR"),
      col("total", "DOUBLE"),
      col("source_line", "INTEGER"),
      // extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
      col("source_page", "INTEGER"),
      // extension: the file source_line is in (a disclosure published as two files is one document)
      col("source_file", "VARCHAR")
    ]
  },
  // extension: every table the extractor recognised in a document, with the unit it was printed in
  // (amounts everywhere else are already converted to 万元 by `scale`), for traceability.
  source_tables: {
    name: "source_tables",
    file: "source_tables.parquet",
    columns: [
      col("doc_id", "VARCHAR"),
      col("table_kind", "VARCHAR"),
      // 'function' | 'economic_basic' | 'three_public' | 'summary' | … | 'skipped'
      col("title", "VARCHAR"),
      col("unit", "VARCHAR"),
      // as printed: '元' | '千元' | '万元' | '亿元'; NULL when the table states none
      col("scale", "DOUBLE"),
      // factor that turned the printed figures into 万元 (0.0001 for 元)
      col("unit_note", "VARCHAR"),
      // how the unit was decided, e.g. '表头' | '文档默认' | '按数量级推断（待核）'
      col("source_line", "INTEGER"),
      // extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
      col("source_page", "INTEGER"),
      // extension: the file source_line is in (a disclosure published as two files is one document)
      col("source_file", "VARCHAR")
    ]
  },
  // extension: figures the prose implies but does not print — the prior year's (上年决算数/预算数)
  // or the year's 年初预算数, derived from a stated figure and its stated change. Kept apart from
  // what tables print, so a derived point is always marked as derived.
  narrative_figures: {
    name: "narrative_figures",
    file: "narrative_figures.parquet",
    columns: [
      col("doc_id", "VARCHAR"),
      // the disclosure whose prose states it
      col("measure", "VARCHAR"),
      // a summary.measure, general_budget_income|expenditure, three_public.<item>, function.<code>
      // the year and kind ('final' | 'budget') of the implied figure — named apart from
      // documents.year/kind (the disclosure's), which every view joins beside them
      col("figure_year", "INTEGER"),
      col("figure_kind", "VARCHAR"),
      col("relation", "VARCHAR"),
      // 'prior_year' | 'initial_budget'
      col("value", "DOUBLE"),
      // the derived figure, 万元
      col("current_value", "DOUBLE"),
      // the figure the sentence states for the document's year
      col("stated_change", "DOUBLE"),
      // signed, 万元 (0 for 持平)
      col("stated_percent", "DOUBLE"),
      // signed %, NULL when none is printed
      col("stated_points", "DOUBLE"),
      // signed 个百分点 when the sentence gives points instead of %
      col("reason", "VARCHAR"),
      // the 主要原因是… / 主要是… / 主要用于… clause after the change, as printed
      col("reason_line", "INTEGER"),
      col("reason_page", "INTEGER"),
      col("source_line", "INTEGER"),
      // the line of the stated change
      col("source_page", "INTEGER"),
      col("source_file", "VARCHAR")
    ]
  },
  // extension: everything the extractor noticed but could not use — unplaced figures, skipped
  // tables, unreadable files — so nothing is dropped silently.
  diagnostics: {
    name: "diagnostics",
    file: "diagnostics.parquet",
    columns: [
      col("doc_id", "VARCHAR"),
      col("source_file", "VARCHAR"),
      col("severity", "VARCHAR"),
      // 'error' | 'warning' | 'info'
      col("stage", "VARCHAR"),
      col("source_line", "INTEGER"),
      // extension: the PDF page of source_line (source_line is then the line on that page); NULL for text
      col("source_page", "INTEGER"),
      col("message", "VARCHAR")
    ]
  }
};
var TABLE_NAMES = Object.keys(TABLES);
var PRE_AGGREGATED = {
  // one row per document: its headline figures and its place in its unit's latest-first order
  // (queries/figures.ts, documentFiguresTableSql); `district` carries the place label of a unit
  // without one (queries/places.ts), as every view shows it
  document_figures: {
    name: "document_figures",
    file: "document_figures.parquet",
    columns: [
      col("doc_id", "VARCHAR"),
      col("district", "VARCHAR"),
      col("department", "VARCHAR"),
      col("department_kind", "VARCHAR"),
      col("unit", "VARCHAR"),
      // department_kind, else the department as printed
      col("year", "INTEGER"),
      col("kind", "VARCHAR"),
      col("total", "DOUBLE"),
      col("basic", "DOUBLE"),
      col("project", "DOUBLE"),
      col("personnel", "DOUBLE"),
      col("public", "DOUBLE"),
      col("three_public", "DOUBLE"),
      col("outbound", "DOUBLE"),
      col("vehicle", "DOUBLE"),
      col("reception", "DOUBLE"),
      col("newer_year", "INTEGER"),
      // the year of the unit's next newer disclosure of the kind (NULL: the latest)
      col("newer_year_named", "INTEGER")
      // the same among disclosures with a department_kind
    ]
  },
  // per classification scheme and code: the spelling most documents print, the others as aliases
  // (queries/classification.ts, codeNamesTableSql)
  code_names: {
    name: "code_names",
    file: "code_names.parquet",
    columns: [col("scheme", "VARCHAR"), col("code", "VARCHAR"), col("name", "VARCHAR"), col("aliases", "VARCHAR[]")]
  }
};
var PRE_AGGREGATED_NAMES = Object.keys(PRE_AGGREGATED);

// scripts/lib/pdf-node.ts
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
var require2 = createRequire(import.meta.url);
function pdfjsDir() {
  return dirname(require2.resolve("pdfjs-dist/package.json"));
}
function createNodePdfEngine() {
  const root = pdfjsDir();
  const cMapUrl = join(root, "cmaps") + "/";
  const standardFontDataUrl = join(root, "standard_fonts") + "/";
  return {
    async open(data) {
      const task = getDocument({
        data,
        cMapUrl,
        cMapPacked: true,
        standardFontDataUrl,
        isEvalSupported: false,
        // Warnings about fonts go to the console otherwise; errors still reject.
        verbosity: 0
      });
      return task.promise;
    }
  };
}

// ../prof/pdfwarm.ts
var dirs = ["/work/shared/real-pdfs/jiangsu", "/work/main/test/fixtures/real-pdfs", "/work/main/test/fixtures/pdf"].filter(existsSync);
var files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.toLowerCase().endsWith(".pdf")).map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join2(d, f))) })));
var mode = process.argv[process.argv.length - 2];
var rounds = Number(process.argv[process.argv.length - 1]);
var pdf = createNodePdfEngine();
async function floor(bytes) {
  const doc = await pdf.open(bytes.slice());
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getTextContent();
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
}
async function main() {
  for (let r = 0; r < rounds; r++) {
    let a = 0, b = 0;
    for (const f of files) {
      const t0 = performance.now();
      if (mode !== "extract") await floor(f.bytes).catch(() => {
      });
      const t1 = performance.now();
      if (mode !== "floor") await extractFile(f.name, f.bytes.slice(), "x", { pdf }).catch(() => {
      });
      const t2 = performance.now();
      a += t1 - t0;
      b += t2 - t1;
    }
    console.log(`round ${r}: floor ${a.toFixed(0)} ms, extract ${b.toFixed(0)} ms, ratio ${(b / a).toFixed(3)}`);
  }
}
main();
