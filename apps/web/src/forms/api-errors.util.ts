import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { ApiErrorExtensions } from '@kindred/api-client';
import { ERROR_CODES } from '@kindred/domain';

/** Messages keyed by the form's own field names (`title`, `email`, `links.2`). */
export type FieldErrors = Record<string, string>;

export interface FormErrors {
  readonly fields: FieldErrors;
  /** A refusal that belongs to no single field (wrong password, network down). */
  readonly form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

export const NETWORK_PROBLEM = 'We could not reach Kindred. Check your connection and try again.';

/** When the API names no field, some codes still clearly belong to one. */
const FIELD_FOR_CODE: Record<string, string> = {
  [ERROR_CODES.emailTaken]: 'email',
  [ERROR_CODES.weakPassword]: 'password',
  [ERROR_CODES.unknownTheme]: 'themes',
  [ERROR_CODES.unknownPlace]: 'placeName',
};

/**
 * Maps an API field path onto one of the form's fields: `input.title` → `title`,
 * `input.links.2` → `links.2` (or `links` when the form has no per-link field), `email` → `email`.
 */
export function formFieldFor(path: string, known: readonly string[]): string | null {
  const bare = path.replace(/^input\./, '').replace(/\[(\d+)\]/g, '.$1');
  if (known.includes(bare)) return bare;
  const parts = bare.split('.');
  for (let i = parts.length - 1; i > 0; i -= 1) {
    const prefix = parts.slice(0, i).join('.');
    if (known.includes(prefix)) return prefix;
  }
  return null;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

function graphQLErrorsOf(error: unknown): readonly GraphQLErrorLike[] | null {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  // A non-2xx reply that still carried GraphQL errors.
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: GraphQLErrorLike[] };
      if (Array.isArray(body.errors) && body.errors.length > 0) return body.errors;
    } catch {
      return null;
    }
  }
  return null;
}

/** Splits an API refusal into messages beside the named fields and one message for the form. */
export function formErrorsFrom(error: unknown, known: readonly string[]): FormErrors {
  if (!error) return NO_ERRORS;
  const errors = graphQLErrorsOf(error);
  if (!errors) {
    if (ServerError.is(error) && error.statusCode === 413) {
      return { fields: {}, form: 'That is too much to send at once. Shorten the text and try again.' };
    }
    if (ServerError.is(error) || ServerParseError.is(error) || error instanceof TypeError) {
      return { fields: {}, form: NETWORK_PROBLEM };
    }
    return { fields: {}, form: error instanceof Error ? error.message : NETWORK_PROBLEM };
  }
  const fields: FieldErrors = {};
  const loose: string[] = [];
  const place = (path: string | undefined, message: string) => {
    const field = path ? formFieldFor(path, known) : null;
    if (field) fields[field] ??= message;
    else loose.push(message);
  };
  for (const e of errors) {
    const ext = (e.extensions ?? {}) as ApiErrorExtensions;
    if (ext.errors?.length) {
      for (const problem of ext.errors) place(problem.field, problem.message);
    } else {
      const codeField = typeof ext.code === 'string' ? FIELD_FOR_CODE[ext.code] : undefined;
      place(ext.field ?? (codeField && known.includes(codeField) ? codeField : undefined), e.message);
    }
  }
  return { fields, form: loose.length ? [...new Set(loose)].join(' ') : null };
}

/** The GraphQL error code of a failed operation, if any. */
export function errorCodeOf(error: unknown): string | null {
  const errors = graphQLErrorsOf(error);
  const code = errors?.[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : null;
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.form !== null || Object.keys(errors.fields).length > 0;
}
