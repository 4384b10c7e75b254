import './moderation.css';
import { useRef, useState } from 'react';
import type { ReportTarget } from '@kindred/api-client';
import { ReportDialog } from './ReportDialog';

interface ReportButtonProps {
  target: ReportTarget;
  /** What is being reported, e.g. "this project" or "Bob’s message": the dialog title is "Report …". */
  subject: string;
  /** Visible text; the accessible name adds the subject. */
  label?: string;
  className?: string;
}

/** A "Report" button that opens the report dialog and gives focus back to itself when it closes. */
export function ReportButton({ target, subject, label = 'Report', className = 'button button--secondary button--small' }: ReportButtonProps) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={trigger} type="button" className={className} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label}
        <span className="visually-hidden"> {subject}</span>
      </button>
      {open ? (
        <ReportDialog
          target={target}
          subject={subject}
          onClose={() => {
            setOpen(false);
            trigger.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
