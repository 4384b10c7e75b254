import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLFormattedError } from 'graphql';
import { AppConfigService } from '../config/app-config.service';

/** Apollo on Express 5, code-first schema. Unexpected errors are masked; coded ones pass through. */
export function graphqlOptions(config: AppConfigService): ApolloDriverConfig {
  const isProd = config.get('NODE_ENV') === 'production';
  return {
    driver: ApolloDriver,
    autoSchemaFile: config.get('GRAPHQL_SCHEMA_FILE') ?? true,
    sortSchema: true,
    playground: false,
    introspection: !isProd,
    path: '/graphql',
    context: ({ req }: { req: unknown }) => ({ req }),
    formatError: (formatted: GraphQLFormattedError): GraphQLFormattedError => {
      const code = formatted.extensions?.['code'];
      if (code === 'INTERNAL_SERVER_ERROR' && isProd) {
        return { message: 'Something went wrong on our side.', extensions: { code } };
      }
      if (!isProd) return formatted;
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    },
  };
}
