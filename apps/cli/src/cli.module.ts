import { Module } from '@nestjs/common';
import { CoreModule } from '@kensho/core';
import { ReviewModule } from '@kensho/review';
import { SeedsModule } from '@kensho/seeds';
import { BackupCommand, RestoreCommand } from './commands/backup.command.js';
import { AuditCommand, AuditReplayCommand, AuditVerifyCommand } from './commands/audit.command.js';
import { MigrateCommand } from './commands/migrate.command.js';
import { ProjectionsCommand, ProjectionsRebuildCommand, ProjectionsRunCommand, ProjectionsStatusCommand } from './commands/projections.command.js';
import { PublicationCommand, PublicationExportCommand } from './commands/publication.command.js';
import { QualityCommand } from './commands/quality.command.js';
import { SeedCommand } from './commands/seed.command.js';
import { IssueTokenCommand, ListTokensCommand, RevokeTokenCommand, TokensCommand } from './commands/tokens.command.js';

@Module({
  imports: [CoreModule.forRoot({ poolSize: 4 }), ReviewModule, SeedsModule],
  providers: [
    TokensCommand,
    IssueTokenCommand,
    RevokeTokenCommand,
    ListTokensCommand,
    MigrateCommand,
    SeedCommand,
    QualityCommand,
    AuditCommand,
    AuditVerifyCommand,
    AuditReplayCommand,
    ProjectionsCommand,
    ProjectionsStatusCommand,
    ProjectionsRebuildCommand,
    ProjectionsRunCommand,
    PublicationCommand,
    PublicationExportCommand,
    BackupCommand,
    RestoreCommand,
  ],
})
export class CliModule {}
