import { Global, Module } from '@nestjs/common';
import { RealtimeService } from './realtime.service';

/** Owns the handle on the socket.io server (set by the conversations gateway); global so any module may emit. */
@Global()
@Module({
  providers: [RealtimeService],
  exports: [RealtimeService],
})
export class RealtimeModule {}
