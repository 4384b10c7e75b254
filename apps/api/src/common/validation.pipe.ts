import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { badInputs, FieldProblem } from './graphql-errors.util';

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Carries field problems from the exception factory to `transform`, which knows the argument name. */
class FieldProblems extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super('invalid input');
  }
}

const NUL = '\u0000';

/** Whether any string in an argument holds NUL: on every argument, so it stops at the first and builds no paths. */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  // Inputs arrive as parsed JSON: no cycles, and nothing real nests this deep.
  if (value === null || typeof value !== 'object' || depth > 16) return false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (holdsNul(item, depth + 1)) return true;
  return false;
}

/**
 * Every string holding a NUL character, by path (`title`, `themes[2]`, `place.name`). PostgreSQL
 * text cannot store NUL, so it would otherwise fail deep in a statement as an internal error.
 */
export function nulCharacterProblems(value: unknown, path: string, name = path, depth = 0): FieldProblem[] {
  if (!holdsNul(value, depth)) return [];
  if (typeof value === 'string') return [{ field: path || 'value', message: `${name || 'value'} must not contain a NUL character (\\u0000)` }];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulCharacterProblems(item, `${path}[${i}]`, name, depth + 1));
  return Object.entries(value as object).flatMap(([key, item]) => nulCharacterProblems(item, path ? `${path}.${key}` : key, key, depth + 1));
}

/**
 * Validates every GraphQL argument with class-validator. A failure becomes one BAD_USER_INPUT
 * error naming each field at fault by its path from the argument (`input.title` for
 * `@Args('input')`, `bbox.west` for an `@ArgsType` class), before any resolver runs.
 * Properties without a validation decorator are stripped (`whitelist`), so every input class
 * must decorate each field it accepts. Text holding a NUL character is refused the same way, in
 * any argument, plain strings (`places(query:)`) included.
 */
export class KindredValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidUnknownValues: false,
      stopAtFirstError: true,
      exceptionFactory: (errors) => new FieldProblems(flatten(errors, '')),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const nul = nulCharacterProblems(value, metadata.data ?? '');
      if (nul.length) throw badInputs(nul);
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof FieldProblems)) throw error;
      const prefix = metadata.data ? `${metadata.data}.` : '';
      throw badInputs(error.problems.map((p) => ({ ...p, field: `${prefix}${p.field}` })));
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new KindredValidationPipe();
}
