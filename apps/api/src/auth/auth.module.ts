import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CliniciansModule } from '../clinicians/clinicians.module';
import { ProjectsModule } from '../projects/projects.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { DataExportResolver } from './data-export.resolver';
import { DataExportService } from './data-export.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { TokensService } from './tokens.service';

/** Owns `refresh_tokens`: sign-up, sign-in, sessions, account deletion and data export. */
@Module({
  imports: [TypeOrmModule.forFeature([RefreshTokenEntity]), CliniciansModule, ProjectsModule],
  providers: [AuthService, AuthResolver, TokensService, DataExportService, DataExportResolver],
  exports: [TokensService],
})
export class AuthModule {}
