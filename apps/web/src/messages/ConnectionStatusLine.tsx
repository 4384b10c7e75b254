import type { ConnectionStatus } from './messaging-connection';

const TEXT: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: '',
  reconnecting: 'Reconnecting…',
  offline: 'Offline. New messages will appear when the connection is back; what you send waits until then.',
};

/** A quiet line about the live connection; silent while all is well. */
export function ConnectionStatusLine({ status }: { status: ConnectionStatus }) {
  const text = TEXT[status];
  return (
    <p className={`connection-status connection-status--${status}`} aria-live="polite">
      {text}
    </p>
  );
}
