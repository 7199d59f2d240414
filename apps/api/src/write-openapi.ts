import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { openApiDocument } from './openapi.js';

// The build writes the document without a database: Nest's preview mode scans modules and routes
// but instantiates no provider, so nothing connects anywhere. Usage: node write-openapi.js <file>
async function main(file: string): Promise<void> {
  const app = await NestFactory.create(AppModule.register(), { preview: true, logger: false });
  writeFileSync(file, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
  await app.close();
}

const file = process.argv[2];
if (!file) {
  console.error('usage: write-openapi <out.json>');
  process.exit(2);
}
main(file).catch((error: Error) => {
  console.error(`Could not write the OpenAPI document: ${error.message}`);
  process.exit(1);
});
