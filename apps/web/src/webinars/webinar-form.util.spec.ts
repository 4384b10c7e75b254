import { CombinedGraphQLErrors } from '@apollo/client/errors';
import {
  createInput,
  describeRecurrence,
  emptyWebinarValues,
  recurrenceRule,
  updateInput,
  validateWebinar,
  valuesFromWebinar,
  webinarErrorsFrom,
  type WebinarFormValues,
} from './webinar-form.util';
import { webinarFixture } from './webinars-fixtures.testing';

const NOW = new Date('2027-01-15T12:00:00Z');

function filled(overrides: Partial<WebinarFormValues> = {}): WebinarFormValues {
  return {
    ...emptyWebinarValues('Europe/London'),
    title: 'Warm spaces and fuel poverty',
    date: '2027-03-28',
    time: '10:00',
    joinUrl: 'https://meet.example.org/warm',
    ...overrides,
  };
}

describe('the scheduling form’s rules', () => {
  it('accepts a complete WHAMinar and sends the wall time with its zone, not an instant', () => {
    const values = filled({ capacity: '30', themes: ['fuel-poverty'], speakers: [{ userId: null, name: ' Callum Fraser ', affiliation: '' }] });
    expect(validateWebinar(values, 'create', NOW)).toEqual({});
    expect(createInput(values)).toEqual({
      title: 'Warm spaces and fuel poverty',
      description: '',
      startsAt: '2027-03-28T10:00',
      timeZone: 'Europe/London',
      durationMinutes: 60,
      joinUrl: 'https://meet.example.org/warm',
      capacity: 30,
      themes: ['fuel-poverty'],
      speakers: [{ name: 'Callum Fraser', affiliation: null }],
      publish: true,
    });
  });

  it('says what is wrong with each field', () => {
    const errors = validateWebinar(
      filled({ title: ' ab ', date: '', time: '', durationMinutes: '500', joinUrl: 'http://meet.example.org', capacity: '0', speakers: [{ userId: null, name: 'A', affiliation: '' }], placeName: 'Leeds' }),
      'create',
      NOW,
    );
    expect(errors).toEqual({
      title: 'Title must be at least 3 characters.',
      startsAt: 'Enter the date and time it starts.',
      durationMinutes: 'Enter how long it lasts in whole minutes, from 1 to 480 (8 hours).',
      joinUrl: 'The join link must be a full web address starting with https://',
      capacity: 'Capacity must be a whole number of at least 1, or leave it empty for unlimited places.',
      'speakers.0': 'Enter the speaker’s name, or remove this speaker.',
      'regionFocus.region': 'Choose the nation the place is in, or clear the place.',
    });
  });

  it('refuses a start in the past and a time the clocks skip, but lets a started WHAMinar keep its start when edited', () => {
    expect(validateWebinar(filled({ date: '2027-01-15', time: '11:00' }), 'create', NOW)).toEqual({ startsAt: 'The start must be in the future.' });
    expect(validateWebinar(filled({ time: '01:30' }), 'create', NOW)).toEqual({
      startsAt: '01:30 on 28 March 2027 does not exist in Europe/London: the clocks go forward then. Choose another time.',
    });
    expect(validateWebinar(filled({ timeZone: 'Mars/Olympus' }), 'create', NOW)).toEqual({ timeZone: 'Choose a time zone from the list.' });
    const started = filled({ date: '2027-01-15', time: '11:00' });
    expect(validateWebinar({ ...started, title: 'A new title' }, 'edit', NOW, started)).toEqual({});
  });

  it('builds a simple RRULE from the first date: weekly on its weekday, monthly on the nth weekday', () => {
    expect(recurrenceRule('none', '2027-03-09', 6)).toBeNull();
    expect(recurrenceRule('weekly', '2027-03-09', 6)).toBe('FREQ=WEEKLY;BYDAY=TU;COUNT=6');
    expect(recurrenceRule('monthly', '2027-03-09', 6)).toBe('FREQ=MONTHLY;BYDAY=2TU;COUNT=6');
    expect(recurrenceRule('monthly', '2027-03-30', 3)).toBe('FREQ=MONTHLY;BYDAY=-1TU;COUNT=3');
    expect(describeRecurrence('monthly', '2027-03-09', 6)).toBe('Every month on the 2nd Tuesday, 6 times in all.');
    expect(createInput(filled({ date: '2027-03-09', recurrence: 'monthly', occurrences: '6' })).recurrence).toBe('FREQ=MONTHLY;BYDAY=2TU;COUNT=6');
    expect(validateWebinar(filled({ recurrence: 'weekly', occurrences: '30' }), 'create', NOW)).toEqual({ recurrence: 'Choose from 2 to 24 occurrences.' });
  });

  it('sends only what changed when editing', () => {
    const initial = valuesFromWebinar(webinarFixture({ configuredJoinUrl: 'https://meet.example.org/a' }));
    expect(updateInput(initial, initial)).toEqual({});
    expect(updateInput(initial, { ...initial, time: '11:00', capacity: '' })).toEqual({ startsAt: '2027-03-09T11:00', capacity: null });
  });

  it('puts the API’s field errors beside the fields, and an end-time problem on the duration', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        { message: 'The start must be in the future.', extensions: { code: 'BAD_USER_INPUT', field: 'input.startsAt' } },
        { message: 'Ends more than 8 hours after the start.', extensions: { code: 'BAD_USER_INPUT', field: 'input.endsAt' } },
        { message: 'Unknown place "Atlantis".', extensions: { code: 'UNKNOWN_PLACE', field: 'input.regionFocus.placeName' } },
        { message: 'No such user.', extensions: { code: 'NOT_FOUND', field: 'input.speakers.1.userId' } },
      ],
    });
    expect(webinarErrorsFrom(error)).toEqual({
      form: null,
      fields: {
        startsAt: 'The start must be in the future.',
        durationMinutes: 'Ends more than 8 hours after the start.',
        'regionFocus.placeName': 'Unknown place "Atlantis".',
        'speakers.1': 'No such user.',
      },
    });
  });
});
