// Test data for the map page's specs.
import type { Heatmap, MapProject, MapSummary, PeerConnection, PeerMatch } from '@kindred/api-client';

export function mapProjectFixture(overrides: Partial<MapProject> = {}): MapProject {
  return {
    __typename: 'Project',
    id: 'project-2',
    title: 'Welfare advice in a Leeds GP surgery',
    themes: [
      { __typename: 'Theme', id: 'housing', label: 'Housing', group: 'determinant' },
      { __typename: 'Theme', id: 'welfare-income-advice', label: 'Welfare and income advice', group: 'approach' },
    ],
    stage: 'running',
    location: { __typename: 'Point', lat: 53.81, lng: -1.45 },
    placeName: 'Leeds',
    seekingCollaborators: true,
    isMine: false,
    owner: {
      __typename: 'Clinician',
      id: 'user-2',
      displayName: 'Sam Okafor',
      profession: 'nurse',
      professionLabel: 'Nurse',
      specialty: null,
    },
    ...overrides,
  };
}

export function peerFixture(n: number, overrides: Partial<PeerMatch> = {}): PeerMatch {
  const project = mapProjectFixture({ id: `peer-project-${n}`, title: `Peer project ${n}` });
  return {
    __typename: 'PeerMatch',
    clinician: {
      __typename: 'Clinician',
      id: `peer-${n}`,
      displayName: `Peer Person ${n}`,
      profession: 'health-visitor',
      professionLabel: 'Health visitor',
      specialty: null,
      organisation: null,
    },
    project,
    score: 0.9 - n / 100,
    sharedThemes: project.themes,
    distanceKm: 5 + n,
    distanceLabel: `about ${5 + n} km`,
    reason: `2 shared themes: housing, welfare and income advice; about ${5 + n} km`,
    ...overrides,
  };
}

export function peerConnectionFixture(nodes: PeerMatch[], endCursor: string | null = null): PeerConnection {
  return {
    __typename: 'PeerConnection',
    nodes,
    pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
    themes: [{ __typename: 'Theme', id: 'housing', label: 'Housing', group: 'determinant' }],
    radiusKm: 50,
  };
}

export function heatmapFixture(totalWeight: number): Heatmap {
  return {
    __typename: 'Heatmap',
    cells: totalWeight
      ? [
          { __typename: 'HeatCell', level: 8, x: 126, y: 81, lat: 53.8, lng: -1.55, weight: totalWeight - 3 },
          { __typename: 'HeatCell', level: 8, x: 127, y: 85, lat: 51.5, lng: -0.1, weight: 3 },
        ]
      : [],
    level: 8,
    maxWeight: totalWeight ? totalWeight - 3 : 0,
    totalWeight,
    minCellCount: 3,
    suppressedWeight: 0,
  };
}

export function mapSummaryFixture(overrides: Partial<MapSummary> = {}): MapSummary {
  const housing = { __typename: 'Theme' as const, id: 'housing' as const, label: 'Housing', group: 'determinant' as const };
  const poverty = { __typename: 'Theme' as const, id: 'child-poverty' as const, label: 'Child poverty', group: 'determinant' as const };
  return {
    __typename: 'MapSummary',
    totalProjects: 12,
    seekingCollaborators: 5,
    themes: [
      { __typename: 'ThemeCount', theme: housing, count: 8 },
      { __typename: 'ThemeCount', theme: poverty, count: 6 },
    ],
    areas: [
      {
        __typename: 'AreaSummary',
        name: 'Around Leeds',
        lat: 53.8,
        lng: -1.55,
        projects: 9,
        seekingCollaborators: 4,
        topThemes: [{ __typename: 'ThemeCount', theme: housing, count: 7 }],
      },
      {
        __typename: 'AreaSummary',
        name: 'Elsewhere in this view',
        lat: 53.5,
        lng: -2,
        projects: 3,
        seekingCollaborators: 1,
        topThemes: [],
      },
    ],
    text: 'In this view there are 12 registered projects, 5 seeking collaborators. Most action is on housing (8).',
    ...overrides,
  };
}
