import { buildSchema, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { operationComplexity, operationDepth } from './query-limits.util';

const schema = buildSchema(`
  type Query { me: User  users(first: Int = 20): UserPage!  count: Int! }
  type Mutation { rename(name: String!): User! }
  type UserPage { nodes: [User!]!  total: Int! }
  type User { id: ID!  name: String!  friend: User  pets(first: Int): [Pet!]! }
  type Pet { id: ID!  name: String! }
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return { depth: operationDepth(document, operation), ...operationComplexity(schema, document, operation, variables) };
}

describe('query depth', () => {
  it('counts fields on the longest path, through fragments', () => {
    expect(measure('{ me { id } }').depth).toBe(2);
    expect(measure('{ me { friend { friend { id } } } count }').depth).toBe(4);
    expect(measure('{ me { ...F } } fragment F on User { friend { ... on User { friend { name } } } }').depth).toBe(4);
  });

  it('measures only the operation asked for and ignores introspection', () => {
    const document = parse('query A { me { id } } query B { me { friend { friend { id } } } }');
    const [a, b] = document.definitions as OperationDefinitionNode[];
    expect(operationDepth(document, a!)).toBe(2);
    expect(operationDepth(document, b!)).toBe(4);
    expect(measure('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }').depth).toBe(0);
  });
});

describe('query complexity', () => {
  it('charges root fields and objects, not scalars inside objects', () => {
    expect(measure('{ count }')).toMatchObject({ complexity: 1 });
    expect(measure('{ me { id name } }')).toMatchObject({ complexity: 1 });
    expect(measure('{ me { friend { id } } }')).toMatchObject({ complexity: 2 });
    expect(measure('{ a: count b: count c: count }')).toMatchObject({ complexity: 3 });
  });

  it('weights lists by `first`, from literals, variables or the default', () => {
    expect(measure('{ users(first: 10) { nodes { id } total } }')).toMatchObject({ complexity: 1 + 10 * 1 });
    expect(measure('{ users { nodes { id friend { id } } } }')).toMatchObject({ complexity: 1 + 20 * 2 });
    expect(measure('query($n: Int) { users(first: $n) { nodes { pets(first: 5) { id } } } }', { n: 3 })).toMatchObject({
      complexity: 1 + 3 * (1 + (1 + 5 * 0)),
    });
  });

  it('leaves invalid variables to execution', () => {
    expect(measure('query($n: Int!) { users(first: $n) { total } }', {})).toEqual({ depth: 2, variablesInvalid: true });
  });

  it('gives up counting beyond 10,000 selections', () => {
    const fields = Array.from({ length: 10_001 }, (_, i) => `c${i}: count`).join(' ');
    expect(measure(`{ ${fields} }`)).toEqual({ depth: 1, tooManyNodes: true });
  });
});
