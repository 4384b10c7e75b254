import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { BrowserRouter } from 'react-router';
import { createApolloClient } from './apollo/create-apollo-client';
import { App } from './App';
import { AccessTokenContext } from './auth/AccessTokenContext';
import { AuthSession, browserStorage } from './auth/auth-session';
import { AuthProvider } from './auth/AuthProvider';
import { requestRefresh } from './auth/refresh-request';
import { MessagingProvider } from './messages/MessagingProvider';

const session = new AuthSession(browserStorage(), (token) => requestRefresh(token));
const client = createApolloClient(session);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <BrowserRouter>
        <AuthProvider session={session}>
          <MessagingProvider session={session}>
            <AccessTokenContext.Provider value={session}>
              <App />
            </AccessTokenContext.Provider>
          </MessagingProvider>
        </AuthProvider>
      </BrowserRouter>
    </ApolloProvider>
  </StrictMode>,
);
