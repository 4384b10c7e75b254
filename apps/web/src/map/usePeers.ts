import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { MY_PROJECTS, PEERS, type Place } from '@kindred/api-client';
import type { ThemeId } from '@kindred/domain';
import type { LatLng } from '@kindred/geo';
import {
  DEFAULT_PEER_RADIUS_KM,
  PEER_PAGE_SIZE,
  peerOriginPoint,
  peerSearchInput,
  type PeerOrigin,
  type PeerOriginKind,
} from './peer-search.util';

interface UsePeersOptions {
  /** Only for a signed-in user. */
  enabled: boolean;
  /** The map's theme filter. */
  themes: readonly ThemeId[];
  /** The map centre now, for "search from the map centre". */
  centre: LatLng;
}

/**
 * "Peers near me": where to search from (one of my projects, a place, or the map centre), how
 * far, and the ranked, paginated answer. The map centre is captured when chosen (and on request),
 * not followed, so selecting a peer (which pans the map) never reshuffles the list.
 */
export function usePeers({ enabled, themes, centre }: UsePeersOptions) {
  const mine = useQuery(MY_PROJECTS, { skip: !enabled });
  const myProjects = mine.data?.myProjects ?? [];
  const [chosenKind, setKind] = useState<PeerOriginKind | null>(null);
  const [chosenProjectId, setProjectId] = useState<string | null>(null);
  const [placeText, setPlaceText] = useState('');
  const [place, setPlace] = useState<Place | null>(null);
  const [submittedText, setSubmittedText] = useState('');
  const [centrePoint, setCentrePoint] = useState<LatLng | null>(null);
  const [radiusKm, setRadiusKm] = useState<number>(DEFAULT_PEER_RADIUS_KM);

  // Until chosen: my first project, or (with none) the map centre.
  const kind: PeerOriginKind | null = chosenKind ?? (myProjects.length ? 'project' : mine.data ? 'centre' : null);
  const project = myProjects.find((p) => p.id === chosenProjectId) ?? myProjects[0] ?? null;

  useEffect(() => {
    if (kind === 'centre' && !centrePoint) setCentrePoint(centre);
  }, [kind, centrePoint, centre]);

  let origin: PeerOrigin | null = null;
  if (kind === 'project' && project) origin = { kind, project };
  else if (kind === 'place') origin = { kind, place, text: place ? place.name : submittedText };
  else if (kind === 'centre' && centrePoint) origin = { kind, point: centrePoint };

  const input = enabled ? peerSearchInput(origin, radiusKm, themes) : null;
  const peers = useQuery(PEERS, {
    variables: { input: input ?? { radiusKm }, first: PEER_PAGE_SIZE },
    skip: !input,
    notifyOnNetworkStatusChange: true,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  const connection = input ? peers.data?.peers : undefined;

  const loadMore = async () => {
    const after = connection?.pageInfo.endCursor;
    if (!after || loadingMore) return;
    setLoadingMore(true);
    setMoreFailed(false);
    try {
      await peers.fetchMore({ variables: { after } });
    } catch {
      setMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  };

  return {
    myProjects,
    myProjectsLoading: mine.loading,
    myProjectsError: mine.error,
    kind,
    setKind: (next: PeerOriginKind) => {
      setKind(next);
      if (next === 'centre') setCentrePoint(centre);
    },
    projectId: project?.id ?? '',
    setProjectId,
    placeText,
    setPlaceText: (text: string) => {
      setPlaceText(text);
      setPlace(null);
    },
    choosePlace: (chosen: Place) => {
      setPlace(chosen);
      setPlaceText(chosen.name);
    },
    submitPlace: () => setSubmittedText(placeText),
    useMapCentre: () => setCentrePoint(centre),
    radiusKm,
    setRadiusKm,
    input,
    originPoint: peerOriginPoint(origin),
    connection,
    loading: !!input && peers.loading && !loadingMore,
    error: input ? peers.error : undefined,
    retry: () => void peers.refetch(),
    loadMore,
    loadingMore,
    moreFailed,
  };
}

export type PeersState = ReturnType<typeof usePeers>;
