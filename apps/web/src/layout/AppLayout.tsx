import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { FlashMessage } from './FlashMessage';
import { SiteHeader } from './SiteHeader';

/**
 * Skip link, header, main and footer around every page. After a client-side navigation, focus
 * moves to the new page's heading so screen-reader users hear where they are.
 */
export function AppLayout() {
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = document.getElementById('main-content');
    const target = main?.querySelector<HTMLElement>('h1') ?? main;
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }, [pathname]);

  // The map (the home page) uses the full width of the window.
  const wide = pathname === '/';

  return (
    <div className={wide ? 'app app--wide' : 'app'}>
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <SiteHeader />
      <main id="main-content" className={wide ? 'main main--wide' : 'main'} tabIndex={-1}>
        <div className={wide ? 'container container--wide' : 'container'}>
          <FlashMessage />
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p>
            Kindred is a peer network for UK clinicians tackling health inequality, modelled on WHAM, the Wellbeing and
            Health Action Movement.
          </p>
          <p>Project locations are shown only as precisely as each owner chooses.</p>
          <p>
            <Link to="/about">About Kindred</Link>
          </p>
        </div>
      </footer>
    </div>
  );
}
