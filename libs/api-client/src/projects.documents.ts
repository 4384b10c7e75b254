import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  Place,
  Project,
  ProjectConnection,
  ProjectFilterInput,
  RegisterProjectInput,
  UpdateProjectInput,
} from './project.types';
import { PROJECT_FIELDS } from './fragments.documents';

/** The signed-in user's projects, newest first. */
export const MY_PROJECTS: TypedDocumentNode<{ myProjects: Project[] }, Record<string, never>> = gql`
  query MyProjects {
    myProjects {
      ...ProjectFields
    }
  }
  ${PROJECT_FIELDS}
`;

/** Public; fails with NOT_FOUND. */
export const PROJECT: TypedDocumentNode<{ project: Project }, { id: string }> = gql`
  query Project($id: ID!) {
    project(id: $id) {
      ...ProjectFields
    }
  }
  ${PROJECT_FIELDS}
`;

export interface ProjectsVariables {
  filter?: ProjectFilterInput | null;
  first?: number;
  after?: string | null;
}

/** Public; cursor-paginated (`first` at most LIMITS.page.maxSize). */
export const PROJECTS: TypedDocumentNode<{ projects: ProjectConnection }, ProjectsVariables> = gql`
  query Projects($filter: ProjectFilterInput, $first: Int, $after: String) {
    projects(filter: $filter, first: $first, after: $after) {
      nodes {
        ...ProjectFields
      }
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${PROJECT_FIELDS}
`;

export const REGISTER_PROJECT: TypedDocumentNode<{ registerProject: Project }, { input: RegisterProjectInput }> = gql`
  mutation RegisterProject($input: RegisterProjectInput!) {
    registerProject(input: $input) {
      ...ProjectFields
    }
  }
  ${PROJECT_FIELDS}
`;

/** Owner only. */
export const UPDATE_PROJECT: TypedDocumentNode<{ updateProject: Project }, { id: string; input: UpdateProjectInput }> = gql`
  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {
    updateProject(id: $id, input: $input) {
      ...ProjectFields
    }
  }
  ${PROJECT_FIELDS}
`;

/** Owner only. */
export const DELETE_PROJECT: TypedDocumentNode<{ deleteProject: boolean }, { id: string }> = gql`
  mutation DeleteProject($id: ID!) {
    deleteProject(id: $id)
  }
`;

/** Public UK gazetteer, best match first. */
export const PLACES: TypedDocumentNode<{ places: Place[] }, { query: string; limit?: number }> = gql`
  query Places($query: String!, $limit: Int) {
    places(query: $query, limit: $limit) {
      id
      name
      region
      lat
      lng
      population
    }
  }
`;
