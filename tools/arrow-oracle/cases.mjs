// The single deterministic description of the oracle's test data: every case is a schema plus
// batch sizes; values come from a seeded generator in canonical JSON form (see README.md).
import * as A from 'apache-arrow';

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
const bigIn = (r, bits, signed) => {
  let v = 0n;
  for (let i = 0; i < bits / 16; i++) v = (v << 16n) | BigInt(int(r, 0, 0xffff));
  return signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
};
const text = (r) => {
  const alphabet = ['a', 'b', 'Z', ' ', 'é', '€', '😀', '0', '\u0000'];
  let s = '';
  for (let i = int(r, 0, 6); i > 0; i--) s += alphabet[int(r, 0, alphabet.length - 1)];
  return s;
};
const hex = (r) => {
  let s = '';
  for (let i = int(r, 0, 5); i > 0; i--) s += int(r, 0, 255).toString(16).padStart(2, '0');
  return s;
};
const specials32 = [0, 1.5, -2.25, 3.4028234663852886e38, 1.401298464324817e-45, 'NaN', 'Infinity', '-Infinity'];
const specials64 = [0, 0.1, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, 'NaN', 'Infinity', '-Infinity'];

/** A canonical JSON value for a non-null slot of `type`. */
function value(r, type, depth) {
  switch (type.typeId) {
    case A.Type.Bool: return r() < 0.5;
    case A.Type.Int:
      return type.bitWidth === 64 ? String(bigIn(r, 64, type.isSigned))
        : Number(type.isSigned ? BigInt.asIntN(type.bitWidth, bigIn(r, 32, false)) : BigInt.asUintN(type.bitWidth, bigIn(r, 32, false)));
    case A.Type.Float: {
      if (r() < 0.3) return (type.precision === 1 ? specials32 : specials64)[int(r, 0, 7)];
      const v = (r() - 0.5) * 1e6;
      return type.precision === 1 ? Math.fround(v) : v;
    }
    case A.Type.Decimal: {
      const limit = 10n ** BigInt(type.precision);
      const v = bigIn(r, 128, true) % limit;
      return String(r() < 0.2 ? (r() < 0.5 ? limit - 1n : 1n - limit) : v);
    }
    case A.Type.Utf8: case A.Type.LargeUtf8: return text(r);
    case A.Type.Binary: case A.Type.LargeBinary: return hex(r);
    case A.Type.Date:
      return type.unit === A.DateUnit.DAY ? int(r, -800000, 2900000) : String(BigInt(int(r, -800000, 2900000)) * 86400000n + BigInt(int(r, 0, 86399999)));
    case A.Type.Timestamp: case A.Type.Duration: return String(bigIn(r, 64, true) >> BigInt(int(r, 0, 20)));
    case A.Type.Time: {
      // Within one day, as the format requires; the last unit of the day now and then.
      const perDay = 86400n * [1n, 1000n, 1000000n, 1000000000n][type.unit];
      const v = r() < 0.1 ? perDay - 1n : (bigIn(r, 64, false) % perDay);
      return type.bitWidth === 32 ? Number(v) : String(v);
    }
    case A.Type.Dictionary:
      // Few distinct values, so entries repeat as in real dictionary-encoded data.
      return r() < 0.5 ? value(prng(int(r, 0, 3)), type.dictionary, depth) : value(r, type.dictionary, depth);
    case A.Type.Interval:
      if (type.unit === A.IntervalUnit.YEAR_MONTH) return int(r, -100000, 100000);
      if (type.unit === A.IntervalUnit.DAY_TIME) return [int(r, -99999, 99999), int(r, -86400000, 86400000)];
      return [int(r, -9999, 9999), int(r, -99999, 99999), String(bigIn(r, 64, true))];
    case A.Type.List: case A.Type.LargeList:
      return Array.from({ length: int(r, 0, 4) }, () => slot(r, type.children[0], depth + 1));
    case A.Type.Struct:
      return Object.fromEntries(type.children.map((f) => [f.name, slot(r, f, depth + 1)]));
    case A.Type.Map: {
      const [keyField, valueField] = type.children[0].type.children;
      return Array.from({ length: int(r, 0, 3) }, () => [value(r, keyField.type, depth + 1), slot(r, valueField, depth + 1)]);
    }
    default: throw new Error(`no generator for ${type}`);
  }
}

function slot(r, field, depth) {
  if (field.type.typeId === A.Type.Null) return null;
  return field.nullable && r() < 0.25 ? null : value(r, field.type, depth);
}

const f = (name, type, nullable = true) => new A.Field(name, type, nullable);
const item = (type) => f('item', type);
const entries = (key, val) => f('entries', new A.Struct([f('key', key, false), f('value', val)]), false);

const types = {
  null: new A.Null(), bool: new A.Bool(),
  int8: new A.Int8(), int16: new A.Int16(), int32: new A.Int32(), int64: new A.Int64(),
  uint8: new A.Uint8(), uint16: new A.Uint16(), uint32: new A.Uint32(), uint64: new A.Uint64(),
  float32: new A.Float32(), float64: new A.Float64(),
  decimal_38_10: new A.Decimal(10, 38, 128), decimal_9_2: new A.Decimal(2, 9, 128), decimal_18_0: new A.Decimal(0, 18, 128),
  utf8: new A.Utf8(), large_utf8: new A.LargeUtf8(), binary: new A.Binary(), large_binary: new A.LargeBinary(),
  date32: new A.DateDay(), date64: new A.DateMillisecond(),
  timestamp_us_utc: new A.TimestampMicrosecond('UTC'), timestamp_us: new A.TimestampMicrosecond(),
  timestamp_s: new A.TimestampSecond('America/New_York'), timestamp_ms: new A.TimestampMillisecond(),
  timestamp_ns_utc: new A.TimestampNanosecond('UTC'),
  duration_us: new A.DurationMicrosecond(), duration_ns: new A.DurationNanosecond(), duration_s: new A.DurationSecond(),
  interval_ym: new A.IntervalYearMonth(), interval_dt: new A.IntervalDayTime(), interval_mdn: new A.IntervalMonthDayNano(),
  list_int32: new A.List(item(new A.Int32())),
  large_list_utf8: new A.LargeList(item(new A.Utf8())),
  list_list_int64: new A.List(item(new A.List(item(new A.Int64())))),
  struct: new A.Struct([f('a', new A.Int32()), f('b', new A.Utf8()), f('c', new A.Struct([f('d', new A.Float64())]))]),
  map_utf8_int64: new A.Map_(entries(new A.Utf8(), new A.Int64())),
  map_int32_list_sorted: new A.Map_(entries(new A.Int32(), new A.List(item(new A.Bool()))), true),
  time32_s: new A.TimeSecond(), time32_ms: new A.TimeMillisecond(),
  time64_us: new A.TimeMicrosecond(), time64_ns: new A.TimeNanosecond(),
  dictionary_utf8: new A.Dictionary(new A.Utf8(), new A.Int32(), 0),
  dictionary_int64_int8_ordered: new A.Dictionary(new A.Int64(), new A.Int8(), 1, true),
  dictionary_decimal_uint16: new A.Dictionary(new A.Decimal(2, 9, 128), new A.Uint16(), 2),
  dictionary_binary_int64: new A.Dictionary(new A.Binary(), new A.Int64(), 3),
  list_of_dictionary: new A.List(item(new A.Dictionary(new A.Utf8(), new A.Int16(), 4))),
};

/** Every case: a name, fields, batch sizes and the seed of its values. */
export function describeCases() {
  const cases = Object.entries(types).map(([name, type], i) => ({
    name, fields: [f('v', type), f('w', new A.Int32(), false)], sizes: [7, 0, 33], seed: 1000 + i,
  }));
  cases.push({
    name: 'mixed',
    fields: [f('id', new A.Int64(), false), f('name', new A.Utf8()), f('price', new A.Decimal(2, 12, 128)),
      f('at', new A.TimestampMicrosecond('UTC')), f('tags', new A.List(item(new A.Utf8()))), f('nothing', new A.Null())],
    sizes: [1, 64, 0, 5], seed: 7,
  });
  // One dictionary that grows: the writer sends it once, then only the new entries (delta DictionaryBatches).
  cases.push({ name: 'dictionary_deltas', delta: true, fields: [f('v', new A.Dictionary(new A.Utf8(), new A.Int32(), 9)), f('w', new A.Int32(), false)],
    sizes: [6, 0, 9, 12], seed: 99 });
  return cases.map((c) => {
    const r = prng(c.seed);
    const batches = c.sizes.map((n) => c.fields.map((field) => Array.from({ length: n }, () => slot(r, field, 0))));
    return { ...c, batches };
  });
}
