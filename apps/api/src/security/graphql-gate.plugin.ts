import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Plugin } from '@nestjs/apollo';
import {
  type ApolloServerPlugin,
  type GraphQLRequestContext,
  type GraphQLRequestContextDidResolveOperation,
  type GraphQLRequestListener,
  HeaderMap,
} from '@apollo/server';
import { type DocumentNode, type FieldNode, Kind, type OperationDefinitionNode, type SelectionSetNode, valueFromASTUntyped } from 'graphql';
import { ERROR_CODES } from '@kindred/domain';
import type { AccessTokenPayload } from '../auth/auth-user';
import { type AuthedRequest, bearerToken } from '../auth/request.util';
import { apiError } from '../common/graphql-errors.util';
import { AppConfigService } from '../config/app-config.service';
import { rateLimitAddress } from './client-address.util';
import { loadAllowlist, type OperationAllowlist, sha256Hex } from './operation-allowlist.util';
import { operationComplexity, operationDepth, MAX_QUERY_NODES } from './query-limits.util';
import { RATE_LIMIT_WINDOWS } from './rate-limit.constant';
import { type RateLimitRule, RateLimitService } from './rate-limit.service';

type GatewayContext = { req?: AuthedRequest };

/** Remembered allow-list verdicts by Apollo's hash of the raw query text, so each text is normalised once. */
const VERDICT_CACHE_SIZE = 2000;

/**
 * The checks every GraphQL operation passes before any resolver runs, in this order (one plugin,
 * so they run in sequence and a refused request counts against no limit it did not reach):
 * 1. the allow-list (GRAPHQL_ALLOWLIST, off by default): OPERATION_NOT_ALLOWED;
 * 2. depth (GRAPHQL_MAX_DEPTH): QUERY_TOO_DEEP;
 * 3. complexity (GRAPHQL_MAX_COMPLEXITY): QUERY_TOO_COMPLEX;
 * 4. for mutations, the rate limits (sign-in, sign-up, writes per user): RATE_LIMITED with
 *    `retryAfterSeconds` and a Retry-After header.
 * Refusing in `didResolveOperation` means nothing executes, so a refused mutation changes nothing.
 */
@Plugin()
export class GraphqlGatePlugin implements ApolloServerPlugin<GatewayContext> {
  private readonly logger = new Logger('GraphQLGate');
  private readonly allowlist: OperationAllowlist | null;
  private readonly verdicts = new Map<string, boolean>();
  private readonly maxDepth: number;
  private readonly maxComplexity: number;

  constructor(
    private readonly config: AppConfigService,
    private readonly rateLimits: RateLimitService,
    private readonly jwt: JwtService,
  ) {
    const path = config.get('GRAPHQL_ALLOWLIST');
    this.allowlist = path ? loadAllowlist(path) : null;
    if (this.allowlist) this.logger.log(`GraphQL allow-list on: ${this.allowlist.size} operations from ${path}`);
    this.maxDepth = config.get('GRAPHQL_MAX_DEPTH');
    this.maxComplexity = config.get('GRAPHQL_MAX_COMPLEXITY');
  }

  async requestDidStart(ctx: GraphQLRequestContext<GatewayContext>): Promise<GraphQLRequestListener<GatewayContext>> {
    this.fillPersistedQuery(ctx);
    return {
      didResolveOperation: async (resolved) => {
        const operation = resolved.operation;
        // No operation chosen: execution refuses the request by itself.
        if (!operation) return;
        this.checkAllowlist(resolved);
        this.checkDepth(resolved.document, operation);
        this.checkComplexity(resolved, operation);
        if (operation.operation === 'mutation') await this.checkRateLimits(resolved, operation);
      },
    };
  }

  /** A listed operation may be sent by hash alone (Apollo's `extensions.persistedQuery.sha256Hash`). */
  private fillPersistedQuery(ctx: GraphQLRequestContext<GatewayContext>): void {
    const persisted = ctx.request.extensions?.['persistedQuery'] as { sha256Hash?: unknown } | undefined;
    if (!this.allowlist || ctx.request.query || typeof persisted?.sha256Hash !== 'string') return;
    const document = this.allowlist.documentFor(persisted.sha256Hash);
    // Its hash is the SHA-256 of exactly this text, so Apollo's own persisted-query check agrees.
    if (document) ctx.request.query = document;
  }

  private checkAllowlist(ctx: GraphQLRequestContextDidResolveOperation<GatewayContext>): void {
    if (!this.allowlist) return;
    const key = ctx.queryHash ?? sha256Hex(ctx.source);
    let allowed = this.verdicts.get(key);
    if (allowed === undefined) {
      allowed = this.allowlist.allows(ctx.document);
      if (this.verdicts.size >= VERDICT_CACHE_SIZE) this.verdicts.clear();
      this.verdicts.set(key, allowed);
    }
    if (!allowed) {
      throw apiError(ERROR_CODES.operationNotAllowed, 'This operation is not on the server’s list of allowed operations.', undefined, {
        http: { status: 400 },
      });
    }
  }

  private checkDepth(document: DocumentNode, operation: OperationDefinitionNode): void {
    const depth = operationDepth(document, operation);
    if (depth <= this.maxDepth) return;
    throw apiError(ERROR_CODES.queryTooDeep, `Query depth ${depth} exceeds the limit of ${this.maxDepth}.`, undefined, {
      depth,
      maxDepth: this.maxDepth,
      http: { status: 400 },
    });
  }

  private checkComplexity(ctx: GraphQLRequestContextDidResolveOperation<GatewayContext>, operation: OperationDefinitionNode): void {
    const result = operationComplexity(ctx.schema, ctx.document, operation, ctx.request.variables);
    if ('variablesInvalid' in result) return;
    const complexity = 'tooManyNodes' in result ? null : result.complexity;
    if (complexity !== null && complexity <= this.maxComplexity) return;
    const message =
      complexity === null
        ? `Query has more than ${MAX_QUERY_NODES} selections; the complexity limit is ${this.maxComplexity}.`
        : `Query complexity ${complexity} exceeds the limit of ${this.maxComplexity}.`;
    throw apiError(ERROR_CODES.queryTooComplex, message, undefined, {
      complexity,
      maxComplexity: this.maxComplexity,
      http: { status: 400 },
    });
  }

  private async checkRateLimits(ctx: GraphQLRequestContextDidResolveOperation<GatewayContext>, operation: OperationDefinitionNode): Promise<void> {
    if (!this.config.get('RATE_LIMITS_ENABLED')) return;
    const req = ctx.contextValue.req;
    const ip = rateLimitAddress(req?.ip);
    const fields = rootFields(ctx.document, operation.selectionSet);
    const variables = ctx.request.variables ?? {};
    const rules: RateLimitRule[] = [];
    let writes = 0;
    for (const field of fields) {
      const name = field.name.value;
      if (name === 'signIn') {
        const email = emailArgument(field, variables);
        rules.push(
          { key: `sign-in:ip-email:${ip}:${sha256Hex(email).slice(0, 32)}`, limit: this.config.get('RATE_LIMIT_SIGN_IN_PER_EMAIL'), windowSeconds: RATE_LIMIT_WINDOWS.signInSeconds, cost: 1 },
          { key: `sign-in:ip:${ip}`, limit: this.config.get('RATE_LIMIT_SIGN_IN_PER_IP'), windowSeconds: RATE_LIMIT_WINDOWS.signInSeconds, cost: 1 },
        );
      } else if (name === 'signUp') {
        rules.push({ key: `sign-up:ip:${ip}`, limit: this.config.get('RATE_LIMIT_SIGN_UP_PER_IP'), windowSeconds: RATE_LIMIT_WINDOWS.signUpSeconds, cost: 1 });
      } else {
        writes += 1;
      }
    }
    const userId = writes ? await this.userIdOf(req) : null;
    if (userId) {
      rules.push({ key: `mutation:user:${userId}`, limit: this.config.get('RATE_LIMIT_MUTATIONS_PER_USER'), windowSeconds: RATE_LIMIT_WINDOWS.mutationSeconds, cost: writes });
    }
    const refusal = await this.rateLimits.consume(rules);
    if (!refusal) return;
    const wait = refusal.retryAfterSeconds;
    const when = wait >= 90 ? `${Math.ceil(wait / 60)} minutes` : `${wait} seconds`;
    const what = refusal.key.startsWith('sign-in') ? 'sign-in attempts' : refusal.key.startsWith('sign-up') ? 'sign-ups from this network' : 'changes';
    throw apiError(ERROR_CODES.rateLimited, `Too many ${what}; try again in ${when}.`, undefined, {
      retryAfterSeconds: wait,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(wait)]]) },
    });
  }

  /**
   * Who is asking, from the access token alone (the auth guard runs later, during execution).
   * An invalid token counts as anonymous here; the guard then refuses the operation anyway.
   */
  private async userIdOf(req: AuthedRequest | undefined): Promise<string | null> {
    const token = bearerToken(req?.headers.authorization);
    if (!token) return null;
    try {
      const payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
      return payload.typ === 'access' && typeof payload.sub === 'string' ? payload.sub : null;
    } catch {
      return null;
    }
  }
}

/** The root fields of an operation, through fragments and inline fragments (aliases count each). */
function rootFields(document: DocumentNode, set: SelectionSetNode, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...rootFields(document, selection.selectionSet, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) fields.push(...rootFields(document, fragment.selectionSet, seen));
    }
  }
  return fields;
}

/** `signIn(input: { email })`'s email, from a literal or variables, trimmed and lower-cased. */
function emailArgument(field: FieldNode, variables: Record<string, unknown>): string {
  const input = field.arguments?.find((a) => a.name.value === 'input');
  const value = input ? (valueFromASTUntyped(input.value, variables) as { email?: unknown } | null) : null;
  return typeof value?.email === 'string' ? value.email.trim().toLowerCase() : '';
}
