import { LIMITS, PROFESSION_IDS, STAGE_IDS, isProfessionId, isStageId, isThemeId } from '@kindred/domain';
import { UK_BBOX, bboxContains, distanceKm, roundToPrecision } from '@kindred/geo';
import { PlacesService } from '../../places/places.service';
import { DemoClinicianWithProjects, defaultClinicianCount, generateDemoData } from './demo-data.util';
import { DOCTOR_SPECIALTIES, PROJECT_TEMPLATES } from './demo-templates.constant';

const NOW = new Date('2026-03-01T12:00:00Z');

function generate(projects: number, extra: { clinicians?: number; seed?: number; firstNumber?: number } = {}): DemoClinicianWithProjects[] {
  return [...generateDemoData({ projects, now: NOW, ...extra })];
}

describe('generateDemoData', () => {
  const sample = generate(2000, { seed: 42 });
  const projects = sample.flatMap((c) => c.projects);
  const clinicians = sample.map((c) => c.clinician);

  it('is deterministic for a seed, and differs between seeds', () => {
    expect(generate(300, { seed: 42 })).toEqual(generate(300, { seed: 42 }));
    const other = generate(300, { seed: 43 });
    expect(other.map((c) => c.clinician.email)).not.toEqual(generate(300, { seed: 42 }).map((c) => c.clinician.email));
  });

  it('builds exactly the projects asked for, about one clinician per two, each leading at least one', () => {
    expect(projects).toHaveLength(2000);
    expect(sample).toHaveLength(defaultClinicianCount(2000));
    expect(sample).toHaveLength(1000);
    for (const c of sample) expect(c.projects.length).toBeGreaterThanOrEqual(1);
    expect(sample.filter((c) => c.projects.length >= 3).length).toBeGreaterThan(50);
  });

  it('honours an explicit clinician count and refuses more clinicians than projects', () => {
    expect(generate(100, { clinicians: 7 })).toHaveLength(7);
    expect(generate(100, { clinicians: 100 }).every((c) => c.projects.length === 1)).toBe(true);
    expect(() => generate(10, { clinicians: 11 })).toThrow(RangeError);
    expect(() => generate(10, { clinicians: 0 })).toThrow(RangeError);
    expect(generate(0)).toEqual([]);
  });

  it('gives every project 1 to 5 distinct, known themes', () => {
    for (const p of projects) {
      expect(p.themes.length).toBeGreaterThanOrEqual(LIMITS.project.themes.min);
      expect(p.themes.length).toBeLessThanOrEqual(LIMITS.project.themes.max);
      expect(new Set(p.themes).size).toBe(p.themes.length);
      for (const t of p.themes) expect(isThemeId(t)).toBe(true);
    }
    const sizes = new Set(projects.map((p) => p.themes.length));
    expect([...sizes].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps themes coherent with the kind of project', () => {
    const antenatal = projects.filter((p) => p.title === 'Cost-of-living advice in the antenatal clinic');
    expect(antenatal.length).toBeGreaterThan(0);
    for (const p of antenatal) expect(p.themes).toEqual(expect.arrayContaining(['income-cost-of-living', 'welfare-income-advice', 'child-poverty']));
    const screening = projects.filter((p) => p.title.startsWith('Social-history screening questionnaire in '));
    expect(screening.length).toBeGreaterThan(0);
    for (const p of screening) expect(p.themes).toEqual(expect.arrayContaining(['social-history-screening', 'child-poverty']));
  });

  it('places every project inside the UK, near the town it names', () => {
    const gazetteer = new PlacesService();
    for (const p of projects) {
      expect(bboxContains(UK_BBOX, p.location)).toBe(true);
      // Others see the rounded point: within a cell's half-diagonal of the site (~7 km for region).
      expect(distanceKm(p.location, p.displayLocation)).toBeLessThanOrEqual(p.locationPrecision === 'region' ? 7.5 : 0.75);
      const town = gazetteer.resolve(p.placeName);
      expect(town).not.toBeNull();
      // The exact-name match may be a namesake elsewhere (there are six Newports); most are close.
      if (town && town.name === p.placeName && distanceKm(town, p.location) > 14) {
        expect(gazetteer.search(p.placeName, 10).some((t) => t.name === p.placeName && distanceKm(t, p.location) <= 14)).toBe(true);
      }
    }
  });

  it('stores the display point exactly as the API rounds it for the chosen precision', () => {
    for (const p of projects) expect(p.displayLocation).toEqual(roundToPrecision(p.location, p.locationPrecision));
    const share = (precision: string) => projects.filter((p) => p.locationPrecision === precision).length / projects.length;
    expect(share('area')).toBeGreaterThan(0.6);
    expect(share('region')).toBeGreaterThan(0.1);
    expect(share('exact')).toBeGreaterThan(0.05);
    expect(share('exact')).toBeLessThan(share('region'));
  });

  it('spreads projects over many towns, weighted by population', () => {
    const byTown = new Map<string, number>();
    for (const p of projects) byTown.set(p.placeName, (byTown.get(p.placeName) ?? 0) + 1);
    expect(byTown.size).toBeGreaterThan(300);
    const top = [...byTown.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(top?.[0]).toBe('London');
    for (const city of ['Birmingham', 'Manchester', 'Leeds', 'Glasgow', 'Cardiff', 'Belfast']) expect(byTown.get(city) ?? 0).toBeGreaterThan(0);
  });

  it('mixes stages, and about 40% seek collaborators', () => {
    for (const p of projects) expect(isStageId(p.stage)).toBe(true);
    expect(new Set(projects.map((p) => p.stage)).size).toBe(STAGE_IDS.length);
    const seeking = projects.filter((p) => p.seekingCollaborators).length / projects.length;
    expect(seeking).toBeGreaterThan(0.33);
    expect(seeking).toBeLessThan(0.47);
  });

  it('writes titles and summaries within the limits, with every placeholder filled', () => {
    for (const p of projects) {
      expect(p.title.length).toBeGreaterThanOrEqual(LIMITS.project.title.min);
      expect(p.title.length).toBeLessThanOrEqual(LIMITS.project.title.max);
      expect(p.summary.length).toBeGreaterThanOrEqual(LIMITS.project.summary.min);
      expect(p.summary.length).toBeLessThanOrEqual(LIMITS.project.summary.max);
      expect(`${p.title} ${p.summary}`).not.toMatch(/[{}]/);
      for (const link of p.links) expect(link).toMatch(/^https:\/\/example\.org\/kindred-demo\/[a-z0-9-]+$/);
      expect(p.updatedAt.getTime()).toBeGreaterThanOrEqual(p.createdAt.getTime());
      expect(p.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('makes clinicians that are obviously fake, with unique reserved-domain emails', () => {
    const specialties = new Set(DOCTOR_SPECIALTIES.map(([s]) => s));
    for (const c of clinicians) {
      expect(c.displayName).toMatch(/^(Dr )?Demo \S.* \(demo\)$/);
      expect(c.email).toMatch(/^demo\.[a-z]+\.\d+@example\.invalid$/);
      expect(c.displayName.length).toBeLessThanOrEqual(LIMITS.displayName.max);
      expect(isProfessionId(c.profession)).toBe(true);
      if (c.profession === 'doctor') expect(specialties.has(c.specialty ?? '')).toBe(true);
      if (c.organisation) expect(c.organisation).toMatch(/demo|Demo/);
      expect(c.bio).toContain('not a real person');
    }
    expect(new Set(clinicians.map((c) => c.email)).size).toBe(clinicians.length);
    expect(new Set(clinicians.map((c) => c.profession)).size).toBeGreaterThanOrEqual(10);
  });

  it('numbers emails from firstNumber, so a second run does not collide with the first', () => {
    const later = generate(10, { firstNumber: 501 });
    expect(later.map((c) => Number(c.clinician.email.split('.')[2]?.split('@')[0]))).toEqual([501, 502, 503, 504, 505]);
  });
});

describe('demo project templates', () => {
  const roles = new Set<string>([...PROFESSION_IDS, ...DOCTOR_SPECIALTIES.map(([s]) => `doctor:${s}`), 'any']);

  it.each(PROJECT_TEMPLATES.map((t) => [t.titles[0], t] as const))('%s uses known themes and roles', (_title, t) => {
    for (const theme of [...t.core, ...t.extra]) expect(isThemeId(theme)).toBe(true);
    expect(t.core.length).toBeGreaterThanOrEqual(1);
    expect(t.core.length).toBeLessThanOrEqual(3);
    expect(new Set([...t.core, ...t.extra]).size).toBe(t.core.length + t.extra.length);
    for (const who of t.who) expect(roles.has(who)).toBe(true);
    for (const list of [t.titles, t.settings, t.what, t.why, t.findings]) expect(list.length).toBeGreaterThan(0);
  });

  it('gives every profession and doctor specialty something to lead', () => {
    for (const role of roles) {
      if (role === 'any' || role === 'doctor') continue;
      const [profession] = role.split(':');
      expect(PROJECT_TEMPLATES.some((t) => t.who.includes(role) || (profession !== 'doctor' && t.who.includes(profession ?? '')))).toBe(true);
    }
  });
});
