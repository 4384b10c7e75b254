import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { CREATE_GROUP_CONVERSATION, MY_CONVERSATIONS, type Clinician } from '@kindred/api-client';
import { MESSAGING_LIMITS, professionLabel } from '@kindred/domain';
import { formErrorsFrom } from '../forms/api-errors.util';
import { ErrorSummary } from '../forms/ErrorSummary';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useFormErrors } from '../forms/useFormErrors';

interface NewGroupFormProps {
  /** People I can add: those I already talk with one to one. */
  people: readonly Clinician[];
  onCancel: () => void;
}

const FIELDS = ['title', 'memberIds'];

/** A group: a title and people chosen from my direct conversations (there is no people search yet). */
export function NewGroupForm({ people, onCancel }: NewGroupFormProps) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const { errors, focusKey, show, clearField } = useFormErrors();
  const [create, { loading }] = useMutation(CREATE_GROUP_CONVERSATION, { refetchQueries: [MY_CONVERSATIONS] });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const fields: Record<string, string> = {};
    const trimmed = title.trim();
    const { min, max } = MESSAGING_LIMITS.groupTitle;
    if (trimmed.length < min) fields['title'] = 'Give the group a title.';
    else if (trimmed.length > max) fields['title'] = `The title can be at most ${max} characters.`;
    if (chosen.length === 0) fields['memberIds'] = 'Choose at least one person.';
    else if (chosen.length + 1 > MESSAGING_LIMITS.groupMembersMax) fields['memberIds'] = `A group can have at most ${MESSAGING_LIMITS.groupMembersMax} people, you included.`;
    if (Object.keys(fields).length) {
      show({ fields, form: null });
      return;
    }
    try {
      const { data } = await create({ variables: { input: { title: trimmed, memberIds: chosen } } });
      if (data) navigate(`/messages/${data.createGroupConversation.id}`);
    } catch (error) {
      show(formErrorsFrom(error, FIELDS));
    }
  };

  const summary = [
    ...(errors.fields['title'] ? [{ targetId: 'group-title', label: 'Title' }] : []),
    ...(errors.fields['memberIds'] ? [{ targetId: 'group-members', label: 'People' }] : []),
  ];
  return (
    <form className="new-group" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-group-title">
      <h3 id="new-group-title" className="new-group__title">
        New group
      </h3>
      <ErrorSummary items={summary} message={errors.form} focusKey={focusKey} />
      <TextField
        id="group-title"
        label="Title"
        value={title}
        maxLength={MESSAGING_LIMITS.groupTitle.max + 20}
        error={errors.fields['title']}
        onChange={(event) => {
          setTitle(event.target.value);
          clearField('title');
        }}
      />
      {people.length ? (
        <fieldset className={`field new-group__people${errors.fields['memberIds'] ? ' field--error' : ''}`} id="group-members" tabIndex={-1}>
          <legend className="field__label">People</legend>
          <p className="field__hint">People you already have a conversation with.</p>
          {errors.fields['memberIds'] ? (
            <p className="field__error">
              <span className="visually-hidden">Error: </span>
              {errors.fields['memberIds']}
            </p>
          ) : null}
          {people.map((p) => (
            <div className="choice" key={p.id}>
              <input
                id={`group-member-${p.id}`}
                type="checkbox"
                className="choice__input"
                checked={chosen.includes(p.id)}
                onChange={(event) => {
                  setChosen((list) => (event.target.checked ? [...list, p.id] : list.filter((id) => id !== p.id)));
                  clearField('memberIds');
                }}
              />
              <label className="choice__label" htmlFor={`group-member-${p.id}`}>
                {p.displayName} <span className="muted">({professionLabel(p.profession, p.specialty)})</span>
              </label>
            </div>
          ))}
        </fieldset>
      ) : (
        <p className="muted" id="group-members" tabIndex={-1}>
          Groups are made from people you already talk with. Message someone from the map first.
        </p>
      )}
      <div className="new-group__actions">
        <SubmitButton busy={loading} busyLabel="Creating the group…">
          Create group
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
