import { Injectable } from '@nestjs/common';

/** Placeholder: seeds demo data on an empty database. */
@Injectable()
export class DemoSeedService {
  async seedIfEmpty(_count: number): Promise<void> {
    return;
  }
}
