import { useQuery } from '@apollo/client/react';
import { PROJECT_MODERATION_STATUS } from '@kindred/api-client';
import { formatDate } from '../projects/format.util';

/**
 * For a project's owner only: says when a moderator has hidden it from everyone else (the API
 * tells no one else). Asks nothing for other people's projects.
 */
export function HiddenProjectNotice({ projectId, isMine }: { projectId: string; isMine: boolean }) {
  const { data } = useQuery(PROJECT_MODERATION_STATUS, { variables: { id: projectId }, skip: !isMine, fetchPolicy: 'cache-and-network' });
  const hiddenAt = isMine ? data?.project.hiddenAt : null;
  if (!hiddenAt) return null;
  return (
    <p className="notice hidden-notice">
      A moderator hid this project on {formatDate(hiddenAt)}. Only you can see it: it is not on the map, in lists or in peer results.
    </p>
  );
}
