import { filterInput, filtersFromSearch, NO_FILTERS, searchFromFilters, type ExploreFilters } from './explore-filters.util';

describe('explore filters in the URL', () => {
  const full: ExploreFilters = {
    themes: ['housing', 'social-prescribing'],
    stage: 'running',
    profession: 'health-visitor',
    text: 'screening questionnaire',
    seekingCollaborators: true,
  };

  it('round-trips every filter through the query string', () => {
    const query = searchFromFilters(full).toString();
    expect(query).toBe('q=screening+questionnaire&theme=housing&theme=social-prescribing&stage=running&profession=health-visitor&seeking=yes');
    expect(filtersFromSearch(new URLSearchParams(query))).toEqual(full);
  });

  it('writes nothing for no filters and reads nothing back', () => {
    expect(searchFromFilters(NO_FILTERS).toString()).toBe('');
    expect(filtersFromSearch(new URLSearchParams(''))).toEqual(NO_FILTERS);
  });

  it('ignores unknown themes, stages and professions from hand-edited links', () => {
    const read = filtersFromSearch(new URLSearchParams('theme=astrology&theme=housing&stage=someday&profession=wizard'));
    expect(read).toEqual({ ...NO_FILTERS, themes: ['housing'] });
  });

  it('accepts comma-separated themes and keeps taxonomy order', () => {
    const read = filtersFromSearch(new URLSearchParams('theme=mental-health,child-poverty'));
    expect(read.themes).toEqual(['child-poverty', 'mental-health']);
  });

  it('turns filters into the API input, leaving out what is not set', () => {
    expect(filterInput(NO_FILTERS)).toBeNull();
    expect(filterInput({ ...NO_FILTERS, text: '  ', stage: 'idea' })).toEqual({ stage: 'idea' });
    expect(filterInput(full)).toEqual({
      themes: ['housing', 'social-prescribing'],
      stage: 'running',
      profession: 'health-visitor',
      text: 'screening questionnaire',
      seekingCollaborators: true,
    });
  });
});
