import type { ReportReason } from '@kindred/domain';
import type { Clinician } from './account.types';
import type { PageInfo } from './project.types';

/** A report is open until a moderator resolves it (mirrors apps/api/src/moderation/moderation.constant.ts). */
export const REPORT_STATUSES = ['open', 'actioned', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What a moderator may do with an open report. */
export const MODERATION_ACTIONS = ['dismiss', 'hide', 'suspend'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** Characters in a moderator's note (a report's details use MESSAGING_LIMITS.reportDetailsMax). */
export const RESOLUTION_NOTE_MAX = 1000;

/** A person as the queue shows them. */
export type ReportPerson = Pick<Clinician, 'id' | 'displayName' | 'professionLabel' | 'role'> & { readonly __typename?: 'Clinician' };

/** The reported message, as a moderator sees it (its text even when hidden). */
export interface ReportedMessage {
  readonly __typename?: 'Message';
  readonly id: string;
  readonly conversationId: string;
  readonly body: string | null;
  /** ISO 8601 date-times. */
  readonly createdAt: string;
  readonly deletedAt: string | null;
  readonly hiddenAt: string | null;
}

/** The reported project, as a moderator sees it (even when hidden). */
export interface ReportedProject {
  readonly __typename?: 'Project';
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly hiddenAt: string | null;
}

export interface Report {
  readonly __typename?: 'Report';
  readonly id: string;
  readonly reason: ReportReason;
  readonly details: string | null;
  readonly status: ReportStatus;
  /** The moderator's note once resolved. */
  readonly resolution: string | null;
  /** ISO 8601 date-times. */
  readonly createdAt: string;
  readonly resolvedAt: string | null;
  /** Null once the reporter's account is deleted. */
  readonly reporter: ReportPerson | null;
  /** Exactly one of message and project. */
  readonly message: ReportedMessage | null;
  readonly project: ReportedProject | null;
  /** Who wrote the message or owns the project. */
  readonly targetAuthor: ReportPerson | null;
}

export interface ReportConnection {
  readonly __typename?: 'ReportConnection';
  readonly nodes: readonly Report[];
  readonly pageInfo: PageInfo;
}

/** Exactly one of messageId and projectId. */
export type ReportTarget = { readonly messageId: string; readonly projectId?: never } | { readonly projectId: string; readonly messageId?: never };

export type ReportInput = ReportTarget & {
  reason: ReportReason;
  details?: string | null;
};

export interface ResolveReportInput {
  reportId: string;
  action: ModerationAction;
  note?: string | null;
}

/** Someone I have blocked. */
export interface BlockedUser {
  readonly __typename?: 'BlockedUser';
  readonly user: Clinician;
  /** ISO 8601 date-time. */
  readonly blockedAt: string;
}
