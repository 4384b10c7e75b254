import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CliniciansModule } from '../clinicians/clinicians.module';
import { PlacesModule } from '../places/places.module';
import { ProjectEntity } from './project.entity';
import { ProjectEventsService } from './project-events.service';
import { ClinicianProjectsResolver } from './clinician-projects.resolver';
import { ProjectsResolver } from './projects.resolver';
import { ProjectsService } from './projects.service';
import { ThemeEntity } from './theme.entity';
import { ThemesResolver } from './themes.resolver';
import { DemoSeedService } from './seed/demo-seed.service';

/** Owns `projects` and `themes`: registration, locations (with privacy rounding), search. */
@Module({
  imports: [TypeOrmModule.forFeature([ProjectEntity, ThemeEntity]), CliniciansModule, PlacesModule],
  providers: [ProjectsService, ProjectEventsService, ProjectsResolver, ClinicianProjectsResolver, ThemesResolver, DemoSeedService],
  exports: [ProjectsService, ProjectEventsService, DemoSeedService],
})
export class ProjectsModule {}
