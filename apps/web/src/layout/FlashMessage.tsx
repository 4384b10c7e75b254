import { useLocation } from 'react-router';

/** A one-off confirmation passed through navigation state: `navigate(to, { state: { flash } })`. */
export function FlashMessage() {
  const location = useLocation();
  const flash = (location.state as { flash?: unknown } | null)?.flash;
  if (typeof flash !== 'string' || !flash) return null;
  return (
    <div className="flash" role="status">
      {flash}
    </div>
  );
}
