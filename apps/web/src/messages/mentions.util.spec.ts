import { findMentionQuery, insertMention, matchCandidates, mentionIdsIn, splitMentions } from './mentions.util';

const people = [
  { id: 'u2', displayName: 'Sam Okafor' },
  { id: 'u3', displayName: 'Dr Asha Patel' },
  { id: 'u4', displayName: 'Priya Shah' },
];

describe('mentions', () => {
  it('finds the "@text" being typed at the caret, names with spaces included', () => {
    expect(findMentionQuery('Hi @sa', 6)).toEqual({ start: 3, end: 6, text: 'sa' });
    expect(findMentionQuery('@', 1)).toEqual({ start: 0, end: 1, text: '' });
    expect(findMentionQuery('Thanks @asha p', 14)?.text).toBe('asha p');
    expect(findMentionQuery('(@pri', 5)?.text).toBe('pri');
  });

  it('ignores email addresses, other lines and text after the caret', () => {
    expect(findMentionQuery('mail sam@nhs.net', 16)).toBeNull();
    expect(findMentionQuery('@sam\nhello', 10)).toBeNull();
    expect(findMentionQuery('no mention here', 15)).toBeNull();
    expect(findMentionQuery('@ sam', 5)).toBeNull();
    expect(findMentionQuery('@Sam Okafor ', 12)).toBeNull();
  });

  it('matches any word of a name, names that start with the text first', () => {
    expect(matchCandidates(people, 'pa').map((c) => c.id)).toEqual(['u3']);
    expect(matchCandidates(people, 'asha p').map((c) => c.id)).toEqual(['u3']);
    expect(matchCandidates(people, 's').map((c) => c.id)).toEqual(['u2', 'u4']);
    expect(matchCandidates(people, '').map((c) => c.id)).toEqual(['u3', 'u4', 'u2']);
    expect(matchCandidates(people, 'zz')).toEqual([]);
  });

  it('inserts "@Display Name " and puts the caret after it', () => {
    const query = findMentionQuery('Hi @pa how are you', 6)!;
    expect(insertMention('Hi @pa how are you', query, people[1]!)).toEqual({ value: 'Hi @Dr Asha Patel how are you', caret: 18 });
  });

  it('keeps only the mentions still named in the body', () => {
    expect(mentionIdsIn('@Sam Okafor and @Priya Shah', people)).toEqual(['u2', 'u4']);
    expect(mentionIdsIn('just @Sam', people)).toEqual([]);
  });

  it('splits a body so mentions can be shown as such', () => {
    expect(splitMentions('Thanks @Sam Okafor!', [people[0]!])).toEqual([{ text: 'Thanks ' }, { text: '@Sam Okafor', mentionId: 'u2' }, { text: '!' }]);
  });
});
