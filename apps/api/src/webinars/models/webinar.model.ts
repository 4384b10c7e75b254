import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Clinician } from '../../clinicians/models/clinician.model';
import { Theme } from '../../projects/models/theme.model';
import { MyWebinarRegistration } from './my-webinar-registration.model';
import { WebinarRegionFocus } from './webinar-region-focus.model';
import { WebinarResource } from './webinar-resource.model';
import { WebinarSeries } from './webinar-series.model';
import { WebinarSpeaker } from './webinar-speaker.model';
import { WebinarThread } from './webinar-thread.model';

@ObjectType({
  description:
    'A WHAMinar. Times are UTC instants (show them in the viewer’s zone); `timeZone` and `localStartsAt` are the organiser’s, for "10:00 BST (Europe/London)" on hover and in the edit form.',
})
export class Webinar {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field({ description: 'Markdown source (for the edit form).' })
  description!: string;

  @Field({ description: 'The description rendered to safe HTML (no raw HTML passes; https links only).' })
  descriptionHtml!: string;

  @Field({ description: 'draft | published | cancelled | finished' })
  status!: string;

  @Field({ description: 'UTC instant of the start.' })
  startsAt!: Date;

  @Field({ description: 'UTC instant of the end.' })
  endsAt!: Date;

  @Field(() => Int)
  durationMinutes!: number;

  @Field({ description: 'The organiser’s IANA zone, e.g. "Europe/London".' })
  timeZone!: string;

  @Field({ description: 'The start as the organiser entered it: local wall time in timeZone, "2027-03-28T10:00".' })
  localStartsAt!: string;

  @Field({ description: 'The end as local wall time in timeZone.' })
  localEndsAt!: string;

  @Field({ description: 'The zone’s abbreviation at the start, e.g. "BST" (or "GMT+5:30").' })
  timeZoneAbbreviation!: string;

  @Field({ description: 'The zone’s UTC offset at the start, e.g. "+01:00".' })
  utcOffset!: string;

  @Field(() => Int, { nullable: true, description: 'Places; null: unlimited.' })
  capacity!: number | null;

  @Field(() => Int)
  registeredCount!: number;

  @Field(() => Int)
  waitingCount!: number;

  @Field(() => Int, { nullable: true, description: 'Places left; null: unlimited. 0: new registrations join the waiting list.' })
  placesLeft!: number | null;

  @Field(() => [Theme])
  themes!: Theme[];

  @Field(() => [WebinarSpeaker])
  speakers!: WebinarSpeaker[];

  @Field(() => Clinician)
  organiser!: Clinician;

  @Field(() => WebinarRegionFocus, { nullable: true })
  regionFocus!: WebinarRegionFocus | null;

  @Field(() => WebinarSeries, { nullable: true, description: 'The series it belongs to, if any.' })
  series!: WebinarSeries | null;

  @Field({ description: 'An occurrence edited on its own: series edits no longer change it.' })
  detachedFromSeries!: boolean;

  @Field(() => Int, { description: 'iCalendar SEQUENCE: goes up with every change.' })
  sequence!: number;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled, when the organiser said.' })
  cancelReason!: string | null;

  @Field(() => MyWebinarRegistration, { nullable: true, description: 'The viewer’s registration; null when none or signed out.' })
  myRegistration!: MyWebinarRegistration | null;

  @Field({ description: 'The viewer is its organiser or an admin (may edit, publish, cancel, see registrations).' })
  canManage!: boolean;

  @Field({ description: 'The viewer is one of its speakers.' })
  isSpeaker!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The call link: only for registrants (not the waiting list), speakers and the organiser, and only from 30 minutes before the start (see joinUrlAvailableAt); null otherwise, and once cancelled.',
  })
  joinUrl!: string | null;

  @Field({ description: 'When joinUrl starts to show: 30 minutes before the start.' })
  joinUrlAvailableAt!: Date;

  @Field(() => String, { nullable: true, description: 'The link as entered, for the edit form: organiser and admins only.' })
  configuredJoinUrl!: string | null;

  @Field({ description: 'Started and not yet ended (and not cancelled).' })
  isLive!: boolean;

  @Field({ description: 'Ended.' })
  isPast!: boolean;

  @Field(() => WebinarThread, { nullable: true, description: 'The follow-up thread; null for signed-out viewers.' })
  thread!: WebinarThread | null;

  @Field(() => [WebinarResource])
  resources!: WebinarResource[];

  @Field({ description: 'The event page in the web app: PUBLIC_URL/webinars/<id>.' })
  pageUrl!: string;

  @Field({ description: 'Download link for the .ics file (PUBLIC_URL/api/webinars/<id>.ics).' })
  icsUrl!: string;

  @Field({ description: '"Add to Google Calendar" link (UTC times, the page link in the details; no join link).' })
  googleCalendarUrl!: string;

  @Field({ description: '"Add to Outlook" link (Outlook on the web).' })
  outlookCalendarUrl!: string;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
