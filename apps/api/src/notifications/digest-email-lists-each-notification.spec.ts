import { composeDigest } from './digest-email.util';

describe('digest email', () => {
  const to = { email: 'asha@example.org', displayName: 'Dr Asha Patel' };

  it('lists each notification with a full link, and where to change the preference', () => {
    const mail = composeDigest(
      to,
      [
        { message: 'New project near Leeds matching your alert ‘Child poverty’: ‘Warm spaces’ (about 6 km from the centre)', link: '/projects/p1' },
        { message: 'Something without a link', link: null },
      ],
      'https://kindred.example.org/',
    );
    expect(mail.to).toBe('Dr Asha Patel <asha@example.org>');
    expect(mail.subject).toBe('Your Kindred digest: 2 new notifications');
    expect(mail.text).toContain('- New project near Leeds matching your alert ‘Child poverty’: ‘Warm spaces’ (about 6 km from the centre)\n  https://kindred.example.org/projects/p1\n');
    expect(mail.text).toContain('- Something without a link\n\n');
    expect(mail.text).toContain('https://kindred.example.org/alerts');
  });

  it('speaks of one notification in the singular', () => {
    expect(composeDigest(to, [{ message: 'x', link: null }], 'http://localhost:3000').subject).toBe('Your Kindred digest: 1 new notification');
  });
});
