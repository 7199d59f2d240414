import { Module } from '@nestjs/common';
import { ReviewModule } from '@kensho/review';
import { SeedRunner } from './seed-runner.js';

@Module({ imports: [ReviewModule], providers: [SeedRunner], exports: [SeedRunner] })
export class SeedsModule {}
