import type { ErrorCode } from '@kindred/domain';

/** One input field at fault, as listed in `extensions.errors`. */
export interface ApiFieldProblem {
  /** Path of the input field, e.g. `input.title` or `email`. */
  readonly field: string;
  readonly message: string;
}

/** The `extensions` every Kindred API refusal carries (see docs/api.md, "Errors"). */
export interface ApiErrorExtensions {
  readonly code?: ErrorCode | string;
  /** The one input field at fault, when there is one. */
  readonly field?: string;
  /** Several fields at fault at once. */
  readonly errors?: readonly ApiFieldProblem[];
}
