import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { PlacesModule } from '../places/places.module';
import { ProjectsModule } from '../projects/projects.module';
import { AlertMatchingService } from './alert-matching.service';
import { AlertEntity } from './alert.entity';
import { AlertsResolver } from './alerts.resolver';
import { AlertsService } from './alerts.service';

/**
 * Owns `alerts`: saved areas (a centre and radius, or a UK nation) with optional themes. When a
 * project is registered or moved, ProjectsModule announces it through ProjectEventsService and
 * AlertMatchingService notifies the owners of matching alerts (NotificationsModule). The
 * dependency runs one way, alerts → projects, so ProjectsModule never imports this module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AlertEntity]), ProjectsModule, PlacesModule, NotificationsModule],
  providers: [AlertsService, AlertsResolver, AlertMatchingService],
  exports: [AlertsService],
})
export class AlertsModule {}
