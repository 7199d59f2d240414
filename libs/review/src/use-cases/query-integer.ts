import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { registerDecorator } from 'class-validator';
import { integerRangeMessage, parseCanonicalInteger, type IntegerRange } from '@kensho/platform';

/**
 * A numeric query parameter: a canonical decimal integer within `range`, else a 400 naming it.
 * The raw value is kept when it does not parse, so the validator can name what was sent.
 * Documented as an integer with its range (optional unless `required`).
 */
export function QueryInteger(range: IntegerRange, { required = false }: { required?: boolean } = {}) {
  return (target: object, property: string): void => {
    Transform(({ value }) => parseCanonicalInteger(value, range) ?? value)(target, property);
    ApiProperty({
      type: 'integer',
      minimum: range.min,
      maximum: range.max,
      required,
      ...(property === 'minPosition'
        ? { description: 'Wait until the views include this global position (read your own writes); 409 read.position_ahead if no write answered with it' }
        : {}),
    })(target, property);
    registerDecorator({
      name: 'queryInteger',
      target: target.constructor,
      propertyName: property,
      options: { message: integerRangeMessage(property, range) },
      validator: { validate: (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= range.min && value <= range.max },
    });
  };
}
