import type { Alert } from '@kindred/api-client';
import { ThemeTags } from '../projects/ThemeTags';
import { describeAlertArea } from './alert-form.util';
import { DeleteAlertButton } from './DeleteAlertButton';

interface AlertCardProps {
  alert: Alert;
  onEdit: (alert: Alert) => void;
  onDeleted: (name: string) => void;
}

export function AlertCard({ alert, onEdit, onDeleted }: AlertCardProps) {
  return (
    <article className="card alert-card">
      <h3 className="card__title">{alert.name}</h3>
      <p className="card__meta">
        <span>{describeAlertArea(alert)}</span>
        {alert.emailDigest ? <span className="badge badge--stage">Daily email</span> : null}
      </p>
      {alert.themes.length ? <ThemeTags themes={alert.themes} /> : <p className="alert-card__any">Any theme</p>}
      <div className="alert-card__actions">
        <button type="button" className="button button--secondary button--small" onClick={() => onEdit(alert)}>
          Edit<span className="visually-hidden"> alert “{alert.name}”</span>
        </button>
        <DeleteAlertButton alert={alert} onDeleted={onDeleted} />
      </div>
    </article>
  );
}
