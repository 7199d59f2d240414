import 'reflect-metadata';
import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { KENSHO_CONFIG, type CoreOptions } from '@kensho/core';
import type { KenshoConfig } from '@kensho/platform';
import { Projector } from '@kensho/projections';
import { AppModule } from './app.module.js';
import { jsonBodyParser } from './http/body-parsing.js';
import { buildOpenApiDocument } from './http/openapi.js';
import { validationProblem } from './http/request-errors.js';
import { defaultWebDir, serveStaffWeb } from './web/staff-web.js';

/** Builds the HTTP application; main.ts and the e2e tests share it. */
export async function createApp(
  options: CoreOptions & {
    logger?: false | Array<'error' | 'warn' | 'log' | 'debug'> /** Tests of the projector itself turn the in-process one off. */;
    projector?: boolean /** The built web app (default dist/web); null serves none. */;
    webDir?: string | null;
    demoSignIn?: boolean;
  } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(options), {
    bodyParser: false,
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  const config = app.get<KenshoConfig>(KENSHO_CONFIG);
  // Express would add its own weak ETags; sheet ETags are versions, set explicitly.
  app.set('etag', false);
  app.use(...jsonBodyParser(config.maxBodyBytes));
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationProblem,
    }),
  );
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  // Before Nest's routes: the staff web app's files, and index.html for its client-side paths.
  serveStaffWeb(app, options.webDir === undefined ? defaultWebDir() : options.webDir);
  if (options.projector !== false) app.get(Projector).start();
  return app;
}
