import type { RecordedEvent } from '@kensho/event-store';
import type { Projection } from '@kensho/projections';
import { CycleAggregate, SheetAggregate, upcast, type AggregateDefinition } from '@kensho/review';
import { describeChanges, type FieldChange } from './describe-changes.js';

const AGGREGATES: Record<string, AggregateDefinition<unknown, unknown>> = {
  sheet: SheetAggregate as AggregateDefinition<unknown, unknown>,
  cycle: CycleAggregate as AggregateDefinition<unknown, unknown>,
};

/** 2016 from 'sheet-2016.1-12.sangyoshinko' or 'cycle-2016'. */
export function fiscalYearOf(streamId: string): number | null {
  const match = /^[a-z]+-(\d{4})(?:\.|$)/.exec(streamId);
  return match ? Number(match[1]) : null;
}

/**
 * Folds each stream with the domain's own evolve, so the change recorded for an event is exactly
 * the difference it made to the aggregate: before → after, field by field.
 */
export const auditProjection: Projection = {
  name: 'audit',
  tables: ['audit_events', 'audit_stream_states'],
  // seq is the export cursor, drawn from a sequence: sequences are not transactional, so a crashed
  // batch leaves gaps that a clean rebuild does not have. Its order, not its values, is the contract.
  volatileColumns: { audit_events: ['seq'] },
  async apply(client, event: RecordedEvent) {
    const aggregate = AGGREGATES[event.streamId.slice(0, event.streamId.indexOf('-'))];
    let changes: FieldChange[] = [];
    if (aggregate) {
      const found = await client.query<{ state: unknown }>('SELECT state FROM audit_stream_states WHERE stream_id = $1', [event.streamId]);
      const before = found.rows[0]?.state ?? aggregate.initialState;
      const after = aggregate.evolve(before, upcast(event));
      changes = describeChanges(found.rows[0] ? before : null, after);
      await client.query(
        `INSERT INTO audit_stream_states (stream_id, state) VALUES ($1, $2)
         ON CONFLICT (stream_id) DO UPDATE SET state = EXCLUDED.state`,
        [event.streamId, JSON.stringify(after)],
      );
    }
    const m = event.metadata;
    await client.query(
      `INSERT INTO audit_events (position, stream_id, revision, event_type, fiscal_year, actor_id, role, department,
         command_id, correlation_id, causation_id, occurred_at, recorded_at, imported, changes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        event.position,
        event.streamId,
        event.revision,
        event.type,
        fiscalYearOf(event.streamId),
        m.actorId,
        m.role,
        m.department,
        m.commandId,
        m.correlationId,
        m.causationId,
        m.occurredAt,
        event.recordedAt,
        m.imported === true,
        JSON.stringify(changes),
      ],
    );
  },
};
