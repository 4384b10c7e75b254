import { Injectable, Logger } from '@nestjs/common';
import type { Server } from 'socket.io';
import { SOCKET_EVENTS } from '@kindred/domain';
import type { AttachedAdapter } from './socket-adapter';

export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
export const userRoom = (userId: string) => `user:${userId}`;

/**
 * The one way the rest of the API reaches live sockets. The gateway hands it the socket.io server
 * once it is up; every call goes through rooms, so with an adapter (issue: several instances) it
 * reaches sockets on every instance. Before the server exists (commands, tests without HTTP) calls
 * are no-ops: what is stored is the truth, and clients catch up with `sync`.
 */
@Injectable()
export class RealtimeService {
  private readonly logger = new Logger(RealtimeService.name);
  private server: Server | null = null;
  private adapter: AttachedAdapter | null = null;

  attach(server: Server, adapter: AttachedAdapter | null = null): void {
    this.server = server;
    this.adapter = adapter;
  }

  /** Which fan-out is in use and whether its backbone is reachable (health and metrics). */
  fanOut(): { kind: string; healthy: boolean } {
    return { kind: this.adapter?.kind ?? 'none', healthy: this.adapter?.healthy() ?? true };
  }

  /** Sockets connected to this instance. */
  localConnections(): number {
    return this.server?.engine.clientsCount ?? 0;
  }

  get io(): Server | null {
    return this.server;
  }

  /** To every socket in the conversation's room, except the sockets of `exceptUserIds`. */
  toConversation(conversationId: string, event: string, payload: unknown, exceptUserIds: readonly string[] = []): void {
    if (!this.server) return;
    let target = this.server.to(conversationRoom(conversationId));
    if (exceptUserIds.length) target = target.except(exceptUserIds.map(userRoom));
    target.emit(event, payload);
  }

  /** To every socket (tab, device) of these users. */
  toUsers(userIds: readonly string[], event: string, payload: unknown): void {
    if (!this.server || !userIds.length) return;
    this.server.to(userIds.map(userRoom)).emit(event, payload);
  }

  /** Puts every socket of these users into the conversation's room (they joined it). */
  joinConversation(userIds: readonly string[], conversationId: string): void {
    if (!this.server || !userIds.length) return;
    this.server.in(userIds.map(userRoom)).socketsJoin(conversationRoom(conversationId));
  }

  /** Takes every socket of these users out of the room at once (they left or were removed). */
  leaveConversation(userIds: readonly string[], conversationId: string, reason: string): void {
    if (!this.server || !userIds.length) return;
    const rooms = userIds.map(userRoom);
    this.server.in(rooms).socketsLeave(conversationRoom(conversationId));
    this.server.to(rooms).emit(SOCKET_EVENTS.conversationRemoved, { conversationId, reason });
  }

  /** Ends every live session of a user (suspended or deleted). */
  disconnectUser(userId: string, reason = 'ended'): void {
    if (!this.server) return;
    this.server.to(userRoom(userId)).emit(SOCKET_EVENTS.sessionExpired, { reason });
    this.server.in(userRoom(userId)).disconnectSockets(true);
  }

  /** Of these users, those with a socket connected on any instance (one adapter request for all). */
  async onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    const online = new Set<string>();
    if (!this.server || !userIds.length) return online;
    if ((this.adapter?.kind ?? 'none') === 'none') {
      // One instance: its rooms are the whole truth, read in place (fetchSockets builds a list of
      // every socket for what is, per message sent, a few lookups).
      const nsp = this.server.of('/');
      for (const id of userIds) {
        for (const socketId of nsp.adapter.rooms.get(userRoom(id)) ?? []) {
          if (nsp.sockets.has(socketId)) {
            online.add(id);
            break;
          }
        }
      }
      return online;
    }
    try {
      const sockets = await this.server.in(userIds.map(userRoom)).fetchSockets();
      for (const socket of sockets) {
        const id = (socket.data as { user?: { id?: string } } | undefined)?.user?.id;
        if (id) online.add(id);
      }
    } catch (error) {
      this.logger.warn(`Presence check failed: ${(error as Error).message}`);
    }
    return online;
  }
}
