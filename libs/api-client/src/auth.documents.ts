import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Account, AuthPayload, SignInInput, SignUpInput } from './account.types';
import { ACCOUNT_FIELDS, AUTH_PAYLOAD_FIELDS } from './fragments.documents';

export const SIGN_UP: TypedDocumentNode<{ signUp: AuthPayload }, { input: SignUpInput }> = gql`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      ...AuthPayloadFields
    }
  }
  ${AUTH_PAYLOAD_FIELDS}
`;

export const SIGN_IN: TypedDocumentNode<{ signIn: AuthPayload }, { input: SignInInput }> = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ...AuthPayloadFields
    }
  }
  ${AUTH_PAYLOAD_FIELDS}
`;

/** Public; rotates the refresh token (the old one stops working). */
export const REFRESH_SESSION: TypedDocumentNode<{ refreshSession: AuthPayload }, { refreshToken: string }> = gql`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...AuthPayloadFields
    }
  }
  ${AUTH_PAYLOAD_FIELDS}
`;

export const SIGN_OUT: TypedDocumentNode<{ signOut: boolean }, { refreshToken: string }> = gql`
  mutation SignOut($refreshToken: String!) {
    signOut(refreshToken: $refreshToken)
  }
`;

export const ME: TypedDocumentNode<{ me: Account }, Record<string, never>> = gql`
  query Me {
    me {
      ...AccountFields
    }
  }
  ${ACCOUNT_FIELDS}
`;
