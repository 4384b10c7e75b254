import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from './app-config';

/** Typed access to the validated configuration. */
@Injectable()
export class AppConfigService {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  get<K extends keyof AppConfig>(key: K): AppConfig[K] {
    return this.config.get(key, { infer: true });
  }

  get publicUrl(): string {
    const port = this.get('PORT');
    return this.get('PUBLIC_URL') ?? `http://localhost:${port}`;
  }

  get isEmbeddedDatabase(): boolean {
    return !this.get('DATABASE_URL');
  }
}
