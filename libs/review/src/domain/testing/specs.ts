import type { CycleCommand } from '../cycle/cycle.commands.js';
import { decideCycle } from '../cycle/cycle.decide.js';
import type { CycleEvent } from '../cycle/cycle.events.js';
import type { CycleState } from '../cycle/cycle.state.js';
import { evolveCycle, initialCycleState } from '../cycle/cycle.state.js';
import type { SheetCommand } from '../sheet/sheet.commands.js';
import { decideSheet } from '../sheet/sheet.decide.js';
import type { SheetEvent } from '../sheet/sheet.events.js';
import type { SheetState } from '../sheet/sheet.state.js';
import { evolveSheet, initialSheetState } from '../sheet/sheet.state.js';
import { deciderSpec } from './decider-spec.js';

export const sheet = deciderSpec<SheetCommand, SheetEvent, SheetState>({
  decide: decideSheet,
  evolve: evolveSheet,
  initialState: initialSheetState,
});

export const cycle = deciderSpec<CycleCommand, CycleEvent, CycleState>({
  decide: decideCycle,
  evolve: evolveCycle,
  initialState: initialCycleState,
});
