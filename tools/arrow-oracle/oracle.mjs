// Independent Arrow IPC check for Spark.Connect.Arrow, using apache-arrow (JS).
//   node oracle.mjs write <dir> [lz4]  writes <case>.arrows streams and expected.json (canonical values);
//                                      with lz4, record batch bodies are LZ4_FRAME compressed
//   node oracle.mjs read <dir>         reads every <case>.arrows in <dir> (uncompressed, LZ4_FRAME or ZSTD
//                                      bodies), prints {case: rendering} as JSON
import * as A from 'apache-arrow';
import lz4 from 'lz4js';
import { decompress as zstdDecompress } from 'fzstd';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describeCases } from './cases.mjs';
import { dictionaryData, fieldName, fromData, toData } from './arrow-json.mjs';

// apache-arrow ships no codecs. lz4js reads and writes LZ4 frames; fzstd only reads zstd frames,
// so ZSTD is checked in one direction (apache-arrow reading what we wrote).
A.compressionRegistry.set(A.CompressionType.LZ4_FRAME, { encode: (d) => lz4.compress(d), decode: (d) => lz4.decompress(d) });
// fzstd may return a view at an offset apache-arrow cannot use for 64-bit values, hence the copy.
A.compressionRegistry.set(A.CompressionType.ZSTD, { decode: (d) => zstdDecompress(d).slice() });

const describe = (schema, batches) => ({
  schema: schema.fields.map(fieldName),
  batches: batches.map((b) => ({ length: b.numRows, columns: b.data.children.map(fromData) })),
});

function write(dir, codec) {
  const options = codec === 'lz4' ? { compressionType: A.CompressionType.LZ4_FRAME } : undefined;
  const expected = {};
  for (const c of describeCases()) {
    const schema = new A.Schema(c.fields);
    const deltas = c.delta ? growingDictionary(c.fields[0].type) : null;
    const batches = c.batches.map((columns) => {
      const length = columns[0].length;
      const children = columns.map((values, i) => (i === 0 && deltas ? deltas(values) : toData(c.fields[i].type, values)));
      return new A.RecordBatch(schema, A.makeData({ type: new A.Struct(c.fields), length, nullCount: 0, children }));
    });
    const writer = new A.RecordBatchStreamWriter(options);
    writer.reset(undefined, schema);
    for (const b of batches) writer.write(b);
    writer.finish();
    const bytes = writer.toUint8Array(true);
    writeFileSync(join(dir, `${c.name}.arrows`), bytes);
    const want = {
      schema: c.fields.map(fieldName),
      batches: c.batches.map((columns) => ({ length: columns[0].length, columns })),
    };
    // The JS side checks itself first, so a mismatch in the C# test points at our code.
    const reader = A.RecordBatchReader.from(bytes);
    reader.open();
    const readSchema = reader.schema;
    const got = describe(readSchema, [...reader]);
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(want)))) {
      throw new Error(`apache-arrow does not round-trip case ${c.name}`);
    }
    expected[c.name] = want;
  }
  writeFileSync(join(dir, 'expected.json'), JSON.stringify(expected));
}

/**
 * Data for successive batches of one dictionary-encoded column whose dictionary only grows: each batch's new values
 * become a new chunk of the same Vector, which apache-arrow's writer sends as a delta DictionaryBatch.
 */
function growingDictionary(type) {
  const entries = new Map();
  const chunks = [];
  return (values) => {
    const fresh = [];
    for (const v of values) {
      const key = JSON.stringify(v);
      if (v !== null && !entries.has(key)) { entries.set(key, entries.size); fresh.push(v); }
    }
    if (fresh.length > 0 || chunks.length === 0) chunks.push(toData(type.dictionary, fresh));
    const valid = values.map((v) => v !== null);
    const nullCount = valid.filter((v) => !v).length;
    const nullBitmap = nullCount ? Uint8Array.from({ length: Math.ceil(values.length / 8) }, (_, b) =>
      valid.slice(b * 8, b * 8 + 8).reduce((acc, on, k) => acc | (on ? 1 << k : 0), 0)) : undefined;
    const base = { type, length: values.length, nullCount, nullBitmap };
    return dictionaryData(type, base, values.map((v) => (v === null ? 0 : entries.get(JSON.stringify(v)))), new A.Vector(chunks.slice()));
  };
}

function read(dir) {
  const out = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.arrows')).sort()) {
    const reader = A.RecordBatchReader.from(readFileSync(join(dir, file)));
    reader.open();
    const schema = reader.schema;
    const batches = [...reader];
    out[file.slice(0, -'.arrows'.length)] = describe(schema, batches);
  }
  process.stdout.write(JSON.stringify(out));
}

const [command, dir, codec] = process.argv.slice(2);
if (command === 'write') write(dir, codec);
else if (command === 'read') read(dir);
else { console.error('usage: node oracle.mjs write <dir> [lz4] | read <dir>'); process.exit(2); }
