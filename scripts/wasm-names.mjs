// Short names for the imports and the wasm-bindgen exports of a wasm module, renamed in its
// JS glue too (see scripts/post-build.mjs for why). Only the import and export sections of
// the binary are rewritten; code refers to imports and exports by index, never by name.

const IMPORT_SECTION = 2;
const EXPORT_SECTION = 7;
// Exports the glue reaches by these exact, unhashed names, or that are not wasm-bindgen's:
// only names that are long and unique enough to be replaced as text are renamed.
const RENAMED_EXPORT = /^(wasm_bindgen_[0-9a-f]{16}_|__wbindgen_|__externref_)\w+$/;

class Reader {
  constructor(bytes, at = 0) { this.bytes = bytes; this.at = at; }
  byte() { return this.bytes[this.at++]; }
  leb() {
    let value = 0n, shift = 0n, byte;
    do { byte = this.byte(); value |= BigInt(byte & 0x7f) << shift; shift += 7n; } while (byte & 0x80);
    return Number(value);
  }
  name() { const length = this.leb(); const text = new TextDecoder().decode(this.bytes.subarray(this.at, this.at + length)); this.at += length; return text; }
}

const leb = (value) => {
  const out = [];
  do { let byte = value & 0x7f; value >>>= 7; if (value) byte |= 0x80; out.push(byte); } while (value);
  return out;
};
const encodeName = (text) => { const bytes = new TextEncoder().encode(text); return [...leb(bytes.length), ...bytes]; };

// a, b, …, Z, ab, bb, …: distinct for distinct numbers, valid JS property names.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const shortName = (n) => { let name = ''; do { name += ALPHABET[n % 52]; n = Math.floor(n / 52); } while (n); return name; };

/// The import descriptor after the names, copied as is (its length depends on its kind).
function skipImportDescriptor(reader) {
  const kind = reader.byte();
  const limits = () => { const flags = reader.byte(); reader.leb(); if (flags & 1) reader.leb(); };
  switch (kind) {
    case 0: reader.leb(); break; // function: type index
    case 1: reader.byte(); limits(); break; // table: element type, limits
    case 2: limits(); break; // memory
    case 3: reader.byte(); reader.byte(); break; // global: value type, mutability
    case 4: reader.byte(); reader.leb(); break; // tag
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

export function shortenWasmNames(wasm, glue) {
  const bytes = new Uint8Array(wasm);
  const renames = new Map();
  const importNames = new Set();
  const sections = [];
  const modules = new Map();
  const reader = new Reader(bytes, 8);
  while (reader.at < bytes.length) {
    const id = reader.byte();
    const size = reader.leb();
    const start = reader.at;
    const end = start + size;
    let payload = bytes.subarray(start, end);
    if (id === IMPORT_SECTION) {
      const out = [];
      const count = reader.leb();
      out.push(...leb(count));
      for (let i = 0; i < count; i++) {
        const module = reader.name();
        const name = reader.name();
        const descriptor = reader.at;
        skipImportDescriptor(reader);
        if (!modules.has(module)) modules.set(module, shortName(modules.size));
        const short = shortName(i);
        if (renames.has(name) && renames.get(name) !== short) throw new Error(`import ${name} twice`);
        renames.set(name, short);
        importNames.add(name);
        out.push(...encodeName(modules.get(module)), ...encodeName(short), ...bytes.subarray(descriptor, reader.at));
      }
      payload = Uint8Array.from(out);
    } else if (id === EXPORT_SECTION) {
      const out = [];
      const count = reader.leb();
      out.push(...leb(count));
      let renamed = 0;
      for (let i = 0; i < count; i++) {
        const name = reader.name();
        const kind = reader.byte();
        const index = reader.leb();
        let short = name;
        if (RENAMED_EXPORT.test(name)) {
          short = `_${shortName(renamed++)}`;
          renames.set(name, short);
        }
        out.push(...encodeName(short), kind, ...leb(index));
      }
      payload = Uint8Array.from(out);
    }
    reader.at = end;
    sections.push(Uint8Array.of(id, ...leb(payload.length)), payload);
  }

  let text = glue;
  for (const [module, short] of modules) {
    const quoted = JSON.stringify(module);
    const found = text.split(quoted).length - 1;
    if (found !== 1) throw new Error(`module name ${quoted} found ${found} times in the glue, expected once`);
    text = text.replace(quoted, JSON.stringify(short));
  }
  for (const [name, short] of renames) {
    const pattern = new RegExp(`\\b${name}\\b`, 'g');
    const found = text.match(pattern)?.length ?? 0;
    // Every import must be provided by the glue; an export it never calls may be absent.
    if (found === 0 && importNames.has(name)) throw new Error(`import ${name} is not in the glue`);
    text = text.replace(pattern, short);
  }
  const out = new Uint8Array(8 + sections.reduce((total, part) => total + part.length, 0));
  out.set(bytes.subarray(0, 8));
  let at = 8;
  for (const part of sections) { out.set(part, at); at += part.length; }
  return { wasm: out, glue: text, renamed: renames.size };
}
