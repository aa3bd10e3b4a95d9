'use strict';
// An independent gRPC peer built on @grpc/grpc-js, used to cross-check our C# transport and server.
//   node peer.js serve         serves grpcpeer.Peer on 127.0.0.1:0; prints {"port":N}, then one JSON event per line
//   node peer.js call <b64>    makes one call described by base64 JSON; prints the outcome as one JSON line
const grpc = require('@grpc/grpc-js');
const wire = require('./wire');

const raw = (buf) => buf;
const print = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');

function metadataToJson(metadata) {
  const result = {};
  if (!metadata) return result;
  for (const [key, values] of Object.entries(metadata.toJSON())) {
    result[key] = values.map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : v));
  }
  return result;
}

function jsonToMetadata(obj) {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(obj || {})) {
    metadata.add(key, key.endsWith('-bin') ? Buffer.from(value, 'base64') : value);
  }
  return metadata;
}

function unary(handler) {
  return { path: '', requestStream: false, responseStream: false, requestSerialize: raw, requestDeserialize: raw,
    responseSerialize: raw, responseDeserialize: raw, handler };
}

function streaming(handler) {
  return { ...unary(handler), responseStream: true };
}

function reportCancellation(call, method) {
  call.on('cancelled', () => print({ event: 'cancelled', method }));
}

const peerService = {
  Echo: unary((call, callback) => callback(null, call.request)),
  EchoMetadata: unary((call, callback) => {
    const trailers = new grpc.Metadata();
    trailers.add('x-peer-trailer', 'echoed');
    const json = JSON.stringify(metadataToJson(call.metadata));
    callback(null, wire.stringField(1, json), trailers);
  }),
  Stream: streaming((call) => {
    const count = wire.readUInt32Value(call.request);
    for (let i = 1; i <= count; i++) call.write(wire.uint32Value(i));
    call.end();
  }),
  Fail: unary((call, callback) => {
    const code = wire.readUInt32Value(call.request) || grpc.status.INTERNAL;
    const message = 'peer failure: ünïcødé 100% sure';
    const info = wire.errorInfo('PEER_REASON', 'grpc-peer', { errorClass: 'PEER_ERROR', sqlState: '42000' });
    const details = wire.status(code, message, [wire.any('type.googleapis.com/google.rpc.ErrorInfo', info)]);
    const metadata = new grpc.Metadata();
    metadata.add('grpc-status-details-bin', details);
    metadata.add('x-peer-trailer', 'failing');
    callback({ code, details: message, metadata });
  }),
  Slow: unary((call) => reportCancellation(call, 'Slow')),
  StreamThenStall: streaming((call) => {
    reportCancellation(call, 'StreamThenStall');
    call.write(wire.uint32Value(1));
  }),
  Large: unary((call, callback) => {
    const size = wire.readUInt32Value(call.request);
    const payload = Buffer.alloc(size, 0x5a);
    callback(null, wire.bytesField(1, payload));
  }),
};

function serve() {
  const definition = {};
  for (const [name, method] of Object.entries(peerService)) {
    definition[name] = { ...method, path: `/grpcpeer.Peer/${name}` };
  }
  const handlers = Object.fromEntries(Object.entries(peerService).map(([name, m]) => [name, m.handler]));
  const server = new grpc.Server();
  server.addService(definition, handlers);
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      print({ error: err.message });
      process.exit(1);
    }
    print({ port });
  });
  // The test closes stdin (or kills us) when it is done.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

function call(spec) {
  const client = new grpc.Client(spec.target, grpc.credentials.createInsecure());
  // Connect first, so that a short deadline measures the call and not process start-up or the handshake.
  client.waitForReady(Date.now() + 10000, (err) => {
    if (err) {
      print({ code: grpc.status.UNAVAILABLE, details: `could not connect: ${err.message}`, messages: [], headers: {}, trailers: {} });
      client.close();
      return;
    }
    start(client, spec);
  });
}

function start(client, spec) {
  const options = spec.deadlineMs ? { deadline: new Date(Date.now() + spec.deadlineMs) } : {};
  const request = Buffer.from(spec.request || '', 'base64');
  const metadata = jsonToMetadata(spec.metadata);
  const outcome = { messages: [], headers: {} };
  let statusSeen = false;
  let callbackSeen = spec.kind === 'stream';
  const finish = () => {
    if (!statusSeen || !callbackSeen) return;
    print(outcome);
    client.close();
  };

  let stream;
  if (spec.kind === 'clientStream') {
    callbackSeen = false;
    stream = client.makeClientStreamRequest(spec.path, raw, raw, metadata, options, (err, response) => {
      if (!err) outcome.messages.push(response.toString('base64'));
      callbackSeen = true;
      finish();
    });
    for (const message of spec.requests || []) stream.write(Buffer.from(message, 'base64'));
    stream.end();
  } else if (spec.kind === 'unary') {
    stream = client.makeUnaryRequest(spec.path, raw, raw, request, metadata, options, (err, response) => {
      if (!err) outcome.messages.push(response.toString('base64'));
      callbackSeen = true;
      finish();
    });
  } else {
    stream = client.makeServerStreamRequest(spec.path, raw, raw, request, metadata, options);
    stream.on('data', (message) => outcome.messages.push(message.toString('base64')));
    stream.on('error', () => {}); // reported through the status event
  }
  stream.on('metadata', (headers) => { outcome.headers = metadataToJson(headers); });
  stream.on('status', (status) => {
    outcome.code = status.code;
    outcome.details = status.details;
    outcome.trailers = metadataToJson(status.metadata);
    statusSeen = true;
    finish();
  });
}

const [mode, argument] = process.argv.slice(2);
if (mode === 'serve') {
  serve();
} else if (mode === 'call') {
  call(JSON.parse(Buffer.from(argument, 'base64').toString('utf8')));
} else {
  process.stderr.write('usage: node peer.js serve | node peer.js call <base64 json>\n');
  process.exit(2);
}
