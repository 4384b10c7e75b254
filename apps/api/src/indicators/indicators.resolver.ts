import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { GapLayerArgs } from './dto/gap-layer.args';
import { ImportIndicatorInput } from './dto/import-indicator.input';
import { GapLayerService } from './gap-layer.service';
import { IndicatorsService } from './indicators.service';
import { GapLayer } from './models/gap-layer.model';
import { Indicator } from './models/indicator.model';
import { IndicatorImport } from './models/indicator-import.model';

@Resolver()
export class IndicatorsResolver {
  constructor(
    private readonly indicatorsService: IndicatorsService,
    private readonly gaps: GapLayerService,
    private readonly audit: AuditService,
  ) {}

  @Public()
  @Query(() => [Indicator], { description: 'Need indicators that can be shown under the map, by name.' })
  indicators(): Promise<Indicator[]> {
    return this.indicatorsService.list();
  }

  @Public()
  @Query(() => GapLayer, { description: 'Need against registered action per area of an indicator, with hexagons to draw it.' })
  gapLayer(@Args() args: GapLayerArgs): Promise<GapLayer> {
    return this.gaps.gapLayer(args.indicatorId, args.filter);
  }

  @Roles('admin')
  @Mutation(() => IndicatorImport, { description: 'Admin only: imports a need indicator from CSV, all or nothing.' })
  async importIndicator(@CurrentUser() user: AuthUser, @Args('input') input: ImportIndicatorInput): Promise<IndicatorImport> {
    const { csv, ...meta } = input;
    const result = await this.indicatorsService.import(meta, csv, user.id);
    await this.audit.record({
      actorId: user.id,
      action: 'indicator.import',
      targetType: 'indicator',
      targetId: result.indicator.id,
      details: { name: result.indicator.name, importedAreas: result.importedAreas, skipped: result.skipped.length },
    });
    return result;
  }

  @Roles('admin')
  @Mutation(() => Boolean, { description: 'Admin only: deletes an indicator and its areas.' })
  async deleteIndicator(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    const name = (await this.indicatorsService.list()).find((i) => i.id === id)?.name ?? null;
    await this.indicatorsService.delete(id);
    this.gaps.forget(id);
    await this.audit.record({ actorId: user.id, action: 'indicator.delete', targetType: 'indicator', targetId: id, details: { name } });
    return true;
  }
}
