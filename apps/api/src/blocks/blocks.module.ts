import { Module } from '@nestjs/common';
import { CliniciansModule } from '../clinicians/clinicians.module';
import { BlocksResolver } from './blocks.resolver';
import { BlocksService } from './blocks.service';

/** Owns `blocks`: who has blocked whom. Used by conversations (delivery, starting) and the peer finder. */
@Module({
  imports: [CliniciansModule],
  providers: [BlocksService, BlocksResolver],
  exports: [BlocksService],
})
export class BlocksModule {}
