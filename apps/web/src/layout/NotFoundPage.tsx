import { Link } from 'react-router';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="page page--narrow">
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct. If you followed a link, it may be out of date.</p>
      <p>
        <Link to="/">Go to the home page</Link> or <Link to="/projects">explore projects</Link>.
      </p>
    </div>
  );
}
