import { MODERATION_ACTIONS, statusAfter } from './moderation.constant';

describe('moderation outcomes', () => {
  it('marks a dismissed report dismissed and any action actioned', () => {
    expect(MODERATION_ACTIONS.map((action) => [action, statusAfter(action)])).toEqual([
      ['dismiss', 'dismissed'],
      ['hide', 'actioned'],
      ['suspend', 'actioned'],
    ]);
  });
});
