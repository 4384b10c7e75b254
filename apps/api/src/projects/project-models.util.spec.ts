import { roundToPrecision } from '@kindred/geo';
import { toGeoJsonPoint, toProject } from './project-models.util';
import type { ProjectEntity } from './project.entity';

const exact = { lat: 53.796123, lng: -1.547789 };

function entity(overrides: Partial<ProjectEntity> = {}): ProjectEntity {
  return {
    id: 'p1',
    ownerId: 'owner',
    title: 'Warm spaces',
    summary: 'Heated rooms for isolated patients.',
    themes: ['fuel-poverty', 'social-isolation'],
    stage: 'running',
    location: toGeoJsonPoint(exact),
    displayLocation: toGeoJsonPoint(roundToPrecision(exact, 'area')),
    locationPrecision: 'area',
    placeName: null,
    seekingCollaborators: false,
    links: [],
    hiddenAt: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

describe('toProject (what one viewer sees of a project)', () => {
  it('gives everyone else the rounded point only, even if the exact one was loaded by mistake', () => {
    for (const viewer of [null, 'someone-else']) {
      const view = toProject(entity(), viewer);
      expect(view.location).toEqual(roundToPrecision(exact, 'area'));
      expect(view.location).not.toEqual(exact);
      expect(view.exactLocation).toBeNull();
      expect(view.isMine).toBe(false);
      expect(JSON.stringify(view)).not.toContain(String(exact.lat));
    }
  });

  it('gives the owner both points', () => {
    const view = toProject(entity(), 'owner');
    expect(view).toMatchObject({ isMine: true, exactLocation: exact, location: roundToPrecision(exact, 'area') });
  });

  it('gives the owner no exact point when it was not loaded', () => {
    expect(toProject(entity({ location: undefined }), 'owner').exactLocation).toBeNull();
  });

  it('turns theme ids into labelled themes in the stored order', () => {
    expect(toProject(entity(), null).themes).toEqual([
      { id: 'fuel-poverty', label: 'Fuel poverty', group: 'determinant' },
      { id: 'social-isolation', label: 'Social isolation', group: 'determinant' },
    ]);
  });
});
