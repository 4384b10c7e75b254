import { Link } from 'react-router';
import { useAuth } from '../auth/useAuth';
import { useDocumentTitle } from '../layout/useDocumentTitle';

/** What Kindred is and how it works (the home page until the map took its place). */
export function AboutPage() {
  useDocumentTitle('About');
  const { status } = useAuth();
  const signedIn = status === 'signed-in';
  return (
    <div className="page home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title" className="hero__title">
          Find the clinicians already tackling what you see in clinic
        </h1>
        <p className="hero__lede">
          Kindred is a peer network for UK doctors, nurses, health visitors, pharmacists and everyone else in health
          care who is doing something about health inequality. Register what you are working on, see who else is doing
          it near you, and learn from each other.
        </p>
        <div className="hero__actions">
          {signedIn ? (
            <>
              <Link className="button" to="/my-projects">
                Go to my projects
              </Link>
              <Link className="button button--secondary" to="/projects/new">
                Register a project
              </Link>
            </>
          ) : (
            <Link className="button" to="/sign-up">
              Create an account
            </Link>
          )}
          <Link className="button button--secondary" to="/">
            See the map
          </Link>
          <Link className="button button--secondary" to="/projects">
            Browse projects
          </Link>
        </div>
        {signedIn ? null : (
          <p className="hero__note">
            Already a member? <Link to="/my-projects">See my projects</Link> after signing in.
          </p>
        )}
      </section>

      <section className="home__section" aria-labelledby="why-title">
        <h2 id="why-title">Why Kindred</h2>
        <p>
          Kindred is modelled on <strong>WHAM, the Wellbeing and Health Action Movement</strong>: a grassroots network
          of clinicians sharing what works against child poverty and the social determinants of ill health. Across the
          country, clinicians are quietly trying things: a social-history screening questionnaire in a paediatric
          clinic, welfare advice in a GP surgery, a food bank referral pathway from a pharmacy. Most of them do not know
          about each other.
        </p>
      </section>

      <section className="home__section" aria-labelledby="how-title">
        <h2 id="how-title">How it works</h2>
        <ol className="steps">
          <li className="steps__item">
            <h3>Register an inequality project</h3>
            <p>Say what you are doing, which themes it touches (housing, food insecurity, social prescribing …) and
              what stage it is at, from an idea to something sustained for years.</p>
          </li>
          <li className="steps__item">
            <h3>Choose how precisely you are shown</h3>
            <p>Your project appears at your workplace, or only roughly (about 1 km or 10 km) if you prefer.</p>
          </li>
          <li className="steps__item">
            <h3>Find your peers</h3>
            <p>See on the map where action is dense and where it is missing, narrow it by theme, stage and profession,
              and find the peers nearest you in place and purpose.</p>
          </li>
        </ol>
      </section>
    </div>
  );
}
