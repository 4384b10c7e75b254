import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, Type } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { GraphQLError } from 'graphql';
import type { Server as HttpServer } from 'node:http';
import { Server, Socket } from 'socket.io';
import {
  ERROR_CODES,
  type Role,
  SOCKET_EVENTS,
  type SocketAck,
  type SocketError,
  type SyncResult,
} from '@kindred/domain';
import type { AccessTokenPayload } from '../auth/auth-user';
import { bearerToken } from '../auth/request.util';
import { apiError, badInput } from '../common/graphql-errors.util';
import { KindredValidationPipe } from '../common/validation.pipe';
import { AppConfigService } from '../config/app-config.service';
import { attachSocketAdapter, type AttachedAdapter } from '../realtime/socket-adapter';
import { conversationRoom, RealtimeService, userRoom } from '../realtime/realtime.service';
import { ConversationsService } from './conversations.service';
import {
  EditMessageArgs,
  MessageIdArgs,
  ReactArgs,
  ReadPayloadDto,
  RenewPayloadDto,
  SendMessageInput,
  SYNC_PAGE,
  SyncPayloadDto,
  TypingPayloadDto,
} from './dto/message.inputs';
import { fastSendMessageInput } from './dto/send-message.fast-path';
import { toSocketMessage } from './message-models.util';
import { MessagesService } from './messages.service';

interface SocketUser {
  id: string;
  role: Role;
  displayName: string;
  /** Access token expiry, ms since the epoch. */
  expiresAt: number;
}

type KindredSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, { user: SocketUser }>;

/** Events a socket may send per second before being told to slow down (typing included). */
const EVENTS_PER_SECOND = 30;

export function toSocketError(error: unknown): SocketError {
  if (error instanceof GraphQLError) {
    const ext = error.extensions as { code?: string; field?: string };
    return { code: ext.code ?? 'INTERNAL_SERVER_ERROR', message: error.message, ...(ext.field ? { field: ext.field } : {}) };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side; try again.' };
}

/**
 * The socket.io gateway on the API's HTTP server (path /socket.io).
 *
 * The handshake needs the same access token as GraphQL (`auth: { token }`); the user must still
 * exist and not be suspended. A connected socket sits in its user's room and in the room of
 * every conversation the user belongs to; membership changes move it at once (RealtimeService).
 * When the token expires the socket is told (`session:expired`) and dropped, unless the client
 * renewed it with a fresh token for the same user.
 *
 * Every event is validated with the same input classes as GraphQL, authorised in the service
 * against the database, and answered through its ack as `{ ok, data | error }`. A malformed
 * payload or a failing handler answers an error; it never throws out of the handler, so one bad
 * client cannot take the gateway down for others.
 */
@Injectable()
export class ConversationsGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ConversationsGateway.name);
  private readonly validator = new KindredValidationPipe();
  private io: Server | null = null;
  private adapter: AttachedAdapter | null = null;
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly jwt: JwtService,
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly realtime: RealtimeService,
    private readonly config: AppConfigService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const httpServer = this.adapterHost.httpAdapter?.getHttpServer() as HttpServer | undefined;
    if (!httpServer) return;
    const io = new Server(httpServer, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 64_000 });
    io.use((socket, next) => {
      this.authenticate(socket as KindredSocket)
        .then(() => next())
        .catch((error: unknown) => {
          const err = new Error(error instanceof GraphQLError ? error.message : 'Could not connect.') as Error & { data?: unknown };
          err.data = { code: error instanceof GraphQLError ? error.extensions['code'] : 'INTERNAL_SERVER_ERROR' };
          next(err);
        });
    });
    io.on('connection', (socket) => this.onConnection(socket as KindredSocket));
    this.adapter = await attachSocketAdapter(io, this.config, this.logger);
    this.io = io;
    this.realtime.attach(io, this.adapter);
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.expiryTimers.values()) clearTimeout(timer);
    this.expiryTimers.clear();
    if (!this.io) return;
    this.io.disconnectSockets(true);
    this.io.engine.close();
    // Stops the adapter's timers and listeners, then its connections.
    this.io.of('/').adapter.close?.();
    await this.adapter?.close();
  }

  /** Verifies the token and joins the user's rooms before the client sees `connect` (one query). */
  private async authenticate(socket: KindredSocket): Promise<void> {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const token = typeof auth?.token === 'string' ? auth.token : bearerToken(socket.handshake.headers.authorization);
    if (!token) throw apiError(ERROR_CODES.unauthenticated, 'Sign in first: connect with auth: { token: <access token> }.');
    const payload = await this.verifyToken(token);
    const session = await this.conversations.socketSession(payload.sub);
    if (!session) throw this.gone();
    socket.data.user = { id: payload.sub, role: session.role, displayName: session.displayName, expiresAt: payload.exp * 1000 };
    socket.join(userRoom(payload.sub));
    if (session.conversationIds.length) socket.join(session.conversationIds.map(conversationRoom));
  }

  /** A renewed token: same user, still existing and not suspended. */
  private async verify(token: string, expectedUserId: string): Promise<SocketUser> {
    const payload = await this.verifyToken(token);
    if (payload.sub !== expectedUserId) throw badInput('token', 'This token belongs to someone else.');
    const session = await this.conversations.socketSession(payload.sub);
    if (!session) throw this.gone();
    return { id: payload.sub, role: session.role, displayName: session.displayName, expiresAt: payload.exp * 1000 };
  }

  private async verifyToken(token: string): Promise<AccessTokenPayload & { exp: number }> {
    let payload: AccessTokenPayload & { exp: number };
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload & { exp: number }>(token);
    } catch {
      throw apiError(ERROR_CODES.unauthenticated, 'This access token is invalid or expired; refresh your session.');
    }
    if (payload.typ !== 'access' || typeof payload.sub !== 'string') {
      throw apiError(ERROR_CODES.unauthenticated, 'This is not an access token.');
    }
    return payload;
  }

  private gone(): GraphQLError {
    return apiError(ERROR_CODES.unauthenticated, 'This account no longer exists or is suspended.');
  }

  private onConnection(socket: KindredSocket): void {
    this.scheduleExpiry(socket);
    socket.on('disconnect', () => {
      clearTimeout(this.expiryTimers.get(socket.id));
      this.expiryTimers.delete(socket.id);
    });
    const budget = { second: 0, count: 0 };
    socket.use((_packet, next) => {
      const second = Math.floor(Date.now() / 1000);
      if (second !== budget.second) Object.assign(budget, { second, count: 0 });
      budget.count += 1;
      if (budget.count > EVENTS_PER_SECOND) {
        const ack = _packet[_packet.length - 1];
        if (typeof ack === 'function') {
          (ack as (a: SocketAck<never>) => void)({
            ok: false,
            error: { code: ERROR_CODES.rateLimited, message: 'Too many events: slow down.' },
          });
        }
        return;
      }
      next();
    });

    this.handle(
      socket,
      SOCKET_EVENTS.send,
      SendMessageInput,
      async (user, input) => {
        const { message } = await this.messages.send(user.id, input);
        return toSocketMessage(message);
      },
      fastSendMessageInput,
    );
    this.handle(socket, SOCKET_EVENTS.edit, EditMessageArgs, async (user, input) =>
      toSocketMessage(await this.messages.edit(user.id, input.messageId, input.body)),
    );
    this.handle(socket, SOCKET_EVENTS.delete, MessageIdArgs, async (user, input) =>
      toSocketMessage(await this.messages.delete(user.id, input.messageId)),
    );
    this.handle(socket, SOCKET_EVENTS.react, ReactArgs, async (user, input) =>
      toSocketMessage(await this.messages.react(user.id, input.messageId, input.emoji, input.on)),
    );
    this.handle(socket, SOCKET_EVENTS.typing, TypingPayloadDto, async (user, input) => {
      if (!socket.rooms.has(conversationRoom(input.conversationId))) {
        // Not in the room: not a member (or not yet joined); the database has the final word.
        await this.messages.access(user.id, input.conversationId);
      }
      const blocked = await this.messages.blockedAmongMembers(user.id, input.conversationId);
      this.realtime.toConversation(
        input.conversationId,
        SOCKET_EVENTS.typingUpdate,
        { conversationId: input.conversationId, userId: user.id, displayName: user.displayName, typing: input.typing },
        [user.id, ...blocked],
      );
      return true;
    });
    this.handle(socket, SOCKET_EVENTS.read, ReadPayloadDto, async (user, input) => {
      const result = await this.messages.markRead(user.id, input.conversationId, input.messageId);
      return { unreadCount: result.unreadCount };
    });
    this.handle(socket, SOCKET_EVENTS.sync, SyncPayloadDto, async (user, input): Promise<SyncResult> => {
      const conversations: SyncResult['conversations'] = [];
      for (const entry of input.conversations) {
        try {
          const page = await this.messages.after(user.id, entry.conversationId, entry.afterMessageId ?? null, SYNC_PAGE);
          conversations.push({ conversationId: entry.conversationId, messages: page.messages.map(toSocketMessage), hasMore: page.hasMore });
        } catch (error) {
          conversations.push({ conversationId: entry.conversationId, messages: [], hasMore: false, error: toSocketError(error) });
        }
      }
      return { conversations };
    });
    this.handle(socket, SOCKET_EVENTS.renew, RenewPayloadDto, async (user, input) => {
      const renewed = await this.verify(input.token, user.id);
      socket.data.user = renewed;
      this.scheduleExpiry(socket);
      return { expiresAt: new Date(renewed.expiresAt).toISOString() };
    });
  }

  /**
   * Registers one client event: liveness, validation, handler, ack; never throws. `fast`, if
   * given, accepts certainly valid payloads without the validation pipe (null: ask the pipe).
   */
  private handle<T extends object, R>(
    socket: KindredSocket,
    event: string,
    dto: Type<T>,
    handler: (user: SocketUser, input: T) => Promise<R>,
    fast?: (payload: unknown) => T | null,
  ): void {
    (socket as unknown as Socket).on(event, (...args: unknown[]) => {
      const last = args[args.length - 1];
      const ack = typeof last === 'function' ? (last as (answer: SocketAck<R>) => void) : null;
      const payload = ack ? args[0] : args[0];
      void (async () => {
        try {
          const user = socket.data.user;
          if (!user || Date.now() >= user.expiresAt) {
            this.expire(socket);
            throw apiError(ERROR_CODES.unauthenticated, 'Your session has expired; renew it.');
          }
          if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
            throw badInput('payload', 'The payload must be an object.');
          }
          const input = fast?.(payload) ?? ((await this.validator.transform(payload, { type: 'body', metatype: dto, data: '' })) as T);
          const data = await handler(user, input);
          ack?.({ ok: true, data });
        } catch (error) {
          if (!(error instanceof GraphQLError)) this.logger.error(`Socket event ${event} failed: ${(error as Error).stack ?? error}`);
          ack?.({ ok: false, error: toSocketError(error) });
        }
      })();
    });
  }

  private scheduleExpiry(socket: KindredSocket): void {
    clearTimeout(this.expiryTimers.get(socket.id));
    const ms = Math.max(0, socket.data.user.expiresAt - Date.now());
    const timer = setTimeout(() => this.expire(socket), ms);
    timer.unref();
    this.expiryTimers.set(socket.id, timer);
  }

  private expire(socket: KindredSocket): void {
    (socket as unknown as Socket).emit(SOCKET_EVENTS.sessionExpired, {});
    socket.disconnect(true);
  }
}
