import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { ERROR_CODES } from '@kindred/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import type { AuthedRequest } from '../auth/request.util';
import { Roles } from '../auth/roles.decorator';
import { apiError, notFound } from '../common/graphql-errors.util';
import { registrationsCsv } from './registrations-csv.util';
import { WebinarCalendarService } from './webinar-calendar.service';
import { WebinarHttpErrorFilter } from './webinar-http-error.filter';
import { WebinarRegistrationsService } from './webinar-registrations.service';

/** A file name from a title: "Warm spaces & food" → "warm-spaces-food". */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'whaminar';
}

/**
 * WHAMinar files over plain HTTP, for calendar apps and downloads (under the global auth guard):
 *
 * - `GET /api/webinars/:id.ics` — public for anything but drafts. The join link is included for
 *   someone entitled to it, known by a Bearer token or by `?token=` (their calendar feed token).
 * - `GET /api/calendar/:token.ics` — a user's private feed; the token is the credential.
 * - `GET /api/webinars/:id/registrations.csv` — the organiser's (or an admin's) registrant list;
 *   needs a Bearer token.
 */
@Controller('api')
@UseFilters(WebinarHttpErrorFilter)
export class WebinarsController {
  constructor(
    private readonly calendar: WebinarCalendarService,
    private readonly registrations: WebinarRegistrationsService,
  ) {}

  @Public()
  @Get('webinars/:id.ics')
  async webinarIcs(@Param('id') id: string, @Query('token') token: string | undefined, @Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    let viewer: AuthUser | null = req.user ?? null;
    if (!viewer && typeof token === 'string' && token) {
      viewer = await this.calendar.userForToken(token);
      if (!viewer) throw apiError(ERROR_CODES.invalidToken, 'This calendar link is no longer valid (it was reset): copy your new feed URL.', 'token');
    }
    const { title, ics } = await this.calendar.webinarIcs(id, viewer);
    res
      .status(200)
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="whaminar-${fileSlug(title)}.ics"`)
      .set('Cache-Control', viewer ? 'private, no-store' : 'public, max-age=60')
      .send(ics);
  }

  @Public()
  @Get('calendar/:token.ics')
  async feed(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const ics = await this.calendar.feedIcs(token);
    if (!ics) throw notFound('Calendar feed', 'token');
    res
      .status(200)
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', 'inline; filename="kindred-whaminars.ics"')
      .set('Cache-Control', 'private, no-store')
      .send(ics);
  }

  @Roles('organiser')
  @Get('webinars/:id/registrations.csv')
  async registrationsCsv(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const { title, rows } = await this.registrations.csvRows(user, id);
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="registrations-${fileSlug(title)}.csv"`)
      .set('Cache-Control', 'private, no-store')
      .send(`\uFEFF${registrationsCsv(rows)}`);
  }
}
