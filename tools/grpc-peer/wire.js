'use strict';
// Just enough protobuf wire format for the peer: varints, length-delimited fields, and the
// google.rpc.Status / ErrorInfo / Any shapes used for rich error details.

function varint(value) {
  const bytes = [];
  let v = BigInt(value);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    bytes.push(b);
  } while (v > 0n);
  return Buffer.from(bytes);
}

function field(number, wireType, payload) {
  return Buffer.concat([varint((number << 3) | wireType), payload]);
}

function bytesField(number, buf) {
  return field(number, 2, Buffer.concat([varint(buf.length), buf]));
}

function stringField(number, text) {
  return bytesField(number, Buffer.from(text, 'utf8'));
}

function uintField(number, value) {
  return value === 0 ? Buffer.alloc(0) : field(number, 0, varint(value));
}

// Reads field 1 of a message as an unsigned varint (the shape of google.protobuf.UInt32Value).
function readUInt32Value(buf) {
  let pos = 0;
  while (pos < buf.length) {
    const key = buf[pos++];
    if (key !== 0x08) throw new Error('expected a UInt32Value');
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const b = buf[pos++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7n;
    }
    return Number(result);
  }
  return 0;
}

function uint32Value(value) {
  return uintField(1, value);
}

function errorInfo(reason, domain, metadata) {
  const entries = Object.entries(metadata).map(([k, v]) =>
    bytesField(3, Buffer.concat([stringField(1, k), stringField(2, v)])));
  return Buffer.concat([stringField(1, reason), stringField(2, domain), ...entries]);
}

function any(typeUrl, value) {
  return Buffer.concat([stringField(1, typeUrl), bytesField(2, value)]);
}

function status(code, message, details) {
  return Buffer.concat([uintField(1, code), stringField(2, message), ...details.map((d) => bytesField(3, d))]);
}

module.exports = { readUInt32Value, uint32Value, bytesField, stringField, errorInfo, any, status };
