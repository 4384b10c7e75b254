import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';
import { isHttpsUrl } from '@kindred/domain';

/** An https:// web address (the shared rule from @kindred/domain). */
export function IsHttpsUrl(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHttpsUrl',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isHttpsUrl(value),
        defaultMessage: buildMessage((each) => `${each}$property must be an https:// web address`, options),
      },
    },
    options,
  );
}
