import { MemoryEventStore } from '@kensho/event-store/testing';
import { FixedClock } from '@kensho/platform';
import { AggregateService } from '../../application/aggregate-service.js';
import { CycleAggregate, DepartmentsAggregate, SheetAggregate, cycleStreamId, sheetStreamId } from '../../application/aggregates.js';
import type { CommandMeta } from '../../application/command-meta.js';
import { DEPARTMENTS_STREAM, initialSheetState } from '../../domain/index.js';
import { DecideHandler, cycleCommand, departmentsCommand, sheetCommand } from './decide.js';

const meta: CommandMeta = {
  commandId: '00000000-0000-4000-8000-000000000001',
  correlationId: '00000000-0000-4000-8000-000000000001',
  causationId: '00000000-0000-4000-8000-000000000001',
  actor: { id: 'planning-1', role: 'planning' },
};

/** The service as the handler drives it: what it was asked to execute, on which aggregate and stream. */
function recording() {
  const store = new MemoryEventStore();
  const aggregates = new AggregateService(store, new FixedClock(new Date('2017-05-01T00:00:00.000Z')));
  const calls: Array<{ definition: unknown; streamId: string; command: unknown; options: Record<string, unknown> }> = [];
  const execute = aggregates.execute.bind(aggregates);
  aggregates.execute = ((definition, streamId, command, m, options = {}) => {
    calls.push({ definition, streamId, command, options: options as Record<string, unknown> });
    return execute(definition, streamId, command, m, options);
  }) as AggregateService['execute'];
  return { store, aggregates, calls, handler: new DecideHandler(aggregates) };
}

describe('DecideHandler: one message for every single-stream command', () => {
  it('writes a department to the master stream', async () => {
    const { store, calls, handler } = recording();
    const result = await handler.execute(departmentsCommand({ type: 'RegisterDepartment', name: '産業振興課', slug: 'sangyoshinko' }, meta));

    expect(calls[0]).toMatchObject({ definition: DepartmentsAggregate, streamId: DEPARTMENTS_STREAM });
    expect(result).toMatchObject({ streamId: DEPARTMENTS_STREAM, version: 0, events: ['DepartmentRegistered'], duplicate: false });
    expect((await store.readStream(DEPARTMENTS_STREAM)).map((e) => e.type)).toEqual(['DepartmentRegistered']);
  });

  it("opens a cycle on its fiscal year's stream, without a version", async () => {
    const { calls, handler } = recording();
    const command = { type: 'OpenCycle', fiscalYear: 2017, title: '平成29年度 効果検証', deadlines: { departmentSubmission: '2018-06-30' } } as const;
    const result = await handler.execute(cycleCommand(2017, command, meta));

    expect(calls[0]).toMatchObject({ definition: CycleAggregate, streamId: cycleStreamId(2017), command, options: { expectedVersion: undefined } });
    expect(result).toMatchObject({ streamId: cycleStreamId(2017), version: 0, events: ['CycleOpened'] });
  });

  it("sends a sheet command to the sheet's stream with If-Match's version and the cycle's editions as facts", async () => {
    const { calls, handler } = recording();
    const sheetId = 'fy2017-1-01-sangyo-shinko';
    // If-Match named a version the (missing) stream does not have: refused, which shows the version arrived.
    await expect(handler.execute(sheetCommand(sheetId, { type: 'SubmitSheet' }, meta, 3))).rejects.toMatchObject({ code: 'version_conflict' });

    expect(calls[0]).toMatchObject({
      definition: SheetAggregate,
      streamId: sheetStreamId(sheetId),
      command: { type: 'SubmitSheet' },
      options: { expectedVersion: 3 },
    });
    const withFacts = calls[0]!.options.withFacts as (state: unknown, version: number | null) => Promise<unknown>;
    // A sheet that does not exist yet has no cycle to read: the state comes back as it was.
    await expect(withFacts(initialSheetState, null)).resolves.toBe(initialSheetState);
  });

  it('does not take the commands that need more than one stream', () => {
    // @ts-expect-error PublishCycle pins every sheet: publish-cycle's own handler
    expect(() => cycleCommand(2017, { type: 'PublishCycle', sheets: [] }, meta)).not.toThrow();
    // @ts-expect-error AddSheetToCycle goes with the sheet's creation: assign-sheet's own handler
    expect(() => cycleCommand(2017, { type: 'AddSheetToCycle', sheetId: 'x', projectCode: 'x', department: 'x' }, meta)).not.toThrow();
  });
});
