import { InitialSchema1764100000000 } from './1764100000000-initial-schema';

/** Every migration, oldest first. Add each new one here (one per schema change, reversible). */
export const MIGRATIONS = [InitialSchema1764100000000];
