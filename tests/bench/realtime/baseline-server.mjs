#!/usr/bin/env node
// The real-time benchmark's baseline: a bare socket.io 4.8 server, run as a child process like the
// API, with no auth and no storage. A client names its room in the handshake (`auth: { room }`);
// on `message:send` the server builds a message of the same shape and size as Kindred's
// `SocketMessage`, emits it as `message:new` to the whole room (the sender's socket included, as
// Kindred does) and then acks `{ ok: true, data }`, in the same order as the API's gateway.
//
// Started by tests/bench/realtime/run.mjs; prints `{"port":N}` on stdout once it listens.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Server } = require('socket.io');

const http = createServer((_req, res) => {
  res.writeHead(404).end();
});
const io = new Server(http, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 64_000 });
const seqs = new Map();

io.on('connection', (socket) => {
  const room = String(socket.handshake.auth?.room ?? '');
  const user = { id: String(socket.handshake.auth?.userId ?? socket.id), displayName: 'Bench user', profession: 'doctor' };
  socket.join(`conversation:${room}`);
  socket.on('message:send', (payload, ack) => {
    if (typeof payload !== 'object' || payload === null) {
      if (typeof ack === 'function') ack({ ok: false, error: { code: 'BAD_USER_INPUT', message: 'The payload must be an object.' } });
      return;
    }
    const seq = (seqs.get(payload.conversationId) ?? 0) + 1;
    seqs.set(payload.conversationId, seq);
    const message = {
      id: randomUUID(),
      conversationId: payload.conversationId,
      seq,
      clientId: payload.clientId,
      author: user,
      body: payload.body,
      parentId: null,
      mentionIds: [],
      reactions: [],
      createdAt: new Date().toISOString(),
      editedAt: null,
      deletedAt: null,
      hiddenAt: null,
    };
    io.to(`conversation:${payload.conversationId}`).emit('message:new', message);
    if (typeof ack === 'function') ack({ ok: true, data: message });
  });
});

http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: http.address().port })}\n`);
});
const stop = () => {
  io.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
