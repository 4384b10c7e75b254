import type { MailMessage } from './smtp-client.util';

export interface DigestLine {
  message: string;
  /** Path in the web app, e.g. "/projects/<id>". */
  link: string | null;
}

/** One user's digest: every notification in order, each with a full link to open it. */
export function composeDigest(to: { email: string; displayName: string }, lines: readonly DigestLine[], publicUrl: string): MailMessage {
  const base = publicUrl.replace(/\/+$/, '');
  const count = lines.length;
  const body = [
    `Hello ${to.displayName},`,
    '',
    count === 1 ? 'Here is what happened on Kindred since your last digest:' : `Here are ${count} things that happened on Kindred since your last digest:`,
    '',
    ...lines.flatMap((line) => [`- ${line.message}`, ...(line.link ? [`  ${base}${line.link}`] : []), '']),
    `See them all: ${base}/notifications`,
    `Change which alerts email you: ${base}/alerts`,
  ];
  return {
    to: `${to.displayName} <${to.email}>`,
    subject: count === 1 ? 'Your Kindred digest: 1 new notification' : `Your Kindred digest: ${count} new notifications`,
    text: body.join('\n'),
  };
}
