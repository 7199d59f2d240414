import { Command } from '@nestjs/cqrs';
import type { CommandMeta, CommandResult } from '../application/command-meta.js';
import type { SheetCommand } from '../domain/index.js';

/** The Nest command carrying one domain command for one sheet. */
export abstract class SheetCommandMessage<C extends SheetCommand = SheetCommand> extends Command<CommandResult> {
  constructor(
    readonly sheetId: string,
    readonly command: C,
    readonly meta: CommandMeta,
    /** From If-Match: the version the client last read. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
