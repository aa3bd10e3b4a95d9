// Canonical JSON <-> apache-arrow Data. Canonical values: null; booleans; 8..32-bit ints as numbers;
// 64-bit ints, timestamps, durations and decimal unscaled integers as decimal strings; floats as
// numbers or "NaN"/"Infinity"/"-Infinity"; utf8 as strings; binary as lowercase hex; date32 as
// days; intervals as number (months), [days, ms] or [months, days, "nanos"]; time32 as numbers and time64
// as decimal strings; lists as arrays; structs as objects; maps as arrays of [key, value]; dictionary-encoded
// columns as their decoded values.
import * as A from 'apache-arrow';

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

export function typeName(type) {
  const units = ['s', 'ms', 'us', 'ns'];
  switch (type.typeId) {
    case A.Type.Null: return 'null';
    case A.Type.Bool: return 'bool';
    case A.Type.Int: return `${type.isSigned ? 'int' : 'uint'}${type.bitWidth}`;
    case A.Type.Float: return type.precision === 1 ? 'float32' : type.precision === 2 ? 'float64' : 'float16';
    case A.Type.Decimal: return `decimal${type.bitWidth}(${type.precision},${type.scale})`;
    case A.Type.Utf8: return 'utf8';
    case A.Type.LargeUtf8: return 'large_utf8';
    case A.Type.Binary: return 'binary';
    case A.Type.LargeBinary: return 'large_binary';
    case A.Type.Date: return type.unit === A.DateUnit.DAY ? 'date32' : 'date64';
    case A.Type.Timestamp: return `timestamp(${units[type.unit]},${type.timezone ?? ''})`;
    case A.Type.Duration: return `duration(${units[type.unit]})`;
    case A.Type.Interval: return `interval(${['ym', 'dt', 'mdn'][type.unit]})`;
    case A.Type.List: return `list<${fieldName(type.children[0])}>`;
    case A.Type.LargeList: return `large_list<${fieldName(type.children[0])}>`;
    case A.Type.Struct: return `struct<${type.children.map(fieldName).join(',')}>`;
    case A.Type.Map: return `map${type.keysSorted ? '(sorted)' : ''}<${fieldName(type.children[0])}>`;
    case A.Type.Time: return `time(${units[type.unit]},${type.bitWidth})`;
    case A.Type.Dictionary: return `dictionary<${typeName(type.indices)},${typeName(type.dictionary)}>`;
    default: return `unknown(${type})`;
  }
}

export const fieldName = (field) => `${field.name}${field.nullable ? '' : '!'}:${typeName(field.type)}`;

function bitmap(flags) {
  const bytes = new Uint8Array(Math.ceil(flags.length / 8));
  flags.forEach((on, i) => { if (on) bytes[i >> 3] |= 1 << (i & 7); });
  return bytes;
}

function int128Words(text) {
  let v = BigInt.asUintN(128, BigInt(text));
  const words = [];
  for (let i = 0; i < 4; i++) { words.push(Number(v & 0xffffffffn)); v >>= 32n; }
  return words;
}

const float = (v) => (typeof v === 'string' ? Number(v) : v);

/** Arrow Data for canonical `values` of `type`. */
export function toData(type, values) {
  const length = values.length;
  const valid = values.map((v) => v !== null);
  const nullCount = valid.filter((v) => !v).length;
  const base = { type, length, nullCount, nullBitmap: nullCount ? bitmap(valid) : undefined };
  const orZero = (v, zero) => (v === null ? zero : v);
  switch (type.typeId) {
    case A.Type.Null: return A.makeData({ type, length, nullCount: length });
    case A.Type.Bool: return A.makeData({ ...base, data: bitmap(values.map((v) => v === true)) });
    case A.Type.Int: {
      const data = type.bitWidth === 64
        ? new type.ArrayType(values.map((v) => BigInt(orZero(v, '0'))))
        : new type.ArrayType(values.map((v) => orZero(v, 0)));
      return A.makeData({ ...base, data });
    }
    case A.Type.Float: return A.makeData({ ...base, data: new type.ArrayType(values.map((v) => float(orZero(v, 0)))) });
    case A.Type.Decimal: return A.makeData({ ...base, data: new Uint32Array(values.flatMap((v) => int128Words(orZero(v, '0')))) });
    case A.Type.Date:
      return type.unit === A.DateUnit.DAY
        ? A.makeData({ ...base, data: new Int32Array(values.map((v) => orZero(v, 0))) })
        : A.makeData({ ...base, data: new BigInt64Array(values.map((v) => BigInt(orZero(v, '0')))) });
    case A.Type.Timestamp: case A.Type.Duration:
      return A.makeData({ ...base, data: new BigInt64Array(values.map((v) => BigInt(orZero(v, '0')))) });
    case A.Type.Time:
      return type.bitWidth === 32
        ? A.makeData({ ...base, data: new Int32Array(values.map((v) => orZero(v, 0))) })
        : A.makeData({ ...base, data: new BigInt64Array(values.map((v) => BigInt(orZero(v, '0')))) });
    case A.Type.Dictionary: {
      // Distinct values in first-seen order; a null row keeps index 0.
      const keys = new Map();
      for (const v of values) if (v !== null && !keys.has(JSON.stringify(v))) keys.set(JSON.stringify(v), v);
      const dictionary = new A.Vector([toData(type.dictionary, [...keys.values()])]);
      const order = [...keys.keys()];
      return dictionaryData(type, base, values.map((v) => (v === null ? 0 : order.indexOf(JSON.stringify(v)))), dictionary);
    }
    case A.Type.Interval: {
      if (type.unit === A.IntervalUnit.YEAR_MONTH) return A.makeData({ ...base, data: new Int32Array(values.map((v) => orZero(v, 0))) });
      if (type.unit === A.IntervalUnit.DAY_TIME) return A.makeData({ ...base, data: new Int32Array(values.flatMap((v) => orZero(v, [0, 0]))) });
      const words = new Int32Array(length * 4);
      const view = new DataView(words.buffer);
      values.forEach((v, i) => {
        if (v === null) return;
        words[i * 4] = v[0]; words[i * 4 + 1] = v[1];
        view.setBigInt64(i * 16 + 8, BigInt(v[2]), true);
      });
      return A.makeData({ ...base, data: words });
    }
    case A.Type.Utf8: case A.Type.LargeUtf8: case A.Type.Binary: case A.Type.LargeBinary: {
      const isText = type.typeId === A.Type.Utf8 || type.typeId === A.Type.LargeUtf8;
      const parts = values.map((v) => (v === null ? new Uint8Array(0) : isText ? enc.encode(v) : Uint8Array.from(v.match(/../g) ?? [], (h) => parseInt(h, 16))));
      const large = type.typeId === A.Type.LargeUtf8 || type.typeId === A.Type.LargeBinary;
      return A.makeData({ ...base, valueOffsets: offsets(parts.map((p) => p.length), large), data: concat(parts) });
    }
    case A.Type.List: case A.Type.LargeList: {
      const lists = values.map((v) => v ?? []);
      const child = toData(type.children[0].type, lists.flat(1));
      return A.makeData({ ...base, valueOffsets: offsets(lists.map((l) => l.length), type.typeId === A.Type.LargeList), child });
    }
    case A.Type.Struct:
      return A.makeData({ ...base, children: type.children.map((f) => toData(f.type, values.map((v) => (v === null ? null : v[f.name])))) });
    case A.Type.Map: {
      const maps = values.map((v) => v ?? []);
      const entries = maps.flat(1).map(([key, value]) => ({ key, value }));
      return A.makeData({ ...base, valueOffsets: offsets(maps.map((m) => m.length), false), child: toData(type.children[0].type, entries) });
    }
    default: throw new Error(`cannot build ${type}`);
  }
}

/** Dictionary-encoded Data over `dictionary` (a Vector, possibly of several chunks) with the given entry numbers. */
export function dictionaryData(type, base, indices, dictionary) {
  const data = type.indices.bitWidth === 64 ? new type.indices.ArrayType(indices.map(BigInt)) : new type.indices.ArrayType(indices);
  return A.makeData({ ...base, data, dictionary });
}

function offsets(lengths, large) {
  const out = large ? new BigInt64Array(lengths.length + 1) : new Int32Array(lengths.length + 1);
  let at = 0;
  lengths.forEach((n, i) => { at += n; out[i + 1] = large ? BigInt(at) : at; });
  return out;
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Canonical JSON values of every slot of `data`. */
export function fromData(data) {
  return Array.from({ length: data.length }, (_, i) => render(data, i));
}

function render(data, i) {
  const type = data.type;
  const at = data.offset + i;
  if (type.typeId === A.Type.Null) return null;
  if (data.nullCount > 0 && data.nullBitmap && data.nullBitmap.length > 0 && !(data.nullBitmap[at >> 3] & (1 << (at & 7)))) return null;
  switch (type.typeId) {
    case A.Type.Bool: return (data.values[at >> 3] & (1 << (at & 7))) !== 0;
    case A.Type.Int: return type.bitWidth === 64 ? String(data.values[at]) : Number(data.values[at]);
    case A.Type.Float: {
      const v = data.values[at];
      return Number.isFinite(v) ? v : String(v);
    }
    case A.Type.Decimal: {
      let v = 0n;
      for (let w = 3; w >= 0; w--) v = (v << 32n) | BigInt(data.values[at * 4 + w] >>> 0);
      return String(BigInt.asIntN(128, v));
    }
    case A.Type.Date: return type.unit === A.DateUnit.DAY ? data.values[at] : String(BigInt.asIntN(64, BigInt(data.values[at])));
    case A.Type.Timestamp: case A.Type.Duration: return String(BigInt.asIntN(64, BigInt(data.values[at])));
    case A.Type.Time: return type.bitWidth === 32 ? data.values[at] : String(BigInt.asIntN(64, BigInt(data.values[at])));
    case A.Type.Dictionary: {
      let entry = Number(data.values[at]);
      for (const chunk of data.dictionary.data) {
        if (entry < chunk.length) return render(chunk, entry);
        entry -= chunk.length;
      }
      throw new Error(`dictionary index ${data.values[at]} out of range`);
    }
    case A.Type.Interval: {
      const v = data.values;
      if (type.unit === A.IntervalUnit.YEAR_MONTH) return v[at];
      if (type.unit === A.IntervalUnit.DAY_TIME) return [v[at * 2], v[at * 2 + 1]];
      const view = new DataView(v.buffer, v.byteOffset, v.byteLength);
      return [v[at * 4], v[at * 4 + 1], String(view.getBigInt64(at * 16 + 8, true))];
    }
    case A.Type.Utf8: case A.Type.LargeUtf8: case A.Type.Binary: case A.Type.LargeBinary: {
      const bytes = data.values.subarray(Number(data.valueOffsets[at]), Number(data.valueOffsets[at + 1]));
      return type.typeId === A.Type.Utf8 || type.typeId === A.Type.LargeUtf8
        ? dec.decode(bytes) : Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    }
    case A.Type.List: case A.Type.LargeList: case A.Type.Map: {
      const child = data.children[0];
      const items = [];
      for (let k = Number(data.valueOffsets[at]); k < Number(data.valueOffsets[at + 1]); k++) {
        items.push(type.typeId === A.Type.Map ? [render(child.children[0], k), render(child.children[1], k)] : render(child, k));
      }
      return items;
    }
    case A.Type.Struct:
      return Object.fromEntries(type.children.map((f, c) => [f.name, render(data.children[c], at)]));
    default: throw new Error(`cannot render ${type}`);
  }
}
