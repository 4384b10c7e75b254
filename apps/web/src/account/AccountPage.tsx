import { useQuery } from '@apollo/client/react';
import { ME } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { MessagingSettingsSection } from '../messages/MessagingSettingsSection';
import { formatDate } from '../projects/format.util';
import { BlockedPeopleSection } from './BlockedPeopleSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import { ExportDataSection } from './ExportDataSection';
import { ProfileForm } from './ProfileForm';

export function AccountPage() {
  useDocumentTitle('Your account');
  const { data, loading, error, refetch } = useQuery(ME, { fetchPolicy: 'cache-and-network' });
  const me = data?.me;

  return (
    <div className="page page--narrow account">
      <h1>Your account</h1>
      {me ? (
        <>
          <p className="lede">
            Signed in as <strong>{me.email}</strong>
            {me.createdAt ? <> · member since {formatDate(me.createdAt)}</> : null}
          </p>
          <section className="panel account__section" aria-labelledby="profile-title">
            <h2 id="profile-title" className="panel__title">
              Profile
            </h2>
            <p className="muted">Other members see your display name, profession, specialty and organisation.</p>
            <ProfileForm key={me.id} account={me} />
          </section>
          <MessagingSettingsSection />
          <BlockedPeopleSection />
          <ExportDataSection />
          <DeleteAccountSection />
        </>
      ) : error ? (
        <ErrorState title="Your account could not be loaded" onRetry={() => void refetch()}>
          <p>{formErrorsFrom(error, []).form}</p>
        </ErrorState>
      ) : loading ? (
        <LoadingState label="Loading your account…" />
      ) : null}
    </div>
  );
}
