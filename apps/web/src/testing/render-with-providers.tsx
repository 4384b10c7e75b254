import './jsdom-polyfills';
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter, Route, Routes, useLocation, type InitialEntry, type Location } from 'react-router';
import { createCache } from '../apollo/create-apollo-client';
import { AuthContext, type AuthContextValue } from '../auth/AuthContext';
import { accountFixture } from './fixtures';

export function fakeAuth(overrides: Partial<AuthContextValue> = {}): AuthContextValue {
  return {
    status: 'signed-in',
    account: accountFixture(),
    signedIn: jest.fn(),
    signOut: jest.fn(async () => undefined),
    accountDeleted: jest.fn(),
    accountChanged: jest.fn(),
    ...overrides,
  };
}

interface Options {
  mocks?: readonly MockLink.MockedResponse[];
  /** The URL (or location with state) to start at. */
  route?: InitialEntry;
  /** The route pattern the element is mounted at, e.g. "/projects/:id". */
  path?: string;
  auth?: AuthContextValue;
}

/** Renders inside Apollo mocks, a memory router and a fake auth context; `location()` tells where we are. */
export function renderWithProviders(ui: ReactElement, { mocks = [], route = '/', path = '*', auth = fakeAuth() }: Options = {}) {
  const current: { location: Location | null } = { location: null };
  function LocationProbe() {
    current.location = useLocation();
    return null;
  }
  const result = render(
    <MockedProvider mocks={mocks} cache={createCache()} mockLinkDefaultOptions={{ delay: 0 }}>
      <AuthContext.Provider value={auth}>
        <MemoryRouter initialEntries={[route]}>
          <LocationProbe />
          <Routes>
            <Route path={path} element={ui} />
            {path === '*' ? null : <Route path="*" element={<p>Elsewhere</p>} />}
          </Routes>
        </MemoryRouter>
      </AuthContext.Provider>
    </MockedProvider>,
  );
  return {
    ...result,
    auth,
    location: (): Location => {
      if (!current.location) throw new Error('router did not render');
      return current.location;
    },
  };
}
