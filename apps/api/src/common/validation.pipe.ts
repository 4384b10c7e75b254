import { ValidationError, ValidationPipe } from '@nestjs/common';
import { badInputs, FieldProblem } from './graphql-errors.util';

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Validates every GraphQL input object with class-validator. A failure becomes one
 * BAD_USER_INPUT error naming each field at fault (`input.title`), before any resolver runs.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    stopAtFirstError: true,
    exceptionFactory: (errors, ) => badInputs(flatten(errors, 'input')),
  });
}
