import { Link } from 'react-router';
import type { Report } from '@kindred/api-client';
import { formatDate } from '../projects/format.util';
import { ModerationActions } from './ModerationActions';
import { reasonLabel } from './report-labels.util';

interface ReportCardProps {
  report: Report;
  onResolved: (message: string) => void;
}

function person(p: Report['reporter']): string {
  return p ? `${p.displayName} (${p.professionLabel})` : 'A deleted account';
}

/** One open report: what was reported (with its text), by whom, why, and the moderator's choices. */
export function ReportCard({ report, onResolved }: ReportCardProps) {
  const { message, project } = report;
  const titleId = `report-${report.id}-title`;
  return (
    <article className="report-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="report-card__title">
        {project ? (
          <>
            {/* A hidden project's page is its owner's alone. */}
            Project: {project.hiddenAt ? project.title : <Link to={`/projects/${project.id}`}>{project.title}</Link>}
          </>
        ) : (
          'A message in a conversation'
        )}
      </h3>
      <p className="card__meta">
        <span className="badge badge--reason">{reasonLabel(report.reason)}</span>
        {project?.hiddenAt || message?.hiddenAt ? <span className="badge badge--stage">Already hidden</span> : null}
        {message?.deletedAt ? <span className="badge badge--stage">Deleted by its author</span> : null}
      </p>
      {message ? (
        message.body !== null ? (
          <blockquote className="report-card__preview">{message.body}</blockquote>
        ) : (
          <p className="report-card__preview report-card__preview--gone">The text is no longer available.</p>
        )
      ) : project ? (
        <blockquote className="report-card__preview">{project.summary}</blockquote>
      ) : (
        <p className="report-card__preview report-card__preview--gone">The reported content has been deleted.</p>
      )}
      <dl className="report-card__facts">
        <dt>{project ? 'Owner' : 'Author'}</dt>
        <dd>{person(report.targetAuthor)}</dd>
        <dt>Reported by</dt>
        <dd>{person(report.reporter)}</dd>
        <dt>Reported on</dt>
        <dd>
          <time dateTime={report.createdAt}>{formatDate(report.createdAt)}</time>
        </dd>
        <dt>Details</dt>
        <dd>{report.details ?? <span className="muted">None given</span>}</dd>
      </dl>
      <ModerationActions report={report} onResolved={onResolved} />
    </article>
  );
}
