import { Module } from '@nestjs/common';
import { CoreModule } from '@kensho/core';
import { MigrateCommand } from './commands/migrate.command.js';
import { IssueTokenCommand, ListTokensCommand, RevokeTokenCommand, TokensCommand } from './commands/tokens.command.js';

@Module({
  imports: [CoreModule.forRoot({ poolSize: 4 })],
  providers: [TokensCommand, IssueTokenCommand, RevokeTokenCommand, ListTokensCommand, MigrateCommand],
})
export class CliModule {}
