import { Transform } from 'class-transformer';
import { registerDecorator } from 'class-validator';
import { integerRangeMessage, parseCanonicalInteger, type IntegerRange } from '@kensho/platform';

/**
 * A numeric query parameter: a canonical decimal integer within `range`, else a 400 naming it.
 * The raw value is kept when it does not parse, so the validator can name what was sent.
 */
export function QueryInteger(range: IntegerRange) {
  return (target: object, property: string): void => {
    Transform(({ value }) => parseCanonicalInteger(value, range) ?? value)(target, property);
    registerDecorator({
      name: 'queryInteger',
      target: target.constructor,
      propertyName: property,
      options: { message: integerRangeMessage(property, range) },
      validator: { validate: (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= range.min && value <= range.max },
    });
  };
}
