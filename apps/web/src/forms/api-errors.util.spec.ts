import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { formErrorsFrom, formFieldFor, NETWORK_PROBLEM } from './api-errors.util';

function graphQLError(errors: { message: string; extensions?: Record<string, unknown> }[]) {
  return new CombinedGraphQLErrors({ data: null, errors });
}

describe('formFieldFor', () => {
  const known = ['title', 'links', 'links.1', 'email', 'location'];
  it('strips the input prefix', () => {
    expect(formFieldFor('input.title', known)).toBe('title');
    expect(formFieldFor('email', known)).toBe('email');
  });
  it('keeps an index when the form has that field, else falls back to the list', () => {
    expect(formFieldFor('input.links.1', known)).toBe('links.1');
    expect(formFieldFor('input.links[3]', known)).toBe('links');
    expect(formFieldFor('input.location.lat', known)).toBe('location');
  });
  it('returns null for fields the form does not have', () => {
    expect(formFieldFor('input.colour', known)).toBeNull();
  });
});

describe('formErrorsFrom', () => {
  it('puts a single field error beside its field', () => {
    const error = graphQLError([
      { message: 'Title must be at least 3 characters.', extensions: { code: 'BAD_USER_INPUT', field: 'input.title' } },
    ]);
    expect(formErrorsFrom(error, ['title', 'summary'])).toEqual({
      fields: { title: 'Title must be at least 3 characters.' },
      form: null,
    });
  });

  it('spreads extensions.errors over several fields', () => {
    const error = graphQLError([
      {
        message: 'input.title: too short; input.summary: too short',
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'input.title',
          errors: [
            { field: 'input.title', message: 'Too short.' },
            { field: 'input.summary', message: 'Also too short.' },
          ],
        },
      },
    ]);
    expect(formErrorsFrom(error, ['title', 'summary']).fields).toEqual({ title: 'Too short.', summary: 'Also too short.' });
  });

  it('keeps an error without a field for the whole form', () => {
    const error = graphQLError([{ message: 'Wrong email or password.', extensions: { code: 'INVALID_CREDENTIALS' } }]);
    expect(formErrorsFrom(error, ['email', 'password'])).toEqual({ fields: {}, form: 'Wrong email or password.' });
  });

  it('places a taken email on the email field even without extensions.field', () => {
    const error = graphQLError([{ message: 'That email is already registered.', extensions: { code: 'EMAIL_TAKEN' } }]);
    expect(formErrorsFrom(error, ['email']).fields).toEqual({ email: 'That email is already registered.' });
  });

  it('explains a network failure', () => {
    expect(formErrorsFrom(new TypeError('Failed to fetch'), ['email'])).toEqual({ fields: {}, form: NETWORK_PROBLEM });
  });
});
