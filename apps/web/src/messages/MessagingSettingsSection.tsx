import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { MESSAGING_SETTINGS, UPDATE_MESSAGING_SETTINGS, type MessagingSettings } from '@kindred/api-client';
import { MESSAGE_POLICIES, type MessagePolicy } from '@kindred/domain';
import { CheckboxField } from '../forms/CheckboxField';
import { formErrorsFrom } from '../forms/api-errors.util';
import { SubmitButton } from '../forms/SubmitButton';
import { ErrorState } from '../layout/ErrorState';
import { LoadingState } from '../layout/LoadingState';

function SettingsForm({ settings }: { settings: MessagingSettings }) {
  const [policy, setPolicy] = useState<MessagePolicy>(settings.messagePolicy);
  const [emailDigest, setEmailDigest] = useState(settings.emailDigest);
  const [saved, setSaved] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [save, { loading }] = useMutation(UPDATE_MESSAGING_SETTINGS, {
    update: (cache, { data }) => {
      if (data) cache.writeQuery({ query: MESSAGING_SETTINGS, data: { messagingSettings: data.updateMessagingSettings } });
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setSaved('');
    setProblem(null);
    try {
      await save({ variables: { input: { messagePolicy: policy, emailDigest } } });
      setSaved('Your messaging settings are saved.');
    } catch (error) {
      setProblem(formErrorsFrom(error, []).form ?? 'Your settings could not be saved.');
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Who may send me a message request</legend>
        <p className="field__hint">People you already talk with can always message you.</p>
        <ul className="choice-list">
          {MESSAGE_POLICIES.map((p) => (
            <li key={p.id} className="choice choice--radio">
              <input
                id={`message-policy-${p.id}`}
                type="radio"
                className="choice__input"
                name="messagePolicy"
                value={p.id}
                checked={policy === p.id}
                onChange={() => {
                  setPolicy(p.id);
                  setSaved('');
                }}
              />
              <label className="choice__label" htmlFor={`message-policy-${p.id}`}>
                {p.label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <CheckboxField
        id="message-email-digest"
        label="Include unread messages in my email digest"
        checked={emailDigest}
        onChange={(event) => {
          setEmailDigest(event.target.checked);
          setSaved('');
        }}
      />
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <SubmitButton busy={loading} busyLabel="Saving…" className="button button--secondary">
        Save messaging settings
      </SubmitButton>
      <p className="form__saved" role="status">
        {saved}
      </p>
    </form>
  );
}

/** The account page's "Who may message me" section. */
export function MessagingSettingsSection() {
  const { data, error, refetch } = useQuery(MESSAGING_SETTINGS, { fetchPolicy: 'cache-and-network' });
  return (
    <section className="panel account__section" aria-labelledby="messaging-settings-title">
      <h2 id="messaging-settings-title" className="panel__title">
        Who may message me
      </h2>
      {data ? (
        <SettingsForm settings={data.messagingSettings} />
      ) : error ? (
        <ErrorState title="Your messaging settings could not be loaded" onRetry={() => void refetch().catch(() => undefined)} />
      ) : (
        <LoadingState label="Loading your messaging settings…" />
      )}
    </section>
  );
}
