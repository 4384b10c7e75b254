import { alertMatchMessage } from './alert-area.util';

describe('alert match message', () => {
  const base = { alertName: 'Child poverty near me', projectTitle: 'Warm spaces for families', near: 'Leeds', region: null, moved: false };

  it('says where, which alert, which project and roughly how far from the centre', () => {
    expect(alertMatchMessage({ ...base, distanceKm: 6.3 })).toBe(
      'New project near Leeds matching your alert ‘Child poverty near me’: ‘Warm spaces for families’ (about 6 km from the centre)',
    );
  });

  it('never gives a close distance exactly', () => {
    expect(alertMatchMessage({ ...base, distanceKm: 0.4 })).toContain('(under 2 km from the centre)');
    expect(alertMatchMessage({ ...base, distanceKm: 47.2 })).toContain('(about 45 km from the centre)');
  });

  it('names the nation for a region alert, and says when a project moved in', () => {
    expect(alertMatchMessage({ ...base, alertName: 'Wales', near: 'Cardiff', distanceKm: null, region: 'Wales' })).toBe(
      'New project near Cardiff matching your alert ‘Wales’: ‘Warm spaces for families’ (in Wales)',
    );
    expect(alertMatchMessage({ ...base, distanceKm: 3, moved: true })).toBe(
      'Project moved near Leeds, matching your alert ‘Child poverty near me’: ‘Warm spaces for families’ (about 3 km from the centre)',
    );
  });
});
