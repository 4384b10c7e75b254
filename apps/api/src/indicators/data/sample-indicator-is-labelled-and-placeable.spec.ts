import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlacesService } from '../../places/places.service';
import { parseIndicatorCsv } from '../indicator-csv.util';
import { SAMPLE_INDICATOR, SAMPLE_INDICATOR_CSV } from './children-low-income-sample.constant';

describe('the bundled sample indicator', () => {
  it('embeds exactly the CSV kept beside it', () => {
    expect(SAMPLE_INDICATOR_CSV).toBe(readFileSync(join(__dirname, 'children-low-income-sample.csv'), 'utf8'));
  });

  it('says it is illustrative, not official statistics', () => {
    expect(SAMPLE_INDICATOR.name).toMatch(/illustrative sample/i);
    expect(SAMPLE_INDICATOR.source).toMatch(/^Illustrative sample, not official statistics/);
  });

  it('is a valid CSV of about 60 to 70 local authorities with plausible percentages', () => {
    const parsed = parseIndicatorCsv(SAMPLE_INDICATOR_CSV);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.rows.length).toBeGreaterThanOrEqual(60);
    expect(parsed.rows.length).toBeLessThanOrEqual(70);
    for (const row of parsed.rows) {
      expect(row.value).toBeGreaterThan(5);
      expect(row.value).toBeLessThan(50);
    }
  });

  it('places every area: by its own lat,lng or by finding its name in the gazetteer', () => {
    const parsed = parseIndicatorCsv(SAMPLE_INDICATOR_CSV);
    if (!parsed.ok) throw new Error('invalid sample');
    const places = new PlacesService();
    const unplaced = parsed.rows.filter((r) => !r.point && !places.resolve(r.areaName)).map((r) => r.areaName);
    expect(unplaced).toEqual([]);
  });
});
