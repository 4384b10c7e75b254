import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import type { PeerConnection, ProjectConnection } from '@kindred/api-client';
import { createAuthLink, type SessionForLink } from '../auth/auth-link';

/**
 * Explore pages share one cached list per filter, and peer searches one per search input: a
 * query without `after` starts it afresh, "Load more" (with `after`) appends the next page.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          projects: {
            keyArgs: ['filter'],
            merge(existing: ProjectConnection | undefined, incoming: ProjectConnection, { args }) {
              if (!existing || !args?.['after']) return incoming;
              return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
            },
          },
          peers: {
            keyArgs: ['input'],
            merge(existing: PeerConnection | undefined, incoming: PeerConnection, { args }) {
              if (!existing || !args?.['after']) return incoming;
              return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
            },
          },
        },
      },
    },
  });
}

export function createApolloClient(session: SessionForLink, uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([createAuthLink(session), new HttpLink({ uri })]),
    cache: createCache(),
  });
}
