import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { UPDATE_PROFILE, type Account } from '@kindred/api-client';
import { LIMITS, PROFESSIONS, type ProfessionId } from '@kindred/domain';
import { useAuth } from '../auth/useAuth';
import { formErrorsFrom } from '../forms/api-errors.util';
import { ErrorSummary } from '../forms/ErrorSummary';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextAreaField } from '../forms/TextAreaField';
import { TextField } from '../forms/TextField';
import { useFormErrors } from '../forms/useFormErrors';
import { checkProfile, optionalText, type ProfileValues } from './profile-validation.util';

type Field = keyof ProfileValues;
const FIELDS: readonly Field[] = ['displayName', 'profession', 'specialty', 'organisation', 'bio'];
const LABELS: Record<Field, string> = {
  displayName: 'Display name',
  profession: 'Profession',
  specialty: 'Specialty',
  organisation: 'Organisation',
  bio: 'About you',
};
const id = (field: Field) => `profile-${field}`;
const PROFESSION_OPTIONS = PROFESSIONS.map((p) => ({ value: p.id, label: p.label }));

function valuesOf(account: Account): ProfileValues {
  return {
    displayName: account.displayName,
    profession: account.profession,
    specialty: account.specialty ?? '',
    organisation: account.organisation ?? '',
    bio: account.bio ?? '',
  };
}

export function ProfileForm({ account }: { account: Account }) {
  const { accountChanged } = useAuth();
  const [values, setValues] = useState<ProfileValues>(() => valuesOf(account));
  const [saved, setSaved] = useState(false);
  const { errors, focusKey, show, clearField } = useFormErrors();
  const [updateProfile, { loading }] = useMutation(UPDATE_PROFILE);

  const bind = (field: Field) => ({
    id: id(field),
    value: values[field],
    error: errors.fields[field],
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      setValues((v) => ({ ...v, [field]: value }));
      setSaved(false);
      clearField(field);
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setSaved(false);
    const problems = checkProfile(values);
    if (Object.keys(problems).length) return show({ fields: problems, form: null });
    try {
      const { data } = await updateProfile({
        variables: {
          input: {
            displayName: values.displayName.trim(),
            profession: values.profession as ProfessionId,
            specialty: optionalText(values.specialty),
            organisation: optionalText(values.organisation),
            bio: optionalText(values.bio),
          },
        },
      });
      if (data) {
        accountChanged(data.updateProfile);
        setSaved(true);
      }
    } catch (error) {
      show(formErrorsFrom(error, FIELDS));
    }
  };

  return (
    <>
      <ErrorSummary
        focusKey={focusKey}
        message={errors.form}
        items={FIELDS.filter((f) => errors.fields[f]).map((f) => ({ targetId: id(f), label: LABELS[f] }))}
      />
      <form className="form" onSubmit={submit} noValidate aria-labelledby="profile-title">
        <TextField {...bind('displayName')} label={LABELS.displayName} autoComplete="name" />
        <SelectField {...bind('profession')} label={LABELS.profession} options={PROFESSION_OPTIONS} />
        <TextField {...bind('specialty')} label={LABELS.specialty} optional hint="For example paediatrics." />
        <TextField {...bind('organisation')} label={LABELS.organisation} optional autoComplete="organization" />
        <TextAreaField
          {...bind('bio')}
          label={LABELS.bio}
          optional
          rows={5}
          maxChars={LIMITS.bio.max}
          hint="A few lines about your work and what you are interested in."
        />
        <div className="form__actions">
          <SubmitButton busy={loading} busyLabel="Saving your profile…">
            Save changes
          </SubmitButton>
        </div>
        <p className="form__saved" role="status">
          {saved ? 'Your profile is saved.' : ''}
        </p>
      </form>
    </>
  );
}
