import type { RecordedEvent } from '@kensho/event-store';
import { BatchStates, statesFrom, writeRows, type Projection } from '@kensho/projections';
import { CycleAggregate, DepartmentsAggregate, SheetAggregate, fiscalYearOfStream, parseStreamId, upcast, type AggregateDefinition } from '@kensho/review';
import { describeChanges, type FieldChange } from './describe-changes.js';

const AGGREGATES: Record<string, AggregateDefinition<unknown, unknown>> = {
  sheet: SheetAggregate as AggregateDefinition<unknown, unknown>,
  cycle: CycleAggregate as AggregateDefinition<unknown, unknown>,
  master: DepartmentsAggregate as AggregateDefinition<unknown, unknown>,
};

const AUDIT_COLUMNS = [
  'position',
  'stream_id',
  'revision',
  'event_type',
  'fiscal_year',
  'actor_id',
  'actor_name',
  'role',
  'department',
  'command_id',
  'correlation_id',
  'causation_id',
  'occurred_at',
  'recorded_at',
  'imported',
  'changes',
];

const aggregateOf = (streamId: string) => {
  const stream = parseStreamId(streamId);
  return stream ? AGGREGATES[stream.category] : undefined;
};

/**
 * Folds each stream with the domain's own evolve, so the change recorded for an event is exactly
 * the difference it made to the aggregate: before → after, field by field. A batch inserts its
 * rows in log order in one statement and writes each touched stream's state once.
 */
export const auditProjection: Projection = {
  name: 'audit',
  tables: ['audit_events', 'audit_stream_states'],
  // seq is the export cursor, drawn from a sequence: sequences are not transactional, so a crashed
  // batch leaves gaps that a clean rebuild does not have. Its order, not its values, is the contract.
  volatileColumns: { audit_events: ['seq'] },
  async applyBatch(client, events) {
    const states = new BatchStates<unknown>(statesFrom(client, 'audit_stream_states', 'stream_id'));
    await states.prime(events.filter((e) => aggregateOf(e.streamId)).map((e) => e.streamId));
    const rows = events.map((event) => {
      const aggregate = aggregateOf(event.streamId);
      let changes: FieldChange[] = [];
      if (aggregate) {
        const stored = states.get(event.streamId);
        const after = aggregate.evolve(stored ?? aggregate.initialState, upcast(event));
        // A stream's first event is described against nothing, not against the empty state.
        changes = describeChanges(stored === undefined ? null : stored, after);
        states.set(event.streamId, after, event);
      }
      return auditRow(event, changes);
    });
    await writeRows(client, 'audit_events', AUDIT_COLUMNS, rows);
    await writeRows(
      client,
      'audit_stream_states',
      ['stream_id', 'state'],
      states.changed().map(({ key, state }) => ({ stream_id: key, state })),
      {
        conflictKey: ['stream_id'],
      },
    );
  },
};

function auditRow(event: RecordedEvent, changes: FieldChange[]): Record<string, unknown> {
  const m = event.metadata;
  return {
    position: event.position,
    stream_id: event.streamId,
    revision: event.revision,
    event_type: event.type,
    fiscal_year: fiscalYearOfStream(event.streamId),
    actor_id: m.actorId,
    actor_name: typeof m.actorName === 'string' ? m.actorName : null,
    role: m.role,
    department: m.department,
    command_id: m.commandId,
    correlation_id: m.correlationId,
    causation_id: m.causationId,
    occurred_at: m.occurredAt,
    recorded_at: event.recordedAt,
    imported: m.imported === true,
    changes,
  };
}
