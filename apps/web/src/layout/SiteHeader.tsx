import { Link, NavLink } from 'react-router';
import { useAuth } from '../auth/useAuth';
import { MessagesNavLink } from '../messages/MessagesNavLink';
import { NotificationsBell } from '../notifications/NotificationsBell';

interface NavItem {
  readonly to: string;
  readonly label: string;
}

const PUBLIC_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Map' },
  { to: '/projects', label: 'Explore projects' },
  { to: '/webinars', label: 'WHAMinars' },
];
const MEMBER_ITEMS: readonly NavItem[] = [
  { to: '/my-projects', label: 'My projects' },
  { to: '/alerts', label: 'Alerts' },
  { to: '/account', label: 'Account' },
];
const ADMIN_ITEMS: readonly NavItem[] = [{ to: '/moderation', label: 'Moderation' }];
const GUEST_ITEMS: readonly NavItem[] = [
  { to: '/sign-in', label: 'Sign in' },
  { to: '/sign-up', label: 'Sign up' },
];

export function SiteHeader() {
  const { status, account, signOut } = useAuth();
  const items = [
    ...PUBLIC_ITEMS,
    ...(status === 'signed-in' ? MEMBER_ITEMS : status === 'signed-out' ? GUEST_ITEMS : []),
    ...(status === 'signed-in' && account?.role === 'admin' ? ADMIN_ITEMS : []),
  ];
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" />
            <path d="M16 25s-8-5.2-8-11a4.6 4.6 0 0 1 8-3.1A4.6 4.6 0 0 1 24 14c0 5.8-8 11-8 11z" />
          </svg>
          <span className="brand__name">Kindred</span>
        </Link>
        <nav className="site-nav" aria-label="Main">
          <ul className="site-nav__list">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/' || item.to === '/projects'} className="site-nav__link">
                  {item.label}
                </NavLink>
              </li>
            ))}
            {status === 'signed-in' ? (
              <li>
                <MessagesNavLink />
              </li>
            ) : null}
            {status === 'signed-in' ? (
              <li>
                <NotificationsBell />
              </li>
            ) : null}
            {status === 'signed-in' ? (
              <li>
                <button type="button" className="site-nav__button" onClick={() => void signOut()}>
                  Sign out
                </button>
              </li>
            ) : null}
          </ul>
        </nav>
      </div>
    </header>
  );
}
