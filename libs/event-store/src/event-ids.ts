import { uuidV5 } from '@kensho/platform';

/**
 * Event ids are derived from the command id, the stream and the event's index in the batch, so a
 * retried command produces the same ids and either store reports it as a duplicate (docs/events.md).
 */
export function eventIdFor(commandId: string, streamId: string, index: number): string {
  return uuidV5(`${commandId}/${streamId}/${index}`);
}
