/** Someone who can be mentioned: a member of the conversation. */
export interface MentionCandidate {
  readonly id: string;
  readonly displayName: string;
}

/** The "@text" being typed just before the caret. */
export interface MentionQuery {
  /** Index of the "@". */
  readonly start: number;
  /** Index just after the typed text (the caret). */
  readonly end: number;
  /** What follows the "@", e.g. "asha p". */
  readonly text: string;
}

/** Names have spaces ("Dr Asha Patel"), so a query may too, up to a few words. */
const MAX_QUERY_CHARS = 40;
const MAX_QUERY_WORDS = 4;
export const MAX_SUGGESTIONS = 6;

/**
 * The mention being typed at the caret, if any: an "@" at the start or after a space or opening
 * bracket, followed by up to a few words on the same line.
 */
export function findMentionQuery(value: string, caret: number): MentionQuery | null {
  const before = value.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  const prior = at === 0 ? ' ' : before[at - 1]!;
  if (!/[\s([{"'“‘]/.test(prior)) return null; // an email address, not a mention
  const text = before.slice(at + 1);
  // A space ends a word: "@asha " waits for the next letter ("@asha p"), and a chosen name is done.
  if (text.length > MAX_QUERY_CHARS || /[\n@]/.test(text) || /^\s|\s$/.test(text)) return null;
  if (text.split(' ').length > MAX_QUERY_WORDS) return null;
  return { start: at, end: caret, text };
}

/** Members whose name has a word starting with the query ("pat" and "asha p" both find "Dr Asha Patel"). */
export function matchCandidates(candidates: readonly MentionCandidate[], query: string, limit = MAX_SUGGESTIONS): MentionCandidate[] {
  const q = query.trim().toLocaleLowerCase('en-GB');
  const scored: Array<{ c: MentionCandidate; score: number }> = [];
  for (const c of candidates) {
    const name = c.displayName.toLocaleLowerCase('en-GB');
    let score = -1;
    if (!q) score = 1;
    else if (name.startsWith(q)) score = 0;
    else {
      for (let i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) {
        if (name.startsWith(q, i + 1)) {
          score = 1;
          break;
        }
      }
    }
    if (score >= 0) scored.push({ c, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.c.displayName.localeCompare(b.c.displayName, 'en-GB'))
    .slice(0, limit)
    .map((s) => s.c);
}

/** Replaces the typed "@text" with "@Display Name " and says where the caret goes. */
export function insertMention(value: string, query: MentionQuery, candidate: MentionCandidate): { value: string; caret: number } {
  const inserted = `@${candidate.displayName} `;
  const rest = value.slice(query.end).replace(/^ /, '');
  return { value: value.slice(0, query.start) + inserted + rest, caret: query.start + inserted.length };
}

/** The ids of the chosen people still named ("@Name") in the body, each once. */
export function mentionIdsIn(body: string, chosen: readonly MentionCandidate[]): string[] {
  const ids: string[] = [];
  for (const c of chosen) if (body.includes(`@${c.displayName}`) && !ids.includes(c.id)) ids.push(c.id);
  return ids;
}

export interface BodyPart {
  readonly text: string;
  /** Set when this part is "@Name" of a mentioned member. */
  readonly mentionId?: string;
}

/** Splits a body so each "@Name" of a mentioned person can be shown as a mention. */
export function splitMentions(body: string, mentioned: readonly MentionCandidate[]): BodyPart[] {
  const names = [...mentioned].sort((a, b) => b.displayName.length - a.displayName.length);
  if (!names.length) return [{ text: body }];
  const parts: BodyPart[] = [];
  let plain = '';
  let i = 0;
  outer: while (i < body.length) {
    if (body[i] === '@') {
      for (const c of names) {
        const token = `@${c.displayName}`;
        if (body.startsWith(token, i)) {
          if (plain) parts.push({ text: plain });
          plain = '';
          parts.push({ text: token, mentionId: c.id });
          i += token.length;
          continue outer;
        }
      }
    }
    plain += body[i];
    i += 1;
  }
  if (plain) parts.push({ text: plain });
  return parts;
}
