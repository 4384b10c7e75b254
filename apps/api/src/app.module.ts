import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { JwtModule } from '@nestjs/jwt';
import { AppConfigModule } from './config/config.module';
import { AppConfigService } from './config/app-config.service';
import { DatabaseModule } from './database/database.module';
import { graphqlOptions } from './common/graphql.config';
import { AuthGuard } from './auth/auth.guard';
import { GraphQLErrorPassthroughFilter } from './common/graphql-error.filter';
import { resolveJwtSecret } from './auth/jwt-secret.util';
import { HealthModule } from './health/health.module';
import { AuthModule } from './auth/auth.module';
import { CliniciansModule } from './clinicians/clinicians.module';
import { ProjectsModule } from './projects/projects.module';
import { PlacesModule } from './places/places.module';
import { MapModule } from './map/map.module';
import { NotificationsModule } from './notifications/notifications.module';
import { AlertsModule } from './alerts/alerts.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { RealtimeModule } from './realtime/realtime.module';
import { BlocksModule } from './blocks/blocks.module';
import { ConversationsModule } from './conversations/conversations.module';
import { ModerationModule } from './moderation/moderation.module';
import { WebinarsModule } from './webinars/webinars.module';
import { ObservabilityModule } from './observability/observability.module';
import { SecurityModule } from './security/security.module';
import { AuditModule } from './audit/audit.module';

@Module({
  imports: [
    AppConfigModule,
    DatabaseModule,
    JwtModule.registerAsync({
      global: true,
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        secret: resolveJwtSecret(config),
        signOptions: { expiresIn: config.get('ACCESS_TOKEN_TTL_SECONDS') },
      }),
    }),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [AppConfigService],
      useFactory: graphqlOptions,
    }),
    HealthModule,
    CliniciansModule,
    AuthModule,
    PlacesModule,
    ProjectsModule,
    MapModule,
    NotificationsModule,
    AlertsModule,
    IndicatorsModule,
    RealtimeModule,
    BlocksModule,
    ConversationsModule,
    ModerationModule,
    WebinarsModule,
    ObservabilityModule,
    SecurityModule,
    AuditModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: GraphQLErrorPassthroughFilter },
  ],
})
export class AppModule {}
