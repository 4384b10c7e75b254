import { useCallback, useState } from 'react';
import { NO_ERRORS, type FieldErrors, type FormErrors } from './api-errors.util';

/**
 * A form's current errors. `show` replaces them after a submit (client checks or the API's answer)
 * and bumps `focusKey` so the error summary takes focus; `clearField` drops one once it is edited.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [focusKey, setFocusKey] = useState(0);

  const show = useCallback((next: FormErrors) => {
    setErrors(next);
    if (next.form !== null || Object.keys(next.fields).length > 0) setFocusKey((k) => k + 1);
  }, []);

  const showFields = useCallback((fields: FieldErrors) => show({ fields, form: null }), [show]);

  const clearField = useCallback((name: string) => {
    setErrors((current) => {
      if (!(name in current.fields)) return current;
      const fields = { ...current.fields };
      delete fields[name];
      return { ...current, fields };
    });
  }, []);

  const reset = useCallback(() => setErrors(NO_ERRORS), []);

  return { errors, focusKey, show, showFields, clearField, reset };
}
