import { gql, type TypedDocumentNode } from '@apollo/client';
import type { BlockedUser, Report, ReportConnection, ReportInput, ReportStatus, ResolveReportInput } from './moderation.types';

export const REPORT_FIELDS = gql`
  fragment ReportFields on Report {
    id
    reason
    details
    status
    resolution
    createdAt
    resolvedAt
    reporter {
      id
      displayName
      professionLabel
      role
    }
    targetAuthor {
      id
      displayName
      professionLabel
      role
    }
    message {
      id
      conversationId
      body
      createdAt
      deletedAt
      hiddenAt
    }
    project {
      id
      title
      summary
      hiddenAt
    }
  }
`;

export interface ModerationQueueVariables {
  status?: ReportStatus;
  first?: number;
  after?: string | null;
}

/** Admin only: open reports oldest first, resolved ones newest first. */
export const MODERATION_QUEUE: TypedDocumentNode<{ moderationQueue: ReportConnection }, ModerationQueueVariables> = gql`
  query ModerationQueue($status: String, $first: Int, $after: String) {
    moderationQueue(status: $status, first: $first, after: $after) {
      nodes {
        ...ReportFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${REPORT_FIELDS}
`;

/** A report of a message or a project; a repeat while mine is open returns it. */
export const REPORT_CONTENT: TypedDocumentNode<{ reportContent: Pick<Report, 'id' | 'status' | 'reason'> }, { input: ReportInput }> = gql`
  mutation ReportContent($input: ReportInput!) {
    reportContent(input: $input) {
      id
      status
      reason
    }
  }
`;

/** Admin only: dismiss, hide the content, or suspend its author. */
export const RESOLVE_REPORT: TypedDocumentNode<{ resolveReport: Report }, { input: ResolveReportInput }> = gql`
  mutation ResolveReport($input: ResolveReportInput!) {
    resolveReport(input: $input) {
      ...ReportFields
    }
  }
  ${REPORT_FIELDS}
`;

/** For the owner of a project: when a moderator hid it (null for everyone else, and when shown). */
export const PROJECT_MODERATION_STATUS: TypedDocumentNode<{ project: { readonly __typename?: 'Project'; readonly id: string; readonly hiddenAt: string | null } }, { id: string }> = gql`
  query ProjectModerationStatus($id: ID!) {
    project(id: $id) {
      id
      hiddenAt
    }
  }
`;

/** The people I have blocked, most recent first. */
export const MY_BLOCKS: TypedDocumentNode<{ myBlocks: BlockedUser[] }, Record<string, never>> = gql`
  query MyBlocks {
    myBlocks {
      blockedAt
      user {
        id
        displayName
        profession
        professionLabel
        specialty
        organisation
        role
      }
    }
  }
`;

export const BLOCK_USER: TypedDocumentNode<{ blockUser: boolean }, { userId: string }> = gql`
  mutation BlockUser($userId: ID!) {
    blockUser(userId: $userId)
  }
`;

/** False when there was no such block. */
export const UNBLOCK_USER: TypedDocumentNode<{ unblockUser: boolean }, { userId: string }> = gql`
  mutation UnblockUser($userId: ID!) {
    unblockUser(userId: $userId)
  }
`;
