import { Module } from '@nestjs/common';
import { PlacesResolver } from './places.resolver';
import { PlacesService } from './places.service';

/** The offline UK gazetteer: place search for forms, and name resolution for projects. */
@Module({ providers: [PlacesService, PlacesResolver], exports: [PlacesService] })
export class PlacesModule {}
