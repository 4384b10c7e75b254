import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { DELETE_ACCOUNT } from '@kindred/api-client';
import { ERROR_CODES } from '@kindred/domain';
import { useAuth } from '../auth/useAuth';
import { errorCodeOf, formErrorsFrom } from '../forms/api-errors.util';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useFormErrors } from '../forms/useFormErrors';

export function DeleteAccountSection() {
  const { accountDeleted } = useAuth();
  const [password, setPassword] = useState('');
  const { errors, show, clearField } = useFormErrors();
  const [deleteAccount, { loading }] = useMutation(DELETE_ACCOUNT);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    if (!password) return show({ fields: { password: 'Enter your password to confirm.' }, form: null });
    try {
      const { data } = await deleteAccount({ variables: { password } });
      if (data?.deleteAccount) accountDeleted();
    } catch (error) {
      // A wrong password is about this field, whatever the API calls it.
      if (errorCodeOf(error) === ERROR_CODES.invalidCredentials) {
        show({ fields: { password: 'That password is not right.' }, form: null });
      } else {
        show(formErrorsFrom(error, ['password']));
      }
    }
  };

  return (
    <section className="panel panel--danger account__section" aria-labelledby="delete-account-title">
      <h2 id="delete-account-title" className="panel__title">
        Delete your account
      </h2>
      <p>
        This deletes your account, your profile and all your projects straight away. It cannot be undone. You may want
        to download your data first.
      </p>
      <form className="form" onSubmit={submit} noValidate aria-labelledby="delete-account-title">
        <TextField
          id="delete-account-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          hint="Enter your password to confirm."
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            clearField('password');
          }}
          error={errors.fields['password']}
        />
        {errors.form ? (
          <p className="field__error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <div className="form__actions">
          <SubmitButton busy={loading} busyLabel="Deleting your account…" className="button button--danger">
            Delete account
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
