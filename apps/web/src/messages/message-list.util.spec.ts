import { messageFixture, ME_ID, OTHER_ID, socketMessageFixture } from './messages-fixtures.testing';
import { fromGraphQLMessage, mergeMessages, newestFromOthers, newestMessage, seenMessageId } from './message-list.util';

const seqs = (list: readonly { seq: number }[]) => list.map((m) => m.seq);

describe('merging messages into a thread', () => {
  it('orders by seq whatever order they arrive in', () => {
    const merged = mergeMessages([socketMessageFixture(2)], [socketMessageFixture(5), socketMessageFixture(1), socketMessageFixture(3)]);
    expect(seqs(merged)).toEqual([1, 2, 3, 5]);
  });

  it('keeps each message once: the ack, the live event and a catch-up of the same message', () => {
    const ack = socketMessageFixture(4);
    let thread = mergeMessages([socketMessageFixture(3)], [ack]);
    thread = mergeMessages(thread, [{ ...ack }]);
    thread = mergeMessages(thread, [socketMessageFixture(3), { ...ack }, socketMessageFixture(5)]);
    expect(seqs(thread)).toEqual([3, 4, 5]);
    expect(new Set(thread.map((m) => m.id)).size).toBe(3);
  });

  it('lets live news replace the held copy (an edit, a delete, a reaction)', () => {
    const thread = [socketMessageFixture(1), socketMessageFixture(2)];
    const edited = socketMessageFixture(2, { body: 'Edited', editedAt: '2026-03-01T11:00:00.000Z' });
    const merged = mergeMessages(thread, [edited]);
    expect(merged[1]!.body).toBe('Edited');
    expect(merged[0]).toBe(thread[0]);
  });

  it('does not let a page fetched earlier undo a live update', () => {
    const live = [socketMessageFixture(1, { body: null, deletedAt: '2026-03-01T11:00:00.000Z' })];
    const merged = mergeMessages(live, [socketMessageFixture(1), socketMessageFixture(0)], 'existing');
    expect(merged.map((m) => m.body)).toEqual(['Message 0', null]);
  });

  it('returns the same array when nothing changed (no needless renders)', () => {
    const thread = [socketMessageFixture(1)];
    expect(mergeMessages(thread, [])).toBe(thread);
    expect(mergeMessages(thread, [socketMessageFixture(1)], 'existing')).toBe(thread);
  });

  it('reads GraphQL messages into the socket shape', () => {
    const m = fromGraphQLMessage(messageFixture(7, { mentionIds: [ME_ID], reactions: [{ __typename: 'Reaction', emoji: '👍', count: 1, userIds: [ME_ID], reactedByMe: true }] }));
    expect(m).toEqual(
      socketMessageFixture(7, { mentionIds: [ME_ID], reactions: [{ emoji: '👍', count: 1, userIds: [ME_ID] }] }),
    );
  });
});

describe('points in a thread', () => {
  const mine = (seq: number) => socketMessageFixture(seq, { author: { id: ME_ID, displayName: 'Dr Asha Patel', profession: 'doctor' } });
  const thread = [socketMessageFixture(1), mine(2), mine(3), socketMessageFixture(4), mine(5)];

  it('knows the newest message (where a catch-up starts)', () => {
    expect(newestMessage(thread)?.id).toBe('m5');
    expect(newestMessage([])).toBeNull();
  });

  it('knows the newest message from someone else (what marking read points at)', () => {
    expect(newestFromOthers(thread, ME_ID)?.id).toBe('m4');
    expect(newestFromOthers([mine(1)], ME_ID)).toBeNull();
  });

  it('puts "Seen" under my newest message the other person has read', () => {
    expect(seenMessageId(thread, ME_ID, 3)).toBe('m3');
    expect(seenMessageId(thread, ME_ID, 5)).toBe('m5');
    expect(seenMessageId(thread, ME_ID, 1)).toBeNull();
    expect(seenMessageId(thread, OTHER_ID, 4)).toBe('m4');
  });
});
