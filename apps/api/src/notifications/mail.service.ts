import { Injectable, Logger } from '@nestjs/common';
import { AppConfigService } from '../config/app-config.service';
import { MailMessage, parseSmtpUrl, sendSmtp, SmtpSettings } from './smtp-client.util';

/**
 * Outgoing email. With `SMTP_URL` set it sends through that server; without, it writes each
 * message to the log instead, so development and tests need no mail server.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  private readonly smtp: SmtpSettings | null;

  constructor(config: AppConfigService) {
    const url = config.get('SMTP_URL');
    const host = new URL(config.publicUrl).hostname || 'localhost';
    this.smtp = url ? parseSmtpUrl(url, `Kindred <no-reply@${host}>`) : null;
  }

  get configured(): boolean {
    return this.smtp !== null;
  }

  async send(message: MailMessage): Promise<void> {
    if (!this.smtp) {
      this.logger.log(`Email not sent (SMTP_URL is not set). To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}`);
      return;
    }
    await sendSmtp(this.smtp, message);
  }
}
