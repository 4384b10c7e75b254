import { roundToPrecision } from '@kindred/geo';
import { CliniciansService } from '../src/clinicians/clinicians.service';
import { createTestApp, countRows, GqlResult, TestApp } from './test-app';
import { projectInput, registerProject, signUp, SignedUpUser } from './fixtures';

const PROJECT_FIELDS = `id title summary stage locationPrecision placeName seekingCollaborators links isMine createdAt updatedAt
  themes { id label group } location { lat lng } exactLocation { lat lng }
  owner { id displayName profession professionLabel specialty organisation role }`;
const REGISTER = `mutation($input: RegisterProjectInput!) { registerProject(input: $input) { ${PROJECT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProjectInput!) { updateProject(id: $id, input: $input) { ${PROJECT_FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteProject(id: $id) }`;
const PROJECT = `query($id: ID!) { project(id: $id) { ${PROJECT_FIELDS} } }`;
const LIST = `query($filter: ProjectFilterInput, $first: Int, $after: String) {
  projects(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id title createdAt } }
}`;

interface ProjectData {
  id: string;
  title: string;
  summary: string;
  stage: string;
  locationPrecision: string;
  placeName: string | null;
  seekingCollaborators: boolean;
  links: string[];
  isMine: boolean;
  themes: Array<{ id: string; label: string; group: string }>;
  location: { lat: number; lng: number };
  exactLocation: { lat: number; lng: number } | null;
  owner: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}
interface ListData {
  projects: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ id: string; title: string }> };
}

function errorOf(res: GqlResult): { code?: string; field?: string; message: string } {
  expect(res.errors?.length).toBeGreaterThan(0);
  const [error] = res.errors ?? [];
  return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message ?? '' };
}

/** The stored row, exact point included, for asserting that a refused write changed nothing. */
async function projectRow(t: TestApp, id: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await t.db.query(
    `SELECT title, summary, themes, stage, location_precision, place_name, seeking_collaborators, links, updated_at,
            ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng,
            ST_Y(display_location::geometry) AS display_lat, ST_X(display_location::geometry) AS display_lng
       FROM projects WHERE id = $1`,
    [id],
  );
  return row;
}

describe('projects (integration)', () => {
  let t: TestApp;
  let admin: SignedUpUser;
  let owner: SignedUpUser;
  let other: SignedUpUser;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    admin = await signUp(t);
    owner = await signUp(t, { displayName: 'Priya Shah', profession: 'health-visitor', specialty: null, organisation: 'Bradford Council' });
    other = await signUp(t, { profession: 'pharmacist' });
  });
  afterAll(async () => t.close());

  describe('registerProject', () => {
    it('stores the project with defaults and returns it to its owner', async () => {
      const input = {
        title: '  Warm homes on prescription  ',
        summary: 'GP practices prescribe heating support for patients with respiratory illness.',
        themes: ['fuel-poverty', 'social-prescribing'],
        stage: 'planning',
        location: { lat: 53.795123, lng: -1.759876 },
      };
      const res = await t.gql<{ registerProject: ProjectData }>(REGISTER, { input }, owner.token);
      expect(res.errors).toBeUndefined();
      const p = res.data!.registerProject;
      expect(p).toMatchObject({
        title: 'Warm homes on prescription',
        stage: 'planning',
        locationPrecision: 'area',
        placeName: null,
        seekingCollaborators: false,
        links: [],
        isMine: true,
        exactLocation: { lat: 53.795123, lng: -1.759876 },
        location: roundToPrecision({ lat: 53.795123, lng: -1.759876 }, 'area'),
        owner: {
          id: owner.id,
          displayName: 'Priya Shah',
          profession: 'health-visitor',
          professionLabel: 'Health visitor',
          specialty: null,
          organisation: 'Bradford Council',
          role: 'clinician',
        },
      });
      expect(p.themes).toEqual([
        { id: 'fuel-poverty', label: 'Fuel poverty', group: 'determinant' },
        { id: 'social-prescribing', label: 'Social prescribing', group: 'approach' },
      ]);
      const row = await projectRow(t, p.id);
      expect(row).toMatchObject({ lat: 53.795123, lng: -1.759876, location_precision: 'area' });
      expect(row?.['display_lat']).toBeCloseTo(p.location.lat, 9);
      expect(row?.['display_lng']).toBeCloseTo(p.location.lng, 9);
    });

    it('keeps links, seekingCollaborators and an exact precision', async () => {
      const p = await t.gql<{ registerProject: ProjectData }>(
        REGISTER,
        {
          input: projectInput({
            locationPrecision: 'exact',
            seekingCollaborators: true,
            links: ['https://example.org/report', 'https://nhs.example.uk/project?id=1'],
          }),
        },
        owner.token,
      );
      expect(p.data?.registerProject).toMatchObject({
        locationPrecision: 'exact',
        seekingCollaborators: true,
        links: ['https://example.org/report', 'https://nhs.example.uk/project?id=1'],
        location: { lat: 53.801234, lng: -1.548765 },
      });
    });

    it('resolves a UK place name with the gazetteer and keeps the name as the label', async () => {
      const res = await t.gql<{ registerProject: ProjectData }>(
        REGISTER,
        { input: projectInput({ location: null, placeName: '  leeds ', locationPrecision: 'region' }) },
        owner.token,
      );
      expect(res.errors).toBeUndefined();
      const p = res.data!.registerProject;
      expect(p.placeName).toBe('Leeds');
      expect(p.exactLocation?.lat).toBeCloseTo(53.8, 0);
      expect(p.exactLocation?.lng).toBeCloseTo(-1.55, 0);
      expect(p.location).toEqual(roundToPrecision(p.exactLocation!, 'region'));
    });

    it('uses the point when both a point and a place name are given; the name is just the label', async () => {
      const point = { lat: 51.501234, lng: -0.141234 };
      const p = await registerProject(t, owner.token, { location: point, placeName: 'Our surgery, Leeds', locationPrecision: 'exact' });
      expect(p.placeName).toBe('Our surgery, Leeds');
      expect(p.exactLocation).toEqual(point);
    });

    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['a title under 3 characters', { title: 'ab' }, 'BAD_USER_INPUT', 'input.title'],
      ['a blank title', { title: '     ' }, 'BAD_USER_INPUT', 'input.title'],
      ['a title over 120 characters', { title: 't'.repeat(121) }, 'BAD_USER_INPUT', 'input.title'],
      ['a summary under 10 characters', { summary: 'Too short' }, 'BAD_USER_INPUT', 'input.summary'],
      ['a summary over 2000 characters', { summary: 's'.repeat(2001) }, 'BAD_USER_INPUT', 'input.summary'],
      ['no themes', { themes: [] }, 'BAD_USER_INPUT', 'input.themes'],
      ['six themes', { themes: ['housing', 'food-insecurity', 'fuel-poverty', 'employment', 'disability', 'mental-health'] }, 'BAD_USER_INPUT', 'input.themes'],
      ['a repeated theme', { themes: ['housing', 'housing'] }, 'BAD_USER_INPUT', 'input.themes'],
      ['an unknown theme', { themes: ['housing', 'alchemy'] }, 'UNKNOWN_THEME', 'input.themes'],
      ['an unknown stage', { stage: 'dreaming' }, 'BAD_USER_INPUT', 'input.stage'],
      ['an unknown precision', { locationPrecision: 'street' }, 'BAD_USER_INPUT', 'input.locationPrecision'],
      ['a latitude over 90', { location: { lat: 90.5, lng: 0 } }, 'BAD_USER_INPUT', 'input.location.lat'],
      ['a latitude under -90', { location: { lat: -91, lng: 0 } }, 'BAD_USER_INPUT', 'input.location.lat'],
      ['a longitude under -180', { location: { lat: 0, lng: -180.01 } }, 'BAD_USER_INPUT', 'input.location.lng'],
      ['a longitude over 180', { location: { lat: 0, lng: 181 } }, 'BAD_USER_INPUT', 'input.location.lng'],
      ['neither a point nor a place', { location: null, placeName: null }, 'BAD_USER_INPUT', 'input.location'],
      ['a blank place and no point', { location: null, placeName: '   ' }, 'BAD_USER_INPUT', 'input.location'],
      ['a place the gazetteer does not know', { location: null, placeName: 'Xyzzy-upon-Nowhere' }, 'UNKNOWN_PLACE', 'input.placeName'],
      ['a place name over 120 characters', { placeName: 'p'.repeat(121) }, 'BAD_USER_INPUT', 'input.placeName'],
      ['six links', { links: Array.from({ length: 6 }, (_, i) => `https://example.org/${i}`) }, 'BAD_USER_INPUT', 'input.links'],
      ['an http link', { links: ['http://example.org/plain'] }, 'BAD_USER_INPUT', 'input.links'],
      ['a link that is not a URL', { links: ['javascript:alert(1)'] }, 'BAD_USER_INPUT', 'input.links'],
      ['a link over 500 characters', { links: [`https://example.org/${'a'.repeat(500)}`] }, 'BAD_USER_INPUT', 'input.links'],
    ];
    it.each(cases)('refuses %s and writes nothing', async (_case, overrides, code, field) => {
      const before = await countRows(t.db, 'projects');
      const error = errorOf(await t.gql(REGISTER, { input: projectInput(overrides) }, owner.token));
      expect(error.code).toBe(code);
      expect(error.field).toBe(field);
      expect(await countRows(t.db, 'projects')).toBe(before);
    });

    it('refuses an anonymous caller (UNAUTHENTICATED) and writes nothing', async () => {
      const before = await countRows(t.db, 'projects');
      expect(errorOf(await t.gql(REGISTER, { input: projectInput() })).code).toBe('UNAUTHENTICATED');
      expect(await countRows(t.db, 'projects')).toBe(before);
    });

    it('never exposes the owner’s email through the Clinician type', async () => {
      const p = await registerProject(t, owner.token);
      const res = await t.gql(`query($id: ID!) { project(id: $id) { owner { email } } }`, { id: p.id });
      expect(res.errors?.[0]?.message).toMatch(/Cannot query field "email" on type "Clinician"/);
      const json = JSON.stringify((await t.gql(PROJECT, { id: p.id })).data);
      expect(json).not.toContain(owner.email);
    });
  });

  describe('updateProject', () => {
    it('lets the owner change fields; the display point follows precision and location', async () => {
      const p = await registerProject(t, owner.token, { location: { lat: 53.480123, lng: -2.242987 }, locationPrecision: 'area' });
      const region = await t.gql<{ updateProject: ProjectData }>(
        UPDATE,
        { id: p.id, input: { title: 'Renamed project', locationPrecision: 'region', themes: ['housing'], links: ['https://example.org/a'] } },
        owner.token,
      );
      expect(region.errors).toBeUndefined();
      expect(region.data?.updateProject).toMatchObject({
        title: 'Renamed project',
        locationPrecision: 'region',
        themes: [{ id: 'housing', label: 'Housing', group: 'determinant' }],
        links: ['https://example.org/a'],
        summary: 'Embedding welfare advisers in general practice waiting rooms.',
        stage: 'running',
        exactLocation: { lat: 53.480123, lng: -2.242987 },
        location: roundToPrecision({ lat: 53.480123, lng: -2.242987 }, 'region'),
      });
      expect(Date.parse(region.data!.updateProject.updatedAt)).toBeGreaterThanOrEqual(Date.parse(p.createdAt));

      const moved = await t.gql<{ updateProject: ProjectData }>(UPDATE, { id: p.id, input: { location: { lat: 52.486789, lng: -1.890123 } } }, owner.token);
      expect(moved.data?.updateProject).toMatchObject({
        locationPrecision: 'region',
        exactLocation: { lat: 52.486789, lng: -1.890123 },
        location: roundToPrecision({ lat: 52.486789, lng: -1.890123 }, 'region'),
      });
      const row = await projectRow(t, p.id);
      expect(row).toMatchObject({ lat: 52.486789, lng: -1.890123 });
      expect(row?.['display_lat']).toBeCloseTo(roundToPrecision({ lat: 52.486789, lng: -1.890123 }, 'region').lat, 9);
    });

    it('moves a project to a named place when only placeName is given', async () => {
      const p = await registerProject(t, owner.token, { location: { lat: 51.5, lng: -0.12 } });
      const res = await t.gql<{ updateProject: ProjectData }>(UPDATE, { id: p.id, input: { placeName: 'Leeds' } }, owner.token);
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateProject.placeName).toBe('Leeds');
      expect(res.data?.updateProject.exactLocation?.lat).toBeCloseTo(53.8, 0);
    });

    it('clears the label with an empty placeName, leaving the point', async () => {
      const p = await registerProject(t, owner.token, { placeName: 'Our clinic' });
      const res = await t.gql<{ updateProject: ProjectData }>(UPDATE, { id: p.id, input: { placeName: '' } }, owner.token);
      expect(res.data?.updateProject).toMatchObject({ placeName: null, exactLocation: p.exactLocation });
    });

    it("refuses someone else's project (FORBIDDEN) and leaves the row unchanged", async () => {
      const p = await registerProject(t, owner.token);
      const before = await projectRow(t, p.id);
      const error = errorOf(
        await t.gql(UPDATE, { id: p.id, input: { title: 'Hijacked', locationPrecision: 'exact', location: { lat: 0, lng: 0 } } }, other.token),
      );
      expect(error.code).toBe('FORBIDDEN');
      expect(await projectRow(t, p.id)).toEqual(before);
    });

    it('refuses an admin who is not the owner too (FORBIDDEN), leaving the row unchanged', async () => {
      const p = await registerProject(t, other.token);
      const before = await projectRow(t, p.id);
      expect(errorOf(await t.gql(UPDATE, { id: p.id, input: { title: 'Not yours' } }, admin.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(DELETE, { id: p.id }, admin.token)).code).toBe('FORBIDDEN');
      expect(await projectRow(t, p.id)).toEqual(before);
    });

    it('refuses an anonymous caller (UNAUTHENTICATED), leaving the row unchanged', async () => {
      const p = await registerProject(t, owner.token);
      const before = await projectRow(t, p.id);
      expect(errorOf(await t.gql(UPDATE, { id: p.id, input: { title: 'Anonymous edit' } })).code).toBe('UNAUTHENTICATED');
      expect(await projectRow(t, p.id)).toEqual(before);
    });

    it.each([
      ['a short title', { title: 'no' }, 'BAD_USER_INPUT', 'input.title'],
      ['zero themes', { themes: [] }, 'BAD_USER_INPUT', 'input.themes'],
      ['an unknown theme', { themes: ['telepathy'] }, 'UNKNOWN_THEME', 'input.themes'],
      ['an unknown stage', { stage: 'abandoned' }, 'BAD_USER_INPUT', 'input.stage'],
      ['an unknown precision', { locationPrecision: 'postcode' }, 'BAD_USER_INPUT', 'input.locationPrecision'],
      ['a latitude out of range', { location: { lat: -95, lng: 1 } }, 'BAD_USER_INPUT', 'input.location.lat'],
      ['an unknown place', { placeName: 'Xyzzy-upon-Nowhere' }, 'UNKNOWN_PLACE', 'input.placeName'],
      ['an http link', { links: ['http://example.org'] }, 'BAD_USER_INPUT', 'input.links'],
    ])('refuses %s from the owner, leaving the row unchanged', async (_case, input, code, field) => {
      const p = await registerProject(t, owner.token);
      const before = await projectRow(t, p.id);
      const error = errorOf(await t.gql(UPDATE, { id: p.id, input: { ...input, summary: 'A perfectly valid new summary.' } }, owner.token));
      expect(error.code).toBe(code);
      expect(error.field).toBe(field);
      expect(await projectRow(t, p.id)).toEqual(before);
    });

    it('answers NOT_FOUND for an unknown or malformed id', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const error = errorOf(await t.gql(UPDATE, { id, input: { title: 'Whatever' } }, owner.token));
        expect(error.code).toBe('NOT_FOUND');
        expect(error.field).toBe('id');
      }
    });
  });

  describe('deleteProject', () => {
    it("refuses someone else's project (FORBIDDEN) and deletes nothing", async () => {
      const p = await registerProject(t, owner.token);
      const before = await countRows(t.db, 'projects');
      expect(errorOf(await t.gql(DELETE, { id: p.id }, other.token)).code).toBe('FORBIDDEN');
      expect(await countRows(t.db, 'projects')).toBe(before);
      expect(await projectRow(t, p.id)).toBeDefined();
    });

    it('refuses an anonymous caller (UNAUTHENTICATED) and deletes nothing', async () => {
      const p = await registerProject(t, owner.token);
      const before = await countRows(t.db, 'projects');
      expect(errorOf(await t.gql(DELETE, { id: p.id })).code).toBe('UNAUTHENTICATED');
      expect(await countRows(t.db, 'projects')).toBe(before);
    });

    it('lets the owner delete; the project is then NOT_FOUND', async () => {
      const p = await registerProject(t, owner.token);
      const before = await countRows(t.db, 'projects');
      expect((await t.gql<{ deleteProject: boolean }>(DELETE, { id: p.id }, owner.token)).data?.deleteProject).toBe(true);
      expect(await countRows(t.db, 'projects')).toBe(before - 1);
      const error = errorOf(await t.gql(PROJECT, { id: p.id }));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.field).toBe('id');
      expect(errorOf(await t.gql(DELETE, { id: p.id }, owner.token)).code).toBe('NOT_FOUND');
    });
  });

  describe('project and myProjects', () => {
    it('serves one project to anyone; isMine only for the owner', async () => {
      const p = await registerProject(t, owner.token);
      const anonymous = await t.gql<{ project: ProjectData }>(PROJECT, { id: p.id });
      expect(anonymous.errors).toBeUndefined();
      expect(anonymous.data?.project).toMatchObject({ id: p.id, isMine: false, exactLocation: null });
      expect((await t.gql<{ project: ProjectData }>(PROJECT, { id: p.id }, other.token)).data?.project.isMine).toBe(false);
      expect((await t.gql<{ project: ProjectData }>(PROJECT, { id: p.id }, owner.token)).data?.project.isMine).toBe(true);
      expect(errorOf(await t.gql(PROJECT, { id: 'nope' })).code).toBe('NOT_FOUND');
    });

    it('lists only my projects, newest first, and needs a signed-in user', async () => {
      const fresh = await signUp(t);
      const a = await registerProject(t, fresh.token, { title: 'Older one' });
      const b = await registerProject(t, fresh.token, { title: 'Newer one' });
      await registerProject(t, other.token, { title: 'Not theirs' });
      const res = await t.gql<{ myProjects: Array<{ id: string; isMine: boolean }> }>(`{ myProjects { id isMine } }`, {}, fresh.token);
      expect(res.data?.myProjects.map((p) => p.id)).toEqual([b.id, a.id]);
      expect(res.data?.myProjects.every((p) => p.isMine)).toBe(true);
      expect(errorOf(await t.gql(`{ myProjects { id } }`)).code).toBe('UNAUTHENTICATED');
    });
  });

  describe('projects: the public, paginated list', () => {
    let ids: string[];

    beforeAll(async () => {
      await t.db.query(`DELETE FROM projects`);
      const nurse = await signUp(t, { profession: 'nurse' });
      const specs: Array<[SignedUpUser, Record<string, unknown>]> = [
        [owner, { title: 'Housing repairs clinic', summary: 'Damp and mould reports sent straight to landlords.', themes: ['housing'], stage: 'running' }],
        [owner, { title: 'Food pantry in surgery', summary: 'A food pantry for families in the waiting room.', themes: ['food-insecurity', 'child-poverty'], stage: 'idea' }],
        [nurse, { title: 'Benefits check at booking', summary: 'Midwives run a benefits check at the booking appointment.', themes: ['welfare-income-advice'], stage: 'running', seekingCollaborators: true }],
        [nurse, { title: 'Interpreters for asylum seekers', summary: 'Trained interpreters for every appointment.', themes: ['migration-asylum', 'language-health-literacy'], stage: 'evaluating' }],
        [other, { title: 'Warm spaces', summary: 'Heated community rooms in winter for isolated patients.', themes: ['fuel-poverty', 'social-isolation'], stage: 'running', seekingCollaborators: true }],
        [other, { title: 'Mould and asthma audit', summary: 'Auditing asthma admissions against housing conditions.', themes: ['housing', 'quality-improvement'], stage: 'evaluating' }],
        [owner, { title: 'Digital inclusion hub', summary: 'Tablets and help for booking appointments online.', themes: ['digital-exclusion'], stage: 'planning' }],
      ];
      ids = [];
      for (const [who, overrides] of specs) ids.push((await registerProject(t, who.token, overrides)).id);
      ids.reverse(); // newest first
    });

    async function walk(first: number, filter: Record<string, unknown> | null = null): Promise<{ pages: string[][]; total: number }> {
      const pages: string[][] = [];
      let after: string | null = null;
      let total = -1;
      for (let guard = 0; guard < 20; guard++) {
        const res: GqlResult<ListData> = await t.gql<ListData>(LIST, { filter, first, after });
        expect(res.errors).toBeUndefined();
        const page: ListData['projects'] = res.data!.projects;
        total = page.totalCount;
        pages.push(page.nodes.map((n) => n.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      return { pages, total };
    }

    it('pages newest first with a cursor, without gaps or repeats', async () => {
      const { pages, total } = await walk(3);
      expect(total).toBe(7);
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
      expect(pages.flat()).toEqual(ids);
    });

    it('keeps the order stable for rows created in the same instant (ties broken by id)', async () => {
      await t.db.query(`UPDATE projects SET created_at = (SELECT created_at FROM projects WHERE id = $2) WHERE id = ANY($1)`, [
        ids.slice(2, 6),
        ids[2],
      ]);
      const { pages } = await walk(2);
      const all = pages.flat();
      expect(new Set(all).size).toBe(7);
      expect(all.slice(0, 2)).toEqual(ids.slice(0, 2));
      expect(all.slice(2, 6)).toEqual([...ids.slice(2, 6)].sort().reverse());
      expect(all[6]).toBe(ids[6]);
      const { pages: bigPages } = await walk(100);
      expect(bigPages.flat()).toEqual(all);
    });

    it.each([
      ['themes (any overlap)', { themes: ['housing', 'digital-exclusion'] }, ['Digital inclusion hub', 'Mould and asthma audit', 'Housing repairs clinic']],
      ['stage', { stage: 'evaluating' }, ['Mould and asthma audit', 'Interpreters for asylum seekers']],
      ["the owner's profession", { profession: 'nurse' }, ['Interpreters for asylum seekers', 'Benefits check at booking']],
      ['full text', { text: 'mould OR damp' }, ['Mould and asthma audit', 'Housing repairs clinic']],
      ['full text with stemming', { text: 'interpreter' }, ['Interpreters for asylum seekers']],
      ['seeking collaborators', { seekingCollaborators: true }, ['Warm spaces', 'Benefits check at booking']],
      ['several filters at once', { themes: ['housing'], stage: 'running', profession: 'health-visitor' }, ['Housing repairs clinic']],
      ['a filter that matches nothing', { text: 'zebra' }, []],
    ])('filters by %s', async (_case, filter, titles) => {
      await t.db.query(`UPDATE projects SET created_at = now() - (interval '1 minute' * array_position($1::uuid[], id))`, [ids]);
      const res = await t.gql<ListData>(LIST, { filter, first: 100 });
      expect(res.errors).toBeUndefined();
      expect(res.data?.projects.nodes.map((n) => n.title)).toEqual(titles);
      expect(res.data?.projects.totalCount).toBe(titles.length);
    });

    it('counts all matches while paging through them', async () => {
      const res = await t.gql<ListData>(LIST, { filter: { stage: 'running' }, first: 1 });
      expect(res.data?.projects.totalCount).toBe(3);
      expect(res.data?.projects.nodes).toHaveLength(1);
      expect(res.data?.projects.pageInfo.hasNextPage).toBe(true);
    });

    it.each([
      ['first over 100', { first: 101 }, 'BAD_USER_INPUT', 'first'],
      ['a negative first', { first: -1 }, 'BAD_USER_INPUT', 'first'],
      ['a cursor we did not make', { after: 'bm90LWEtY3Vyc29y' }, 'BAD_USER_INPUT', 'after'],
      ['an unknown theme', { filter: { themes: ['astrology'] } }, 'UNKNOWN_THEME', 'filter.themes'],
      ['an unknown stage', { filter: { stage: 'dreaming' } }, 'BAD_USER_INPUT', 'filter.stage'],
      ['an unknown profession', { filter: { profession: 'wizard' } }, 'BAD_USER_INPUT', 'filter.profession'],
      ['search text over 200 characters', { filter: { text: 'x'.repeat(201) } }, 'BAD_USER_INPUT', 'filter.text'],
    ])('refuses %s', async (_case, vars, code, field) => {
      const error = errorOf(await t.gql(LIST, { first: 20, ...vars }));
      expect(error.code).toBe(code);
      expect(error.field).toBe(field);
    });

    it('accepts first = 100 and the default page size', async () => {
      expect((await t.gql<ListData>(LIST, { first: 100 })).data?.projects.nodes).toHaveLength(7);
      expect((await t.gql<ListData>(`{ projects { nodes { id } totalCount } }`)).data?.projects.totalCount).toBe(7);
    });

    it('loads the owners of a whole page in one batch (no N+1)', async () => {
      const clinicians = t.app.get(CliniciansService);
      const spy = jest.spyOn(clinicians, 'findByIds');
      try {
        const res = await t.gql<{ projects: { nodes: Array<{ owner: { displayName: string } }> } }>(
          `{ projects(first: 100) { nodes { owner { displayName professionLabel } } } }`,
        );
        expect(res.errors).toBeUndefined();
        expect(res.data?.projects.nodes).toHaveLength(7);
        expect(spy).toHaveBeenCalledTimes(1);
        const batch = [...(spy.mock.calls[0]?.[0] ?? [])];
        expect(batch).toHaveLength(3);
        expect(batch).toEqual(expect.arrayContaining([owner.id, other.id]));
      } finally {
        spy.mockRestore();
      }
    });
  });
});
