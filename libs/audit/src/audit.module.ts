import { Module } from '@nestjs/common';
import { ReviewModule } from '@kensho/review';
import { AuditQueries } from './audit-queries.js';

@Module({ imports: [ReviewModule], providers: [AuditQueries], exports: [AuditQueries] })
export class AuditModule {}
