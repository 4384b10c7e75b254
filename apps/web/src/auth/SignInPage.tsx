import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { SIGN_IN } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';
import { ErrorSummary } from '../forms/ErrorSummary';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useFormErrors } from '../forms/useFormErrors';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { validateSignIn, type SignInValues } from './auth-validation.util';
import { safeNextPath } from './safe-next-path.util';
import { useAuth } from './useAuth';

const FIELDS = ['email', 'password'] as const;
const LABELS: Record<(typeof FIELDS)[number], string> = { email: 'Email', password: 'Password' };
const IDS: Record<(typeof FIELDS)[number], string> = { email: 'sign-in-email', password: 'sign-in-password' };

export function SignInPage() {
  useDocumentTitle('Sign in');
  const { status, signedIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const message = (location.state as { message?: unknown } | null)?.message;
  const [values, setValues] = useState<SignInValues>({ email: '', password: '' });
  const { errors, focusKey, show, clearField } = useFormErrors();
  const [signIn, { loading }] = useMutation(SIGN_IN);

  if (status === 'signed-in' && !loading) return <Navigate to={next} replace />;

  const change = (field: keyof SignInValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    clearField(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const problems = validateSignIn(values);
    if (Object.keys(problems).length) return show({ fields: problems, form: null });
    try {
      const { data } = await signIn({ variables: { input: { email: values.email.trim(), password: values.password } } });
      if (!data) return;
      signedIn(data.signIn);
      navigate(next, { replace: true });
    } catch (error) {
      show(formErrorsFrom(error, FIELDS));
    }
  };

  return (
    <div className="page page--narrow">
      <h1>Sign in</h1>
      {typeof message === 'string' ? (
        <div className="notice" role="status">
          {message}
        </div>
      ) : null}
      <ErrorSummary
        focusKey={focusKey}
        message={errors.form}
        items={FIELDS.filter((f) => errors.fields[f]).map((f) => ({ targetId: IDS[f], label: LABELS[f] }))}
      />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id={IDS.email}
          label={LABELS.email}
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={values.email}
          onChange={(e) => change('email')(e.target.value)}
          error={errors.fields['email']}
        />
        <TextField
          id={IDS.password}
          label={LABELS.password}
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={(e) => change('password')(e.target.value)}
          error={errors.fields['password']}
        />
        <div className="form__actions">
          <SubmitButton busy={loading} busyLabel="Signing in…">
            Sign in
          </SubmitButton>
        </div>
      </form>
      <p>
        New to Kindred? <Link to={`/sign-up${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link>.
      </p>
    </div>
  );
}
