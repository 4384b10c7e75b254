import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse, GraphQLRequestListener } from '@apollo/server';
import { MetricsService } from './metrics.service';

/** Counts every GraphQL operation by name, type and outcome, refusals (limits, rate limits) included. */
@Plugin()
export class GraphqlMetricsPlugin implements ApolloServerPlugin {
  constructor(private readonly metrics: MetricsService) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const metrics = this.metrics;
    return {
      async willSendResponse(ctx: GraphQLRequestContextWillSendResponse<object>): Promise<void> {
        const body = ctx.response.body;
        const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
        const code = errors?.length ? errors[0]?.extensions?.['code'] : undefined;
        const outcome = errors?.length ? (typeof code === 'string' ? code : 'ERROR') : 'ok';
        const name = ctx.operationName ?? ctx.request.operationName ?? null;
        metrics.countOperation(name, ctx.operation?.operation ?? 'unknown', outcome);
      },
    };
  }
}
