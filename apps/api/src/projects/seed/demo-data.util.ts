import {
  LIMITS,
  LocationPrecision,
  PROFESSIONS,
  ProfessionId,
  StageId,
  ThemeId,
  themeLabel,
} from '@kindred/domain';
import { LatLng, UK_BBOX, roundToPrecision } from '@kindred/geo';
import { UkPlace, ukPlaces } from '../../places/uk-places.util';
import {
  DOCTOR_SPECIALTIES,
  NEEDS,
  ORGANISATIONS,
  OTHER_SPECIALTIES,
  PARTNERS,
  PROFESSION_WEIGHTS,
  PROJECT_TEMPLATES,
  ProjectTemplate,
  SURNAMES,
} from './demo-templates.constant';
import { Prng } from './prng.util';

/** Seeds the generator when none is given, so every run without `--seed` builds the same data. */
export const DEFAULT_DEMO_SEED = 20260101;

/** Every demo account's email ends here: a reserved domain that can never receive mail. */
export const DEMO_EMAIL_DOMAIN = 'example.invalid';

export interface DemoClinician {
  /** demo.<surname>.<number>@example.invalid */
  email: string;
  displayName: string;
  profession: ProfessionId;
  specialty: string | null;
  organisation: string | null;
  bio: string;
  createdAt: Date;
}

export interface DemoProject {
  title: string;
  summary: string;
  themes: ThemeId[];
  stage: StageId;
  /** The site: a workplace or town centre, never a home. */
  location: LatLng;
  /** `location` rounded to `locationPrecision`, as the API computes it on write. */
  displayLocation: LatLng;
  locationPrecision: LocationPrecision;
  placeName: string;
  seekingCollaborators: boolean;
  links: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoClinicianWithProjects {
  clinician: DemoClinician;
  projects: DemoProject[];
}

export interface DemoDataOptions {
  projects: number;
  /** Defaults to about one clinician per two projects; at most `projects`. */
  clinicians?: number;
  seed?: number;
  /** Number in the first clinician's email; later ones count up (so repeated runs do not collide). */
  firstNumber?: number;
  /** "Now" for creation dates; fixed in tests. */
  now?: Date;
  places?: readonly UkPlace[];
}

const STAGE_WEIGHTS: readonly (readonly [StageId, number])[] = [
  ['idea', 12],
  ['planning', 18],
  ['running', 35],
  ['evaluating', 15],
  ['sustained', 12],
  ['finished', 8],
];

/** How long ago (days) a project at each stage was registered. */
const STAGE_AGE_DAYS: Readonly<Record<StageId, readonly [number, number]>> = {
  idea: [0, 120],
  planning: [0, 240],
  running: [30, 720],
  evaluating: [180, 900],
  sustained: [365, 1400],
  finished: [365, 1400],
};

const PRECISION_WEIGHTS: readonly (readonly [LocationPrecision, number])[] = [
  ['area', 70],
  ['region', 18],
  ['exact', 12],
];

const THEME_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 8],
  [2, 25],
  [3, 35],
  [4, 22],
  [5, 10],
];

const DAY_MS = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const KM_PER_DEGREE_LAT = 110.574;

export function defaultClinicianCount(projects: number): number {
  return Math.max(1, Math.round(projects / 2));
}

/**
 * Builds realistic demo clinicians with their projects, one clinician at a time so that even a
 * million projects never sit in memory at once. The same options always give the same data
 * (apart from `now`, which only shifts dates).
 */
export function* generateDemoData(options: DemoDataOptions): Generator<DemoClinicianWithProjects> {
  const total = options.projects;
  const clinicianCount = options.clinicians ?? defaultClinicianCount(total);
  if (!Number.isInteger(total) || total < 0) throw new RangeError('projects must be a whole number, 0 or more.');
  if (total === 0) return;
  if (!Number.isInteger(clinicianCount) || clinicianCount < 1 || clinicianCount > total) {
    throw new RangeError(`clinicians must be a whole number from 1 to ${total} (the number of projects).`);
  }
  const rng = new Prng(options.seed ?? DEFAULT_DEMO_SEED);
  const now = (options.now ?? new Date()).getTime();
  const towns = new TownPicker(options.places ?? ukPlaces());
  const firstNumber = options.firstNumber ?? 1;

  // Everyone leads at least one project; the rest land at random, so some lead several.
  const counts = new Uint32Array(clinicianCount).fill(1);
  for (let extra = total - clinicianCount; extra > 0; extra--) counts[Math.floor(rng.next() * clinicianCount)] += 1;

  for (let i = 0; i < clinicianCount; i++) {
    yield generateClinician(rng, towns, now, firstNumber + i, counts[i]);
  }
}

function generateClinician(rng: Prng, towns: TownPicker, now: number, number: number, projectCount: number): DemoClinicianWithProjects {
  const profession = rng.weighted(PROFESSION_WEIGHTS);
  const specialty = profession === 'doctor' ? rng.weighted(DOCTOR_SPECIALTIES) : pickOrNull(rng, OTHER_SPECIALTIES[profession]);
  const role = profession === 'doctor' ? `doctor:${specialty}` : profession;
  const surname = rng.pick(SURNAMES);
  const title = profession === 'doctor' || (profession === 'psychologist' && rng.chance(0.5)) ? 'Dr ' : '';
  const home = towns.pick(rng);
  const site = jitter(rng, home);
  const organisationPattern = rng.chance(0.9) ? rng.pick(ORGANISATIONS[role] ?? ORGANISATIONS[profession] ?? ORGANISATIONS['other']) : null;

  const templates = templatesFor(role, profession);
  const projects: DemoProject[] = [];
  for (let p = 0; p < projectCount; p++) {
    // Most of one person's projects are at their workplace; some at another site or town.
    const roll = rng.next();
    const town = roll < 0.95 ? home : towns.pick(rng);
    const point = roll < 0.8 ? site : jitter(rng, town);
    const template = rng.next() < 0.85 || templates.any.length === 0 ? rng.pick(templates.specific) : rng.pick(templates.any);
    projects.push(generateProject(rng, template, town, point, now));
  }

  let earliest = now;
  for (const p of projects) earliest = Math.min(earliest, p.createdAt.getTime());
  const themes = [...new Set(projects.flatMap((p) => p.themes))].slice(0, 2).map((t) => themeLabel(t).toLowerCase());
  const professionLabel = PROFESSIONS.find((p) => p.id === profession)?.label ?? profession;
  const clinician: DemoClinician = {
    email: `demo.${surnameSlug(surname)}.${number}@${DEMO_EMAIL_DOMAIN}`,
    displayName: `${title}Demo ${surname} (demo)`,
    profession,
    specialty,
    organisation: organisationPattern ? organisationPattern.replace('{town}', home.name) : null,
    bio: `Demo profile, not a real person. ${professionLabel}${specialty ? ` (${specialty})` : ''} in ${home.name}, interested in ${themes.join(' and ')}.`,
    createdAt: new Date(earliest - rng.int(1, 60) * DAY_MS),
  };
  return { clinician, projects };
}

function generateProject(rng: Prng, template: ProjectTemplate, town: UkPlace, location: LatLng, now: number): DemoProject {
  const stage = rng.weighted(STAGE_WEIGHTS);
  const [minAge, maxAge] = STAGE_AGE_DAYS[stage];
  const ageMs = rng.int(minAge, maxAge) * DAY_MS + rng.int(0, DAY_MS - 1);
  const createdAt = new Date(now - ageMs);
  const updatedAt = new Date(createdAt.getTime() + Math.floor(rng.next() * ageMs * 0.8));
  const precision = rng.weighted(PRECISION_WEIGHTS);
  const fill = filler(rng, rng.pick(template.settings), town.name, createdAt, now);

  const title = truncate(fill(rng.pick(template.titles)), LIMITS.project.title.max);
  const seekingCollaborators = rng.chance(0.4);
  const sentences = [fill(rng.pick(template.why)), opener(rng, stage, fill(rng.pick(template.what)), createdAt)];
  if (rng.chance(0.6)) sentences.push(`We work with ${rng.pick(PARTNERS)}.`);
  if (stage !== 'idea' && stage !== 'planning') sentences.push(fill(rng.pick(template.findings)));
  if (seekingCollaborators) sentences.push(fill(rng.pick(template.asks)));
  const summary = truncate(sentences.join(' '), LIMITS.project.summary.max);

  const themeCount = Math.max(template.core.length, rng.weighted(THEME_COUNT_WEIGHTS));
  const themes = [...template.core, ...rng.sample(template.extra, themeCount - template.core.length)].slice(0, LIMITS.project.themes.max);
  const links = rng.chance(0.15) ? [`https://example.org/kindred-demo/${slugify(title, '-').slice(0, 60)}`] : [];

  return {
    title,
    summary,
    themes,
    stage,
    location,
    displayLocation: roundToPrecision(location, precision),
    locationPrecision: precision,
    placeName: town.name,
    seekingCollaborators,
    links,
    createdAt,
    updatedAt,
  };
}

function opener(rng: Prng, stage: StageId, what: string, createdAt: Date): string {
  const since = `${MONTHS[createdAt.getUTCMonth()]} ${createdAt.getUTCFullYear()}`;
  switch (stage) {
    case 'idea':
      return `We want to ${what}.`;
    case 'planning':
      return `We are planning to ${what}, starting in the next few months.`;
    case 'running':
      return `Since ${since} we have been working to ${what}.`;
    case 'evaluating':
      return `We set out to ${what} and are now evaluating the first ${rng.int(6, 18)} months.`;
    case 'sustained':
      return `What began in ${since} as a pilot to ${what} is now part of routine care.`;
    case 'finished':
      return `This ${rng.int(6, 24)}-month pilot set out to ${what}; it has now finished.`;
  }
}

/** Fills a template's placeholders in one pass; numbers are drawn fresh for each one. */
function filler(rng: Prng, setting: string, town: string, createdAt: Date, now: number): (text: string) => string {
  const months = String(Math.max(2, Math.round((now - createdAt.getTime()) / (30 * DAY_MS))));
  const place = setting.replace('{town}', town);
  const value = (_match: string, key: string): string => {
    switch (key) {
      case 'setting':
        return place;
      case 'town':
        return town;
      case 'n':
        return String(rng.int(20, 900));
      case 'pct':
        return String(rng.int(12, 68));
      case 'money':
        return `${rng.int(20, 900)},000`;
      case 'months':
        return months;
      case 'need':
        return rng.pick(NEEDS);
      case 'partner':
        return rng.pick(PARTNERS);
      default:
        throw new Error(`Unknown placeholder {${key}} in a demo template.`);
    }
  };
  return (text) => text.replace(PLACEHOLDER, value);
}

const PLACEHOLDER = /\{(\w+)\}/g;

const templatesByRole = new Map<string, { specific: ProjectTemplate[]; any: ProjectTemplate[] }>();

/** Templates a clinician might lead: those naming their role, and those open to anyone. */
function templatesFor(role: string, profession: ProfessionId): { specific: ProjectTemplate[]; any: ProjectTemplate[] } {
  let found = templatesByRole.get(role);
  if (!found) {
    const specific = PROJECT_TEMPLATES.filter((t) => t.who.includes(role) || t.who.includes(profession));
    const any = PROJECT_TEMPLATES.filter((t) => t.who.includes('any'));
    found = { specific: specific.length > 0 ? specific : any, any };
    templatesByRole.set(role, found);
  }
  return found;
}

/** Towns weighted by population, so London and Birmingham get many projects and small towns a few. */
class TownPicker {
  private readonly towns: UkPlace[];
  private readonly cumulative: Float64Array;

  constructor(places: readonly UkPlace[]) {
    this.towns = places.filter((p) => p.population > 0);
    if (this.towns.length === 0) throw new Error('No populated places to seed demo projects in.');
    this.cumulative = new Float64Array(this.towns.length);
    let sum = 0;
    this.towns.forEach((t, i) => {
      sum += t.population;
      this.cumulative[i] = sum;
    });
  }

  pick(rng: Prng): UkPlace {
    const target = rng.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.towns[lo];
  }
}

/**
 * A site within a few kilometres of the town centre: up to ~2 km in a small town, up to 12 km
 * across London. Uniform over the disc, kept inside the UK box, rounded to about a metre.
 */
function jitter(rng: Prng, town: UkPlace): LatLng {
  const radiusKm = Math.min(12, 1.5 + Math.sqrt(town.population) / 200);
  const r = radiusKm * Math.sqrt(rng.next());
  const angle = rng.next() * 2 * Math.PI;
  const lat = town.lat + (r * Math.sin(angle)) / KM_PER_DEGREE_LAT;
  const lng = town.lng + (r * Math.cos(angle)) / (KM_PER_DEGREE_LAT * Math.cos((town.lat * Math.PI) / 180));
  return {
    lat: round5(Math.min(UK_BBOX.north, Math.max(UK_BBOX.south, lat))),
    lng: round5(Math.min(UK_BBOX.east, Math.max(UK_BBOX.west, lng))),
  };
}

function pickOrNull<T>(rng: Prng, items: readonly (T | null)[] | undefined): T | null {
  return items && items.length > 0 ? rng.pick(items) : null;
}

const surnameSlugs = new Map<string, string>();

function surnameSlug(surname: string): string {
  let slug = surnameSlugs.get(surname);
  if (slug === undefined) {
    slug = slugify(surname, '');
    surnameSlugs.set(surname, slug);
  }
  return slug;
}

function slugify(text: string, separator: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, separator)
    .replace(/^-+|-+$/g, '');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function round5(v: number): number {
  return Math.round(v * 1e5) / 1e5;
}
