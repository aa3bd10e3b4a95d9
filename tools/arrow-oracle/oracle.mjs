// Independent Arrow IPC check for Spark.Connect.Arrow, using apache-arrow (JS).
//   node oracle.mjs write <dir>  writes <case>.arrows streams and expected.json (canonical values)
//   node oracle.mjs read <dir>   reads every <case>.arrows in <dir>, prints {case: rendering} as JSON
import * as A from 'apache-arrow';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describeCases } from './cases.mjs';
import { fieldName, fromData, toData } from './arrow-json.mjs';

const describe = (schema, batches) => ({
  schema: schema.fields.map(fieldName),
  batches: batches.map((b) => ({ length: b.numRows, columns: b.data.children.map(fromData) })),
});

function write(dir) {
  const expected = {};
  for (const c of describeCases()) {
    const schema = new A.Schema(c.fields);
    const batches = c.batches.map((columns) => {
      const length = columns[0].length;
      const children = columns.map((values, i) => toData(c.fields[i].type, values));
      return new A.RecordBatch(schema, A.makeData({ type: new A.Struct(c.fields), length, nullCount: 0, children }));
    });
    const writer = new A.RecordBatchStreamWriter();
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

const [command, dir] = process.argv.slice(2);
if (command === 'write') write(dir);
else if (command === 'read') read(dir);
else { console.error('usage: node oracle.mjs write|read <dir>'); process.exit(2); }
