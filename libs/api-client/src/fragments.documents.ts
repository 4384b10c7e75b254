import { gql } from '@apollo/client';

export const ACCOUNT_FIELDS = gql`
  fragment AccountFields on Account {
    id
    email
    displayName
    profession
    specialty
    organisation
    bio
    role
    createdAt
  }
`;

export const AUTH_PAYLOAD_FIELDS = gql`
  fragment AuthPayloadFields on AuthPayload {
    accessToken
    accessTokenExpiresAt
    refreshToken
    account {
      ...AccountFields
    }
  }
  ${ACCOUNT_FIELDS}
`;

export const PROJECT_FIELDS = gql`
  fragment ProjectFields on Project {
    id
    title
    summary
    themes {
      id
      label
      group
    }
    stage
    location {
      lat
      lng
    }
    exactLocation {
      lat
      lng
    }
    locationPrecision
    placeName
    seekingCollaborators
    links
    owner {
      id
      displayName
      profession
      professionLabel
      specialty
      organisation
      role
    }
    isMine
    createdAt
    updatedAt
  }
`;
