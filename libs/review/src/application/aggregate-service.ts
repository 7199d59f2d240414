import { Injectable, Optional } from '@nestjs/common';
import { EventStore, WrongExpectedRevisionError, eventIdFor, type NewEvent, type ReadStreamOptions } from '@kensho/event-store';
import { Clock } from '@kensho/platform';
import type { DomainEvent } from '../domain/index.js';
import type { AggregateDefinition } from './aggregates.js';
import type { CommandMeta, CommandResult } from './command-meta.js';
import { VersionConflictError } from './errors.js';
import { schemaVersionOf, upcast } from './event-registry.js';
import { IntegrityFindings, StreamIntegrityError, integrityOf, type StreamIntegrity } from './integrity.js';

export interface LoadedAggregate<S> {
  state: S;
  /** Stream revision of the last event read; null when the stream does not exist. */
  version: number | null;
  headHash: string | null;
  /** The whole stream's hash chain, verified on every load (a time-travel load too: the stream, not the prefix). */
  integrity: StreamIntegrity;
}

export interface ExecuteOptions<S> {
  /** From If-Match: the version the client last read. */
  expectedVersion?: number;
  /** Facts recorded on other streams that the decision needs (read again on every attempt). */
  withFacts?: (state: S, version: number | null) => Promise<S>;
}

/** A command, or how to build it from the state just loaded (read again on every attempt). */
export type CommandFor<S, C> = C | ((state: S) => Promise<C>);

/** Commands that did not name a version are retried this often when another writer wins the race. */
const MAX_ATTEMPTS = 4;
/** Streams whose latest state is kept in memory (least recently loaded forgotten first). */
const RECENT_STATES = 5_000;

/**
 * The one way commands change state: load the stream, decide, append with the expected revision.
 * Handlers stay three lines long; concurrency, idempotency and metadata live here once.
 */
@Injectable()
export class AggregateService {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    @Optional() private readonly findings?: IntegrityFindings,
  ) {}

  /** The latest state loaded per stream: the next load folds only the events after it. */
  private readonly recent = new Map<string, { definition: unknown; loaded: LoadedAggregate<unknown> }>();

  async load<S, C>(definition: AggregateDefinition<S, C>, streamId: string, options: ReadStreamOptions = {}): Promise<LoadedAggregate<S>> {
    const latest = Object.keys(options).length === 0;
    const known = latest ? this.recent.get(streamId) : undefined;
    // States are never mutated (evolve returns new ones), so a remembered one can be built upon.
    const remembered = known && known.definition === definition ? (known.loaded as LoadedAggregate<S>) : null;
    // The whole stream is read and its chain verified every time: a tampered old event is not in any
    // tail, and a remembered state would carry on from it unnoticed. Sheet streams are a few events long.
    const stream = await this.store.readStream(streamId);
    const integrity = integrityOf(stream);
    if (integrity.status === 'broken') await this.findings?.record(streamId, integrity, latest ? 'command' : 'read');
    const events = latest ? stream : await this.store.readStream(streamId, options);
    // A remembered state is built upon only while the stream verifies and still holds the event it ended at.
    const base = integrity.status === 'intact' && remembered && stream[remembered.version!]?.metadata.hash === remembered.headHash ? remembered : null;
    let state = base?.state ?? definition.initialState;
    for (const event of base ? events.slice(base.version! + 1) : events) state = definition.evolve(state, upcast(event));
    const last = events[events.length - 1];
    const loaded = { state, version: last?.revision ?? null, headHash: last?.metadata.hash ?? null, integrity };
    if (latest && loaded.version !== null && integrity.status === 'intact') this.remember(streamId, definition, loaded);
    return loaded;
  }

  /** The stream's hash chain, verified now; a broken one is recorded as a finding. */
  async integrity(streamId: string): Promise<StreamIntegrity> {
    const integrity = integrityOf(await this.store.readStream(streamId));
    if (integrity.status === 'broken') await this.findings?.record(streamId, integrity, 'read');
    return integrity;
  }

  private remember(streamId: string, definition: unknown, loaded: LoadedAggregate<unknown>): void {
    this.recent.delete(streamId);
    this.recent.set(streamId, { definition, loaded });
    if (this.recent.size > RECENT_STATES) this.recent.delete(this.recent.keys().next().value!);
  }

  async execute<S, C>(
    definition: AggregateDefinition<S, C>,
    streamId: string,
    command: CommandFor<S, C>,
    meta: CommandMeta,
    options: ExecuteOptions<S> = {},
  ): Promise<CommandResult> {
    const occurredAt = meta.occurredAt ?? this.clock.now().toISOString();
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.decideOnce(definition, streamId, command, meta, options, occurredAt);
      if ('replay' in outcome) return outcome.replay;
      const { decided, version } = outcome;
      if (decided.length === 0) return { streamId, version, position: null, events: [], duplicate: false };
      const events: NewEvent[] = decided.map((event, index) => ({
        id: eventIdFor(meta.commandId, streamId, index),
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: {
          actorId: meta.actor.id,
          ...(meta.actor.name !== undefined ? { actorName: meta.actor.name } : {}),
          role: meta.actor.role,
          department: meta.actor.department ?? null,
          commandId: meta.commandId,
          correlationId: meta.correlationId,
          causationId: meta.causationId,
          occurredAt,
          schemaVersion: schemaVersionOf(event.type),
          // Replayed history (seeds) is marked, so the audit tells it from live work.
          ...(meta.actor.importer ? { imported: true } : {}),
        },
      }));
      try {
        const appended = await this.store.appendToStream(streamId, events, version ?? 'no_stream');
        return {
          streamId,
          version: appended.nextExpectedRevision,
          position: appended.position,
          events: appended.duplicate ? [] : events.map((e) => e.type),
          duplicate: appended.duplicate,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (options.expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) {
          const twin = await this.previousRun(streamId, meta.commandId);
          if (twin) return twin;
          throw new VersionConflictError(streamId, options.expectedVersion ?? version, error.actual);
        }
      }
    }
  }

  /**
   * Decides without appending: throws what execute would refuse with, and accepts a command this
   * stream already ran. For commands that must be accepted on several streams before any is written.
   */
  async dryRun<S, C>(
    definition: AggregateDefinition<S, C>,
    streamId: string,
    command: CommandFor<S, C>,
    meta: CommandMeta,
    options: ExecuteOptions<S> = {},
  ): Promise<void> {
    await this.decideOnce(definition, streamId, command, meta, options, meta.occurredAt ?? this.clock.now().toISOString());
  }

  private async decideOnce<S, C>(
    definition: AggregateDefinition<S, C>,
    streamId: string,
    command: CommandFor<S, C>,
    meta: CommandMeta,
    options: ExecuteOptions<S>,
    occurredAt: string,
  ): Promise<{ replay: CommandResult } | { decided: DomainEvent[]; version: number | null }> {
    // A retried run of this very command answers with its first result (only worth asking for
    // ids that can repeat; a concurrent twin is still caught by the event ids in the store).
    const replay = meta.freshCommandId ? null : await this.previousRun(streamId, meta.commandId);
    if (replay) return { replay };
    const loaded = await this.load(definition, streamId);
    const { version } = loaded;
    if (loaded.integrity.status === 'broken') throw new StreamIntegrityError(streamId, loaded.integrity.revision, loaded.integrity.problem);
    if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
      const twin = await this.previousRun(streamId, meta.commandId);
      if (twin) return { replay: twin };
      throw new VersionConflictError(streamId, options.expectedVersion, version);
    }
    const state = options.withFacts ? await options.withFacts(loaded.state, version) : loaded.state;
    try {
      const resolved = typeof command === 'function' ? await (command as (state: S) => Promise<C>)(state) : command;
      return { decided: definition.decide(resolved, state, { actor: meta.actor, now: occurredAt }), version };
    } catch (error) {
      // A concurrent twin of this command (same id) may have just been applied: that is its answer.
      const twin = await this.previousRun(streamId, meta.commandId);
      if (twin) return { replay: twin };
      throw error;
    }
  }

  /** The result of an earlier run of the same command on this stream, if there was one. */
  private async previousRun(streamId: string, commandId: string): Promise<CommandResult | null> {
    const previous = await this.store.findEvent(streamId, eventIdFor(commandId, streamId, 0));
    if (!previous) return null;
    const version = await this.store.streamRevision(streamId);
    return { streamId, version, position: previous.position, events: [], duplicate: true };
  }
}
