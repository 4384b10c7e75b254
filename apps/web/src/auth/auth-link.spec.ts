import { ApolloClient, ApolloLink, gql, InMemoryCache } from '@apollo/client';
import { Observable } from 'rxjs';
import { createAuthLink, type SessionForLink } from './auth-link';

const MY_THING = gql`
  query MyThing {
    myThing
  }
`;

type Reply = ApolloLink.Result;
const ok: Reply = { data: { myThing: 'yes' } };
const unauthenticated: Reply = {
  data: null,
  errors: [{ message: 'Sign in to do this.', extensions: { code: 'UNAUTHENTICATED' } }],
};

/** A pretend server: answers each request with the next reply and records the Authorization header. */
function fakeServer(replies: Reply[]) {
  const seen: (string | undefined)[] = [];
  const link = new ApolloLink((operation) => {
    const headers = (operation.getContext() as { headers?: Record<string, string> }).headers ?? {};
    seen.push(headers['authorization']);
    const reply = replies.shift() ?? ok;
    return new Observable((observer) => {
      observer.next(reply);
      observer.complete();
    });
  });
  return { link, seen };
}

function fakeSession(token: string | null, refreshTo: string | null) {
  let access = token;
  const session: SessionForLink & { refresh: jest.Mock; end: jest.Mock } = {
    getAccessToken: () => access,
    refresh: jest.fn(async () => {
      if (!refreshTo) return false;
      access = refreshTo;
      return true;
    }),
    end: jest.fn(() => {
      access = null;
    }),
  };
  return session;
}

function clientWith(session: SessionForLink, server: ApolloLink) {
  return new ApolloClient({ link: ApolloLink.from([createAuthLink(session), server]), cache: new InMemoryCache() });
}

describe('auth link', () => {
  it('sends the access token as a bearer token', async () => {
    const { link, seen } = fakeServer([ok]);
    const client = clientWith(fakeSession('abc', null), link);
    const result = await client.query({ query: MY_THING });
    expect(result.data).toEqual({ myThing: 'yes' });
    expect(seen).toEqual(['Bearer abc']);
  });

  it('sends no Authorization header when signed out', async () => {
    const { link, seen } = fakeServer([ok]);
    await clientWith(fakeSession(null, null), link).query({ query: MY_THING });
    expect(seen).toEqual([undefined]);
  });

  it('refreshes once and retries with the new token after UNAUTHENTICATED', async () => {
    const { link, seen } = fakeServer([unauthenticated, ok]);
    const session = fakeSession('expired', 'fresh');
    const result = await clientWith(session, link).query({ query: MY_THING });
    expect(result.data).toEqual({ myThing: 'yes' });
    expect(session.refresh).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['Bearer expired', 'Bearer fresh']);
    expect(session.end).not.toHaveBeenCalled();
  });

  it('does not retry a second time when the retry is refused too, and ends the session', async () => {
    const { link, seen } = fakeServer([unauthenticated, unauthenticated, ok]);
    const session = fakeSession('expired', 'also-bad');
    await expect(clientWith(session, link).query({ query: MY_THING })).rejects.toThrow('Sign in to do this.');
    expect(session.refresh).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(2);
    expect(session.end).toHaveBeenCalledWith('expired');
  });

  it('ends the session as expired when the refresh fails', async () => {
    const { link, seen } = fakeServer([unauthenticated]);
    const session = fakeSession('expired', null);
    await expect(clientWith(session, link).query({ query: MY_THING })).rejects.toThrow('Sign in to do this.');
    expect(seen).toHaveLength(1);
    expect(session.end).toHaveBeenCalledWith('expired');
  });

  it('passes other errors through without refreshing', async () => {
    const forbidden: Reply = { data: null, errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }] };
    const { link } = fakeServer([forbidden]);
    const session = fakeSession('abc', 'fresh');
    await expect(clientWith(session, link).query({ query: MY_THING })).rejects.toThrow('No.');
    expect(session.refresh).not.toHaveBeenCalled();
    expect(session.end).not.toHaveBeenCalled();
  });

  it('lets an operation opt out of the refresh', async () => {
    const { link } = fakeServer([unauthenticated]);
    const session = fakeSession('expired', 'fresh');
    await expect(
      clientWith(session, link).query({ query: MY_THING, context: { skipSessionRefresh: true } }),
    ).rejects.toThrow('Sign in to do this.');
    expect(session.refresh).not.toHaveBeenCalled();
    expect(session.end).not.toHaveBeenCalled();
  });
});
