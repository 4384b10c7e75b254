import '../testing/jsdom-polyfills';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { REPORT_CONTENT, type ReportInput } from '@kindred/api-client';
import { REPORT_REASONS } from '@kindred/domain';
import { apiError } from '../testing/fixtures';
import { renderWithProviders } from '../testing/render-with-providers';
import { ReportButton } from './ReportButton';

type Reply = { data: unknown; errors?: Array<ReturnType<typeof apiError>> };
const reportMock = (reply: (vars: { input: ReportInput }) => Reply) => ({
  request: { query: REPORT_CONTENT, variables: () => true },
  result: (vars: Record<string, unknown>) => reply(vars as { input: ReportInput }) as { data: Record<string, unknown> | null },
});

function open() {
  const trigger = screen.getByRole('button', { name: 'Report this project' });
  fireEvent.click(trigger);
  return { trigger, dialog: screen.getByRole('dialog', { name: 'Report this project' }) };
}

describe('report dialog', () => {
  it('opens with focus on its title, offers every reason, and gives focus back on cancel', async () => {
    renderWithProviders(<ReportButton target={{ projectId: 'project-9' }} subject="this project" />);
    const { trigger, dialog } = open();
    expect(trigger.getAttribute('aria-haspopup')).toBe('dialog');
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Report this project' })));
    const group = within(dialog).getByRole('group', { name: 'Why are you reporting it?' });
    expect(within(group).getAllByRole('radio').map((r) => r.closest('li')?.textContent)).toEqual(REPORT_REASONS.map((r) => r.label));
    expect(within(dialog).getByLabelText('Details (optional)')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('closes on Escape', () => {
    renderWithProviders(<ReportButton target={{ projectId: 'project-9' }} subject="this project" />);
    const { dialog } = open();
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks for a reason and keeps details within the limit before sending anything', async () => {
    const send = jest.fn(() => ({ data: { reportContent: { __typename: 'Report', id: 'r1', status: 'open', reason: 'spam' } } }));
    renderWithProviders(<ReportButton target={{ projectId: 'project-9' }} subject="this project" />, { mocks: [reportMock(send)] });
    const { dialog } = open();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    const summary = await within(dialog).findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Reason' })).toBeTruthy();
    expect(within(dialog).getByText('Choose why you are reporting it.')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('radio', { name: 'Spam or advertising' }));
    fireEvent.change(within(dialog).getByLabelText('Details (optional)'), { target: { value: 'x'.repeat(1001) } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(await within(dialog).findByText('Keep the details to 1,000 characters or fewer.')).toBeTruthy();
    expect(within(dialog).getByLabelText('Details (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(send).not.toHaveBeenCalled();
  });

  it('sends the reason and trimmed details, then thanks me and closes on request', async () => {
    const sent: ReportInput[] = [];
    renderWithProviders(<ReportButton target={{ messageId: 'message-3' }} subject="Bob’s message" />, {
      mocks: [
        reportMock(({ input }) => {
          sent.push(input);
          return { data: { reportContent: { __typename: 'Report', id: 'r1', status: 'open', reason: input.reason } } };
        }),
      ],
    });
    const trigger = screen.getByRole('button', { name: 'Report Bob’s message' });
    fireEvent.click(trigger);
    const dialog = screen.getByRole('dialog', { name: 'Report Bob’s message' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Shares patient-identifiable information' }));
    fireEvent.change(within(dialog).getByLabelText('Details (optional)'), { target: { value: '  Names a patient in full.  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    const thanks = await within(dialog).findByText(/Your report has been sent to Kindred’s moderators/);
    await waitFor(() => expect(document.activeElement).toBe(thanks));
    expect(sent).toEqual([{ messageId: 'message-3', reason: 'patient-data', details: 'Names a patient in full.' }]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('says so when the content has gone in the meantime', async () => {
    renderWithProviders(<ReportButton target={{ projectId: 'project-9' }} subject="this project" />, {
      mocks: [reportMock(() => ({ data: null, errors: [apiError('Project not found.', 'NOT_FOUND', 'input.projectId')] }))],
    });
    const { dialog } = open();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Something else' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(await within(dialog).findByText('This can no longer be reported: it may have been deleted or hidden already.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Send report' })).toBeTruthy();
  });

  it('shows the API’s refusal of my own content', async () => {
    renderWithProviders(<ReportButton target={{ projectId: 'project-9' }} subject="this project" />, {
      mocks: [reportMock(() => ({ data: null, errors: [apiError('You cannot report your own project.', 'BAD_USER_INPUT', 'input.projectId')] }))],
    });
    const { dialog } = open();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Something else' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(await within(dialog).findByText('You cannot report your own project.')).toBeTruthy();
  });
});
