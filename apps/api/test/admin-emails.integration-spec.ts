import type { TestApp } from './test-app';
import type { signUp as SignUp } from './fixtures';

/**
 * ADMIN_EMAILS makes the listed addresses admins at sign-up, however they are typed. Configuration
 * is read when the app module is first loaded, so it is set before importing the app.
 */
describe('ADMIN_EMAILS (integration)', () => {
  const previous = process.env['ADMIN_EMAILS'];
  let t: TestApp;
  let signUp: typeof SignUp;

  beforeAll(async () => {
    process.env['ADMIN_EMAILS'] = ' Lead.Organiser@Example.org , second@example.org';
    // Loaded only now, after setting the variable (a static import would load the app module first).
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { createTestApp } = require('./test-app') as typeof import('./test-app');
    ({ signUp } = require('./fixtures') as typeof import('./fixtures'));
    /* eslint-enable @typescript-eslint/no-require-imports */
    t = await createTestApp();
    await t.reset();
    await signUp(t); // the first account is admin anyway; the rest are not unless listed
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env['ADMIN_EMAILS'];
    else process.env['ADMIN_EMAILS'] = previous;
    await t.close();
  });

  it('makes a listed address an admin, whatever its case', async () => {
    expect((await signUp(t, { email: 'LEAD.organiser@example.ORG' })).role).toBe('admin');
    expect((await signUp(t, { email: 'second@example.org' })).role).toBe('admin');
  });

  it('makes an unlisted address a clinician', async () => {
    expect((await signUp(t, { email: 'lead.organiser@example.org.evil.test' })).role).toBe('clinician');
    expect((await signUp(t)).role).toBe('clinician');
  });
});
