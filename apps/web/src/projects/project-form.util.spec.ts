import { LIMITS } from '@kindred/domain';
import { EMPTY_PROJECT, projectInput, validateProject, valuesFromProject, type ProjectFormValues } from './project-form.util';
import { projectFixture } from '../testing/fixtures';

const valid: ProjectFormValues = {
  ...EMPTY_PROJECT,
  title: 'Welfare advice in clinic',
  summary: 'A benefits adviser sits in the Tuesday clinic.',
  themes: ['welfare-income-advice'],
  stage: 'planning',
  location: { lat: 53.8, lng: -1.55 },
};

describe('validateProject', () => {
  it('accepts a complete project', () => {
    expect(validateProject(valid)).toEqual({});
  });

  it('asks for everything required on an empty form', () => {
    expect(Object.keys(validateProject(EMPTY_PROJECT)).sort()).toEqual(['placeName', 'stage', 'summary', 'themes', 'title']);
  });

  it('applies the shared length limits', () => {
    const long = 'x'.repeat(LIMITS.project.title.max + 1);
    expect(validateProject({ ...valid, title: 'ab' }).title).toMatch(/at least 3/);
    expect(validateProject({ ...valid, title: long }).title).toMatch(/at most 120/);
    expect(validateProject({ ...valid, summary: 'too short' }).summary).toMatch(/at least 10/);
  });

  it('accepts a place name instead of a pin', () => {
    expect(validateProject({ ...valid, location: null, placeName: 'Bradford' })).toEqual({});
  });

  it('refuses links that are not https, naming the link at fault', () => {
    const errors = validateProject({ ...valid, links: ['https://example.org', 'http://example.org', ''] });
    expect(errors['links.0']).toBeUndefined();
    expect(errors['links.1']).toMatch(/https/);
    expect(errors['links.2']).toMatch(/remove/);
  });

  it('refuses more than five themes', () => {
    const errors = validateProject({
      ...valid,
      themes: ['housing', 'employment', 'disability', 'mental-health', 'fuel-poverty', 'child-poverty'],
    });
    expect(errors['themes']).toMatch(/at most 5/);
  });
});

describe('projectInput', () => {
  it('sends the pin with the place name as its label, trimmed', () => {
    expect(projectInput({ ...valid, title: '  Welfare advice in clinic ', placeName: ' Leeds ', links: [' https://a.org '] })).toEqual({
      title: 'Welfare advice in clinic',
      summary: 'A benefits adviser sits in the Tuesday clinic.',
      themes: ['welfare-income-advice'],
      stage: 'planning',
      location: { lat: 53.8, lng: -1.55 },
      placeName: 'Leeds',
      locationPrecision: 'area',
      seekingCollaborators: false,
      links: ['https://a.org'],
    });
  });

  it('sends only the place name when there is no pin, for the gazetteer to resolve', () => {
    const input = projectInput({ ...valid, location: null, placeName: 'Bradford' });
    expect(input.location).toBeUndefined();
    expect(input.placeName).toBe('Bradford');
  });

  it('edits from the owner’s exact point, not the rounded public one', () => {
    expect(valuesFromProject(projectFixture()).location).toEqual({ lat: 53.80076, lng: -1.54908 });
  });
});
