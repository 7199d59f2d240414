import type { RecordedEvent } from '@kensho/event-store';
import { CYCLE_EVENT_SCHEMA_VERSION, DEPARTMENT_EVENT_SCHEMA_VERSION, SHEET_EVENT_SCHEMA_VERSION, type DomainEvent } from '../domain/index.js';

/** Upgrades one schema version's data to the next. Pure; stored events never change. */
type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

const CURRENT_VERSION: Record<string, number> = { ...SHEET_EVENT_SCHEMA_VERSION, ...CYCLE_EVENT_SCHEMA_VERSION, ...DEPARTMENT_EVENT_SCHEMA_VERSION };

/** UPCASTERS[type][n] turns version n into n + 1. Empty while every event is still at version 1. */
const UPCASTERS: Record<string, Record<number, Upcaster>> = {};

export function schemaVersionOf(type: string): number {
  const version = CURRENT_VERSION[type];
  if (version === undefined) throw new Error(`Unknown event type ${type}: register it before appending`);
  return version;
}

/** The domain event a recorded event means today, whatever schema version it was written in. */
export function upcast(event: Pick<RecordedEvent, 'type' | 'data' | 'metadata'>): DomainEvent {
  let version = Number(event.metadata.schemaVersion ?? 1);
  let data = event.data;
  const target = CURRENT_VERSION[event.type] ?? version;
  while (version < target) {
    const step = UPCASTERS[event.type]?.[version];
    if (!step) throw new Error(`No upcaster for ${event.type} v${version}`);
    data = step(data);
    version++;
  }
  return { type: event.type, data };
}
