import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { CliniciansService } from './clinicians.service';
import { toClinician } from './clinician-models.util';
import type { Clinician } from './models/clinician.model';

/**
 * Batches public-profile lookups within one request, so a list of projects loads its owners in
 * one query instead of one per row. Keyed on the request object; it goes when the request does.
 */
@Injectable()
export class CliniciansLoader {
  private readonly perRequest = new WeakMap<object, DataLoader<string, Clinician | null>>();

  constructor(private readonly clinicians: CliniciansService) {}

  forRequest(req: object | undefined): DataLoader<string, Clinician | null> {
    if (!req) return this.create();
    let loader = this.perRequest.get(req);
    if (!loader) {
      loader = this.create();
      this.perRequest.set(req, loader);
    }
    return loader;
  }

  private create(): DataLoader<string, Clinician | null> {
    return new DataLoader<string, Clinician | null>(async (ids) => {
      const users = await this.clinicians.findByIds(ids);
      const byId = new Map(users.map((u) => [u.id, toClinician(u)]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}
