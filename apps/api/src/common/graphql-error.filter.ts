import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Coded GraphQL errors (bad input, forbidden, not found…) are answers, not failures: hand them to
 * Apollo as they are instead of letting Nest log each one as an unexpected error with a stack.
 */
@Catch(GraphQLError)
export class GraphQLErrorPassthroughFilter implements GqlExceptionFilter {
  catch(exception: GraphQLError): GraphQLError {
    return exception;
  }
}
