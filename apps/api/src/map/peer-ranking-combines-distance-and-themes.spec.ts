import { peerReason, peerScore, rankPeers } from './peer-scoring.util';

describe('peer ranking', () => {
  it('prefers more shared themes at the same distance', () => {
    expect(peerScore(3, 3, 10, 50)).toBeGreaterThan(peerScore(1, 3, 10, 50));
  });

  it('prefers nearer peers with the same themes', () => {
    expect(peerScore(2, 3, 5, 50)).toBeGreaterThan(peerScore(2, 3, 40, 50));
  });

  it('trades theme overlap against distance on a local scale', () => {
    // Within 50 km (decay scale 5 km): all three themes at 2 km beat one theme at 1 km...
    expect(peerScore(3, 3, 2, 50)).toBeGreaterThan(peerScore(1, 3, 1, 50));
    // ...but one theme at 1 km beats all three at 10 km.
    expect(peerScore(1, 3, 1, 50)).toBeGreaterThan(peerScore(3, 3, 10, 50));
  });

  it('stays between 0 and 1', () => {
    expect(peerScore(3, 3, 0, 50)).toBe(1);
    expect(peerScore(0, 3, 0, 50)).toBe(0.5);
    expect(peerScore(3, 3, 200, 200)).toBeGreaterThan(0);
  });

  it('keeps one row per person, their best project', () => {
    const ranked = rankPeers(
      [
        { projectId: 'a1', ownerId: 'alice', distanceM: 30_000, sharedThemes: ['housing'] },
        { projectId: 'a2', ownerId: 'alice', distanceM: 4_000, sharedThemes: ['housing', 'food-insecurity'] },
        { projectId: 'b1', ownerId: 'bob', distanceM: 1_000, sharedThemes: ['housing'] },
      ],
      2,
      50,
    );
    // Alice's best is a2 (both themes, 4 km: 0.45); Bob's one theme at 1 km scores 0.61.
    expect(ranked.map((r) => r.projectId)).toEqual(['b1', 'a2']);
  });

  it('explains the match in words', () => {
    expect(peerReason(['housing', 'food-insecurity', 'child-poverty'], 8_300)).toBe(
      '3 shared themes: housing, food insecurity, child poverty; about 8 km',
    );
    expect(peerReason(['housing'], 800)).toBe('1 shared theme: housing; under 2 km');
  });
});
