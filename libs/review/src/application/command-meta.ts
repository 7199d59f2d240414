import type { Actor } from '../domain/index.js';

/** Who issues a command, and how it relates to others (docs/events.md, metadata). */
export interface CommandMeta {
  /** Stable per command: derived from an Idempotency-Key or a seed step, else random. */
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: Actor;
  /** Business time; defaults to the injected clock. Seeds pass historical times. */
  occurredAt?: string;
  /**
   * The command id was generated for this request just now (no Idempotency-Key), so no earlier
   * run of it can exist and looking one up first would be a wasted query.
   */
  freshCommandId?: true;
}

/** The answer to every command: where its events landed, so the client can read its own writes. */
export interface CommandResult {
  streamId: string;
  /** Stream revision after the command (the sheet's version), null when the stream is still empty. */
  version: number | null;
  /** Global position of the last event written, null when the command changed nothing. */
  position: number | null;
  /** Event types appended (empty for a no-op or a duplicate). */
  events: string[];
  duplicate: boolean;
}
