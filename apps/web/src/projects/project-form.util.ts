import type { Project, RegisterProjectInput } from '@kindred/api-client';
import {
  isHttpsUrl,
  isLatitude,
  isLongitude,
  isStageId,
  isThemeId,
  LIMITS,
  type LocationPrecision,
  type StageId,
  type ThemeId,
} from '@kindred/domain';
import type { FieldErrors } from '../forms/api-errors.util';

export interface LatLngValue {
  readonly lat: number;
  readonly lng: number;
}

export interface ProjectFormValues {
  title: string;
  summary: string;
  themes: ThemeId[];
  stage: StageId | '';
  location: LatLngValue | null;
  placeName: string;
  locationPrecision: LocationPrecision;
  seekingCollaborators: boolean;
  links: string[];
}

/** Field names the form shows errors beside; API paths (`input.links.2`) are mapped onto them. */
export const PROJECT_FORM_FIELDS = [
  'title',
  'summary',
  'themes',
  'stage',
  'placeName',
  'location',
  'locationPrecision',
  'seekingCollaborators',
  'links',
  ...Array.from({ length: LIMITS.project.links.max }, (_, i) => `links.${i}`),
] as const;

export const EMPTY_PROJECT: ProjectFormValues = {
  title: '',
  summary: '',
  themes: [],
  stage: '',
  location: null,
  placeName: '',
  locationPrecision: 'area',
  seekingCollaborators: false,
  links: [],
};

export function valuesFromProject(project: Project): ProjectFormValues {
  const point = project.exactLocation ?? project.location;
  return {
    title: project.title,
    summary: project.summary,
    themes: project.themes.map((t) => t.id),
    stage: project.stage,
    location: { lat: point.lat, lng: point.lng },
    placeName: project.placeName ?? '',
    locationPrecision: project.locationPrecision,
    seekingCollaborators: project.seekingCollaborators,
    links: [...project.links],
  };
}

/** The same rules the API applies (LIMITS and validators from @kindred/domain). */
export function validateProject(values: ProjectFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const { title: titleLimit, summary: summaryLimit, themes: themeLimit, placeName, links } = LIMITS.project;
  const title = values.title.trim();
  if (!title) errors['title'] = 'Give your project a title.';
  else if (title.length < titleLimit.min) errors['title'] = `Title must be at least ${titleLimit.min} characters.`;
  else if (title.length > titleLimit.max) errors['title'] = `Title must be at most ${titleLimit.max} characters.`;

  const summary = values.summary.trim();
  if (!summary) errors['summary'] = 'Say in a few sentences what the project does.';
  else if (summary.length < summaryLimit.min) errors['summary'] = `Summary must be at least ${summaryLimit.min} characters.`;
  else if (summary.length > summaryLimit.max) {
    errors['summary'] = `Summary must be at most ${summaryLimit.max.toLocaleString('en-GB')} characters.`;
  }

  if (values.themes.length < themeLimit.min) errors['themes'] = 'Choose at least one theme.';
  else if (values.themes.length > themeLimit.max) errors['themes'] = `Choose at most ${themeLimit.max} themes.`;
  else if (!values.themes.every(isThemeId)) errors['themes'] = 'Choose themes from the list.';

  if (!values.stage) errors['stage'] = 'Choose the stage the project is at.';
  else if (!isStageId(values.stage)) errors['stage'] = 'Choose a stage from the list.';

  if (values.placeName.trim().length > placeName.max) {
    errors['placeName'] = `Place must be at most ${placeName.max} characters.`;
  }
  if (values.location) {
    if (!isLatitude(values.location.lat) || !isLongitude(values.location.lng)) {
      errors['location'] = 'Latitude must be between -90 and 90 and longitude between -180 and 180.';
    }
  } else if (!values.placeName.trim()) {
    errors['placeName'] = 'Search for a town or city, or drop a pin on the map.';
  }

  const filled = values.links.map((l) => l.trim());
  if (filled.length > links.max) errors['links'] = `Add at most ${links.max} links.`;
  filled.forEach((link, i) => {
    if (!link) errors[`links.${i}`] = 'Enter a web address or remove this link.';
    else if (link.length > links.urlMax) errors[`links.${i}`] = `A link must be at most ${links.urlMax} characters.`;
    else if (!isHttpsUrl(link)) errors[`links.${i}`] = 'Enter a full web address starting with https://';
  });
  return errors;
}

/** What the API receives: a point when there is one (the place name stays as its label), else the place name. */
export function projectInput(values: ProjectFormValues): RegisterProjectInput {
  const placeName = values.placeName.trim();
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    themes: values.themes,
    stage: values.stage as StageId,
    ...(values.location ? { location: { lat: values.location.lat, lng: values.location.lng } } : {}),
    placeName: placeName || null,
    locationPrecision: values.locationPrecision,
    seekingCollaborators: values.seekingCollaborators,
    links: values.links.map((l) => l.trim()),
  };
}
