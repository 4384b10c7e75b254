import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { SIGN_UP } from '@kindred/api-client';
import { LIMITS, PROFESSIONS, type ProfessionId } from '@kindred/domain';
import { optionalText } from '../account/profile-validation.util';
import { formErrorsFrom } from '../forms/api-errors.util';
import { ErrorSummary } from '../forms/ErrorSummary';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useFormErrors } from '../forms/useFormErrors';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { validateSignUp, type SignUpValues } from './auth-validation.util';
import { safeNextPath } from './safe-next-path.util';
import { useAuth } from './useAuth';

type Field = keyof SignUpValues;
const FIELDS: readonly Field[] = ['email', 'password', 'displayName', 'profession', 'specialty', 'organisation'];
const LABELS: Record<Field, string> = {
  email: 'Email',
  password: 'Password',
  displayName: 'Display name',
  profession: 'Profession',
  specialty: 'Specialty',
  organisation: 'Organisation',
};
const id = (field: Field) => `sign-up-${field}`;
const PROFESSION_OPTIONS = PROFESSIONS.map((p) => ({ value: p.id, label: p.label }));

export function SignUpPage() {
  useDocumentTitle('Sign up');
  const { status, signedIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [values, setValues] = useState<SignUpValues>({
    email: '',
    password: '',
    displayName: '',
    profession: '',
    specialty: '',
    organisation: '',
  });
  const { errors, focusKey, show, clearField } = useFormErrors();
  const [signUp, { loading }] = useMutation(SIGN_UP);

  if (status === 'signed-in' && !loading) return <Navigate to={next} replace />;

  const bind = (field: Field) => ({
    id: id(field),
    value: values[field],
    error: errors.fields[field],
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      setValues((v) => ({ ...v, [field]: value }));
      clearField(field);
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const problems = validateSignUp(values);
    if (Object.keys(problems).length) return show({ fields: problems, form: null });
    try {
      const { data } = await signUp({
        variables: {
          input: {
            email: values.email.trim(),
            password: values.password,
            displayName: values.displayName.trim(),
            profession: values.profession as ProfessionId,
            specialty: optionalText(values.specialty),
            organisation: optionalText(values.organisation),
          },
        },
      });
      if (!data) return;
      signedIn(data.signUp);
      navigate(next, { replace: true, state: { flash: `Welcome to Kindred, ${data.signUp.account.displayName}.` } });
    } catch (error) {
      show(formErrorsFrom(error, FIELDS));
    }
  };

  return (
    <div className="page page--narrow">
      <h1>Sign up</h1>
      <p className="lede">Join clinicians across the UK who are sharing what works against health inequality.</p>
      <ErrorSummary
        focusKey={focusKey}
        message={errors.form}
        items={FIELDS.filter((f) => errors.fields[f]).map((f) => ({ targetId: id(f), label: LABELS[f] }))}
      />
      <form className="form" onSubmit={submit} noValidate>
        <TextField {...bind('email')} label={LABELS.email} type="email" autoComplete="email" spellCheck={false} />
        <TextField
          {...bind('password')}
          label={LABELS.password}
          type="password"
          autoComplete="new-password"
          hint={`At least ${LIMITS.password.min} characters. A few unrelated words make a strong, memorable password.`}
        />
        <TextField
          {...bind('displayName')}
          label={LABELS.displayName}
          autoComplete="name"
          hint="The name other members see, for example Dr Asha Patel."
        />
        <SelectField
          {...bind('profession')}
          label={LABELS.profession}
          options={PROFESSION_OPTIONS}
          placeholder="Choose your profession"
        />
        <TextField
          {...bind('specialty')}
          label={LABELS.specialty}
          optional
          hint="For example paediatrics or general practice."
        />
        <TextField
          {...bind('organisation')}
          label={LABELS.organisation}
          optional
          autoComplete="organization"
          hint="For example your trust, practice or local authority."
        />
        <div className="form__actions">
          <SubmitButton busy={loading} busyLabel="Creating your account…">
            Sign up
          </SubmitButton>
        </div>
      </form>
      <p>
        Already have an account? <Link to={`/sign-in${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>Sign in</Link>.
      </p>
    </div>
  );
}
