import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Account, UpdateProfileInput } from './account.types';
import { ACCOUNT_FIELDS } from './fragments.documents';

export const UPDATE_PROFILE: TypedDocumentNode<{ updateProfile: Account }, { input: UpdateProfileInput }> = gql`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      ...AccountFields
    }
  }
  ${ACCOUNT_FIELDS}
`;

/** A JSON document (as a string) of everything held about the signed-in user. */
export const EXPORT_MY_DATA: TypedDocumentNode<{ exportMyData: string }, Record<string, never>> = gql`
  query ExportMyData {
    exportMyData
  }
`;

/** Removes the user, their projects and sessions. */
export const DELETE_ACCOUNT: TypedDocumentNode<{ deleteAccount: boolean }, { password: string }> = gql`
  mutation DeleteAccount($password: String!) {
    deleteAccount(password: $password)
  }
`;
