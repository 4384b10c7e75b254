import { peerScore } from './peer-scoring.util';
import { PeerGroup, PeerTier, PeerWalkRow, rankableRows, toTiers } from './peer-tiers.util';

const row = (point: string, distanceM: number, shared: [number, number, number, number, number]): PeerWalkRow => ({
  point_id: point,
  distance_m: distanceM,
  shared_1: shared[0],
  shared_2: shared[1],
  shared_3: shared[2],
  shared_4: shared[3],
  shared_5: shared[4],
});

describe('peer tiers', () => {
  it('rank a walk’s groups by score, merging equal scores at equal distances into one tier', () => {
    const groups = new Map<string, PeerGroup>();
    const walk = toTiers(
      [row('1', 500, [4, 0, 1, 0, 0]), row('2', 500, [0, 0, 2, 0, 0]), row('3', 900, [0, 7, 0, 0, 0]), row('4', 3000, [0, 0, 0, 0, 0])],
      3,
      50,
      groups,
    );
    expect(walk.points).toBe(4);
    expect(walk.farthestM).toBe(3000);
    expect(walk.tiers.map((t) => [t.overlap, t.distanceM, t.projects, t.groups.map((g) => g.key)])).toEqual([
      [3, 500, 3, ['1:3', '2:3']],
      [2, 900, 7, ['3:2']],
      [1, 500, 4, ['1:1']],
    ]);
    expect(walk.tiers[0]!.score).toBe(peerScore(3, 3, 0.5, 50));
    // A wider walk of the same search reuses what was read of a group.
    groups.get('3:2')!.rows.push({ id: 'a', ownerId: 'x', themeMask: 5 });
    const wider = toTiers([row('3', 900, [0, 7, 0, 0, 0])], 3, 50, groups);
    expect(wider.tiers[0]!.groups[0]!.rows).toHaveLength(1);
  });

  it('offer a tier’s projects in id order only as far as every unfinished group has been read', () => {
    const group = (key: string, ids: string[], exhausted: boolean): PeerGroup => ({
      key,
      pointId: key,
      overlap: 2,
      projects: 10,
      rows: ids.map((id) => ({ id, ownerId: `o-${id}`, themeMask: 3 })),
      exhausted,
    });
    const a = group('a', ['01', '05', '09'], false);
    const b = group('b', ['02', '03', '12'], true);
    const tier: PeerTier = { score: 0.5, distanceM: 100, overlap: 2, groups: [a, b], projects: 20 };
    // a may still hold ids after 09, which would sort before 12: stop at 09.
    expect(rankableRows(tier, null).map((r) => r.id)).toEqual(['01', '02', '03', '05', '09']);
    expect(rankableRows(tier, '03').map((r) => r.id)).toEqual(['05', '09']);
    a.exhausted = true;
    expect(rankableRows(tier, '09').map((r) => r.id)).toEqual(['12']);
    // A group not read yet holds everything back.
    const unread = group('c', [], false);
    expect(rankableRows({ ...tier, groups: [a, b, unread] }, null)).toEqual([]);
  });
});
