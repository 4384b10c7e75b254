import { actionCopy, reasonLabel } from './report-labels.util';

const project = { __typename: 'Project' as const, id: 'p1', title: 'Warm spaces', summary: 'Heated rooms.', hiddenAt: null };
const author = { __typename: 'Clinician' as const, id: 'u2', displayName: 'Bob Author', professionLabel: 'Nurse', role: 'clinician' as const };

describe('moderation wording', () => {
  it('labels reasons from the shared list, and shows an unknown id as it is', () => {
    expect(reasonLabel('patient-data')).toBe('Shares patient-identifiable information');
    expect(reasonLabel('something-new')).toBe('something-new');
  });

  it('names the project, or the author, in each action’s question and outcome', () => {
    const onProject = { message: null, project, targetAuthor: author };
    expect(actionCopy('hide', onProject)).toMatchObject({ confirm: 'Yes, hide project', done: 'The project “Warm spaces” is now hidden.' });
    expect(actionCopy('suspend', onProject).question).toMatch(/^Suspend Bob Author’s account\?/);
    const onMessage = {
      message: { id: 'm1', conversationId: 'c1', body: 'Hi', createdAt: '', deletedAt: null, hiddenAt: null },
      project: null,
      targetAuthor: null,
    };
    expect(actionCopy('hide', onMessage)).toMatchObject({ confirm: 'Yes, hide message', done: 'The message is now hidden.' });
    expect(actionCopy('suspend', onMessage).done).toBe('The author’s account is suspended and their projects are hidden.');
    expect(actionCopy('dismiss', onMessage).question).toBe('Dismiss this report? The message stays as it is.');
  });
});
