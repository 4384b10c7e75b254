import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CliniciansLoader } from './clinicians.loader';
import { CliniciansResolver } from './clinicians.resolver';
import { CliniciansService } from './clinicians.service';
import { UserEntity } from './user.entity';

/** Owns `users`: accounts, public profiles, roles. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  providers: [CliniciansService, CliniciansLoader, CliniciansResolver],
  exports: [CliniciansService, CliniciansLoader],
})
export class CliniciansModule {}
