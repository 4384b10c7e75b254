import { groupReactions, type MessageRow, toMessageModel, toSocketMessage, toStoredMessage } from './message-models.util';
import { preview } from './message-notifications.service';

const row = (over: Partial<MessageRow> = {}): MessageRow => ({
  id: 'm1',
  conversation_id: 'c1',
  seq: '7',
  client_id: 'client-0001',
  author_id: 'u1',
  author_name: 'Dr Ada',
  author_profession: 'doctor',
  body: 'Hello @Bea',
  parent_id: null,
  mention_ids: ['u2'],
  created_at: new Date('2026-11-26T10:00:00.000Z'),
  edited_at: null,
  deleted_at: null,
  hidden_at: null,
  ...over,
});

describe('message models', () => {
  it('never lets the text, mentions or reactions of a deleted or hidden message leave the API', () => {
    const reactions = [{ emoji: '👍', count: 1, userIds: ['u2'] }];
    for (const gone of [{ deleted_at: new Date() }, { hidden_at: new Date() }]) {
      const m = toStoredMessage(row(gone), reactions);
      expect(m.body).toBeNull();
      expect(m.mentionIds).toEqual([]);
      expect(m.reactions).toEqual([]);
    }
    const live = toStoredMessage(row(), reactions);
    expect(live.body).toBe('Hello @Bea');
    expect(live.seq).toBe(7);
  });

  it('gives sockets one viewer-free shape and GraphQL the viewer’s own flags', () => {
    const m = toStoredMessage(row(), [{ emoji: '🎉', count: 2, userIds: ['u1', 'u3'] }]);
    expect(toSocketMessage(m)).toMatchObject({
      author: { id: 'u1', displayName: 'Dr Ada', profession: 'doctor' },
      createdAt: '2026-11-26T10:00:00.000Z',
      editedAt: null,
    });
    expect(toMessageModel(m, 'u1')).toMatchObject({ isMine: true, reactions: [{ emoji: '🎉', reactedByMe: true }] });
    expect(toMessageModel(m, 'u2')).toMatchObject({ isMine: false, reactions: [{ emoji: '🎉', reactedByMe: false }] });
    expect(toSocketMessage(toStoredMessage(row({ author_id: null, author_name: null })))).toMatchObject({ author: null });
  });

  it('groups reaction rows per message in first-use order', () => {
    const grouped = groupReactions([
      { message_id: 'a', emoji: '👍', user_ids: ['u1', 'u2'] },
      { message_id: 'a', emoji: '❤️', user_ids: ['u3'] },
      { message_id: 'b', emoji: '💡', user_ids: ['u1'] },
    ]);
    expect(grouped.get('a')).toEqual([
      { emoji: '👍', count: 2, userIds: ['u1', 'u2'] },
      { emoji: '❤️', count: 1, userIds: ['u3'] },
    ]);
    expect(grouped.get('b')).toHaveLength(1);
  });

  it('previews a message on one line, cut at 80 characters', () => {
    expect(preview('  two\n\nlines  ')).toBe('two lines');
    expect(preview('x'.repeat(100))).toHaveLength(80);
    expect(preview('x'.repeat(100)).endsWith('…')).toBe(true);
    expect(preview(null)).toBe('');
  });
});
