import { Injectable, Logger } from '@nestjs/common';
import type { ThemeId } from '@kindred/domain';
import type { LatLng } from '@kindred/geo';

/**
 * A project now stands at a (new) shown point: just registered, or moved. Only the shown point
 * (rounded to the owner's precision) is carried, so no listener can leak the exact one.
 */
export interface ProjectPlacedEvent {
  readonly projectId: string;
  readonly ownerId: string;
  readonly title: string;
  readonly themes: readonly ThemeId[];
  /** The point everyone else sees (`display_location`). */
  readonly shownAt: LatLng;
  /** The shown point before a move; null for a new registration. */
  readonly previouslyShownAt: LatLng | null;
}

export type ProjectPlacedListener = (event: ProjectPlacedEvent) => Promise<void>;

/**
 * In-process hooks after a project's write has committed, so other modules (alerts) can react
 * without ProjectsModule depending on them: they import ProjectsModule and subscribe, never the
 * other way round. Listeners run in turn and are awaited (so the caller's reply follows their
 * work); a listener that fails is logged and never fails the registration itself.
 */
@Injectable()
export class ProjectEventsService {
  private readonly logger = new Logger(ProjectEventsService.name);
  private readonly placedListeners = new Set<ProjectPlacedListener>();

  /** Subscribes; returns the unsubscribe function. */
  onProjectPlaced(listener: ProjectPlacedListener): () => void {
    this.placedListeners.add(listener);
    return () => this.placedListeners.delete(listener);
  }

  async projectPlaced(event: ProjectPlacedEvent): Promise<void> {
    for (const listener of this.placedListeners) {
      try {
        await listener(event);
      } catch (error) {
        this.logger.error(`A listener failed for project ${event.projectId}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
  }
}
