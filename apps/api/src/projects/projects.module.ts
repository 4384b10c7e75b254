import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectEntity } from './project.entity';
import { ThemeEntity } from './theme.entity';
import { ThemesResolver } from './themes.resolver';
import { DemoSeedService } from './seed/demo-seed.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProjectEntity, ThemeEntity])],
  providers: [ThemesResolver, DemoSeedService],
})
export class ProjectsModule {}
