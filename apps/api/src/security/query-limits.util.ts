import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLSchema,
  isLeafType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { type ComplexityEstimator, fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';
import { LIMITS } from '@kindred/domain';

/**
 * Depth of an operation: the most fields on one path from the root, fragments followed
 * (`{ me { id } }` is 2). Introspection fields (`__schema`, `__type`) are not counted: they are
 * off in production and their standard query is deeper than any page needs.
 */
export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const depthOf = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>): number => {
    if (!set) return 0;
    let max = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        max = Math.max(max, 1 + depthOf(selection.selectionSet, seen));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, depthOf(selection.selectionSet, seen));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Validation refuses fragment cycles; `seen` only guards this walk if it ever runs first.
        if (fragment && !seen.has(name)) max = Math.max(max, depthOf(fragment.selectionSet, new Set([...seen, name])));
      }
    }
    return max;
  };
  return depthOf(operation.selectionSet, new Set());
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * The cost of a field is roughly the work it causes: 1 for every root field (each runs a
 * resolver, usually a query) and every field returning objects, 0 for a scalar inside an object,
 * plus its children. A paginated field (with a `first` argument) costs its children once per
 * requested row: `projects(first: 100) { nodes { id owner { id } } }` is 1 + 100 × 2. Rows count
 * up to the usual page cap (100): each field's own cap on `first` is checked by validation, which
 * should be the one to refuse `first: 501` (BAD_USER_INPUT on `first`); the limit here is for
 * nesting and aliases multiplying the work.
 */
export function paginationEstimator(): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (field.name.startsWith('__')) return 0;
    const own = isLeafType(getNamedType(field.type)) && !ROOT_TYPES.has(type.name) ? 0 : 1;
    if (!field.args.some((a) => a.name === 'first')) return own + childComplexity;
    const first = args['first'];
    const declared = field.args.find((a) => a.name === 'first')?.defaultValue;
    const rows = typeof first === 'number' ? first : typeof declared === 'number' ? declared : LIMITS.page.defaultSize;
    return own + Math.min(Math.max(1, rows), LIMITS.page.maxSize) * childComplexity;
  };
}

/** Beyond this many selections the count stops and the query is too complex whatever its weights. */
export const MAX_QUERY_NODES = 10_000;

export type ComplexityResult = { complexity: number } | { tooManyNodes: true } | { variablesInvalid: true };

/**
 * The operation's complexity, an explicit `complexity` on a field (`@Field({ complexity })`)
 * winning over the estimate. Invalid variables are left to execution, which refuses the whole
 * operation before running anything.
 */
export function operationComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): ComplexityResult {
  try {
    const complexity = getComplexity({
      schema,
      query: { ...document, definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === operation) },
      variables: variables ?? {},
      estimators: [fieldExtensionsEstimator(), paginationEstimator()],
      maxQueryNodes: MAX_QUERY_NODES,
    });
    return { complexity };
  } catch (error) {
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) return { tooManyNodes: true };
    return { variablesInvalid: true };
  }
}
