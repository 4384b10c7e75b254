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

/**
 * Validates every GraphQL argument with class-validator. A failure becomes one BAD_USER_INPUT
 * error naming each field at fault by its path from the argument (`input.title` for
 * `@Args('input')`, `bbox.west` for an `@ArgsType` class), before any resolver runs.
 * Properties without a validation decorator are stripped (`whitelist`), so every input class
 * must decorate each field it accepts.
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
