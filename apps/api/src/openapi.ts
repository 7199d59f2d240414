import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** The service's OpenAPI document: served at /docs and written at build time for the web app's typed client. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kensho (検証)')
      .setDescription('Annual effect review of a municipal regional-revitalization strategy: sheets, review, committee, publication.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
