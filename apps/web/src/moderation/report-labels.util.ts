import type { ModerationAction, Report } from '@kindred/api-client';
import { REPORT_REASONS } from '@kindred/domain';

/** "Spam or advertising" for "spam"; the id itself for a reason this build does not know. */
export function reasonLabel(reason: string): string {
  return REPORT_REASONS.find((r) => r.id === reason)?.label ?? reason;
}

/** "message" or "project": what a report is about. */
export function targetKind(report: Pick<Report, 'message'>): 'message' | 'project' {
  return report.message ? 'message' : 'project';
}

/** The author's name for sentences, or a stand-in once their account is gone. */
function authorName(report: Pick<Report, 'targetAuthor'>): string {
  return report.targetAuthor?.displayName ?? 'The author';
}

export interface ActionCopy {
  /** The button that starts the action. */
  readonly start: string;
  /** The question asked before doing it. */
  readonly question: string;
  /** The button that confirms. */
  readonly confirm: string;
  /** What the page says once it is done. */
  readonly done: string;
}

/** Words for each moderation action on one report, so the buttons, question and outcome agree. */
export function actionCopy(action: ModerationAction, report: Pick<Report, 'message' | 'project' | 'targetAuthor'>): ActionCopy {
  const kind = targetKind(report);
  const what = kind === 'project' && report.project ? `the project “${report.project.title}”` : 'the message';
  switch (action) {
    case 'dismiss':
      return {
        start: 'Dismiss',
        question: `Dismiss this report? ${kind === 'project' ? 'The project' : 'The message'} stays as it is.`,
        confirm: 'Yes, dismiss report',
        done: `Report dismissed: ${what} stays as it is.`,
      };
    case 'hide':
      return {
        start: 'Hide content',
        question:
          kind === 'project'
            ? `Hide ${what} from everyone? It leaves the map, lists and peer results; its owner still sees it, marked as hidden.`
            : 'Hide this message? Members of the conversation see that a moderator hid it.',
        confirm: kind === 'project' ? 'Yes, hide project' : 'Yes, hide message',
        done: `${kind === 'project' ? `The project “${report.project?.title ?? ''}”` : 'The message'} is now hidden.`,
      };
    case 'suspend':
      return {
        start: 'Suspend account',
        question: `Suspend ${authorName(report)}’s account? They are signed out at once and cannot sign in again, and all their projects are hidden.`,
        confirm: 'Yes, suspend account',
        done: `${authorName(report)}’s account is suspended and their projects are hidden.`,
      };
  }
}
