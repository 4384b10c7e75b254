import type { GapArea, GapLayer } from '@kindred/api-client';

export function gapArea(overrides: Partial<GapArea> & Pick<GapArea, 'code' | 'name'>): GapArea {
  return {
    lat: 53.8,
    lng: -1.55,
    value: 20,
    needScore: 0.5,
    projects: 0,
    actionScore: 0,
    gap: 0.5,
    highGap: true,
    label: 'High need, little action',
    ...overrides,
  };
}

/** Five areas, largest gap first as the API sends them; the sample's illustrative source by default. */
export function gapLayer(overrides: Partial<GapLayer> = {}, indicator: Partial<GapLayer['indicator']> = {}): GapLayer {
  return {
    indicator: {
      id: 'ind-1',
      name: 'Children in low-income families (illustrative sample)',
      description: null,
      unit: '% of children',
      source: 'Illustrative sample, not official statistics: invented values.',
      higherIsWorse: true,
      minValue: 10.9,
      maxValue: 38.4,
      ...indicator,
    },
    areas: [
      gapArea({ code: 'E06000002', name: 'Middlesbrough', lat: 54.576, lng: -1.235, value: 38.4, needScore: 1, projects: 0, actionScore: 0, gap: 1, highGap: true, label: 'High need, little action' }),
      gapArea({ code: 'E08000032', name: 'Bradford', lat: 53.794, lng: -1.752, value: 34.6, needScore: 0.75, projects: 1, actionScore: 0.25, gap: 0.5, highGap: true, label: 'High need, little action' }),
      gapArea({ code: 'E08000003', name: 'Manchester', lat: 53.481, lng: -2.237, value: 33.4, needScore: 0.5, projects: 3, actionScore: 0.5, gap: 0, highGap: false, label: 'High need, active' }),
      gapArea({ code: 'E08000035', name: 'Leeds', lat: 53.796, lng: -1.548, value: 24.1, needScore: 0.25, projects: 9, actionScore: 1, gap: 0, highGap: false, label: 'Lower need, active' }),
      gapArea({ code: 'E06000022', name: 'Bath', lat: 51.375, lng: -2.362, value: 10.9, needScore: 0, projects: 0, actionScore: 0, gap: 0, highGap: false, label: 'Lower need, little action' }),
    ],
    hexes: [],
    hexResolution: 5,
    radiusKm: 60,
    assignedProjects: 13,
    unassignedProjects: 2,
    ...overrides,
  };
}
