import { Controller, Get, Param, Query, Req, Res, applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { Request, Response } from 'express';
import { INTEGER_RANGES } from '@kensho/platform';
import { DOCUMENT_NAMES, PublicationQueries, type DocumentName, type StoredDocument } from '@kensho/publication';
import { DomainError, QueryInteger } from '@kensho/review';
import { Public } from '../http/auth.js';
import { EditionParam, FiscalYearParam } from '../http/int-params.js';
import { ApiProblems } from '../http/openapi.js';

/** Validates and documents minPosition; ReadYourWritesInterceptor does the waiting. */
class MinPositionDto {
  @IsOptional() @QueryInteger(INTEGER_RANGES.position) minPosition?: number;
}

const DATA_FILES = DOCUMENT_NAMES.filter((name) => name !== 'report.html');

const DOCUMENT_HEADERS = {
  ETag: { description: 'SHA-256 of the bytes as published', schema: { type: 'string' } },
  'Cache-Control': { description: "immutable on an edition's own address; no-cache on the latest", schema: { type: 'string' } },
  'X-Kensho-Edition': { description: 'The edition served', schema: { type: 'integer', minimum: 1 } },
};
const TEXT = { schema: { type: 'string' } };
const IF_NONE_MATCH = ApiHeader({
  name: 'If-None-Match',
  required: false,
  description: 'The ETag already held: 304 when unchanged',
  schema: { type: 'string' },
});
const REPORT = () =>
  applyDecorators(
    ApiOkResponse({ description: 'The printable report (Japanese HTML, no script)', headers: DOCUMENT_HEADERS, content: { 'text/html': TEXT } }),
    ApiNotModifiedResponse({ description: 'If-None-Match matched the ETag', headers: DOCUMENT_HEADERS }),
    IF_NONE_MATCH,
    ApiProblems(404),
  );
const DATA = () =>
  applyDecorators(
    ApiParam({ name: 'file', enum: DATA_FILES, description: 'Open data: one header row, one value per cell; CSV in UTF-8 with a BOM' }),
    ApiOkResponse({
      description: 'The open-data file as published',
      headers: DOCUMENT_HEADERS,
      content: {
        'text/csv': TEXT,
        'application/json': { schema: { type: 'object', additionalProperties: true, description: 'The same columns and records as the CSV' } },
      },
    }),
    ApiNotModifiedResponse({ description: 'If-None-Match matched the ETag', headers: DOCUMENT_HEADERS }),
    IF_NONE_MATCH,
    ApiProblems(404),
  );

// Published pages carry no script at all; whatever slipped through escaping could not run.
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * What citizens read, without logging in: the latest edition of a fiscal year's publication and
 * every earlier one, as the HTML report and as open data. Every edition is served as the bytes it
 * was published with, so an edition's address always shows the same thing.
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(private readonly publications: PublicationQueries) {}

  /** 公表履歴: every edition with its time and corrections. */
  @Get(':fy/editions')
  @ApiOperation({ summary: '公表履歴: every edition with its time and corrections (HTML)' })
  @ApiOkResponse({ description: 'The editions page', content: { 'text/html': TEXT } })
  @ApiProblems(404)
  async editions(@FiscalYearParam() fiscalYear: number, @Query() _query: MinPositionDto, @Res() res: Response) {
    const page = await this.publications.editionsPage(fiscalYear);
    if (!page) throw notPublished(fiscalYear);
    res.set({ ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).send(page);
  }

  /** An edition's report (HTML). */
  @Get(':fy/editions/:edition')
  @ApiOperation({ summary: "An edition's report, exactly as published" })
  @REPORT()
  async edition(
    @FiscalYearParam() fiscalYear: number,
    @EditionParam() edition: number,
    @Query() _query: MinPositionDto,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.send(req, res, await this.find(fiscalYear, edition, 'report.html'), true);
  }

  /** An edition's open data: sheets.csv, kpis.csv, sheets.json, kpis.json. */
  @Get(':fy/editions/:edition/:file')
  @ApiOperation({ summary: "An edition's open data: sheets.csv, kpis.csv, sheets.json, kpis.json" })
  @DATA()
  async editionData(
    @FiscalYearParam() fiscalYear: number,
    @EditionParam() edition: number,
    @Param('file') file: string,
    @Query() _query: MinPositionDto,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.send(req, res, await this.find(fiscalYear, edition, dataFile(file)), true);
  }

  /** The latest edition's report (HTML). */
  @Get(':fy')
  @ApiOperation({ summary: "The latest edition's report" })
  @REPORT()
  async latest(@FiscalYearParam() fiscalYear: number, @Query() _query: MinPositionDto, @Req() req: Request, @Res() res: Response) {
    this.send(req, res, await this.find(fiscalYear, await this.latestEdition(fiscalYear), 'report.html'), false);
  }

  /** The latest edition's open data. */
  @Get(':fy/:file')
  @ApiOperation({ summary: "The latest edition's open data" })
  @DATA()
  async latestData(
    @FiscalYearParam() fiscalYear: number,
    @Param('file') file: string,
    @Query() _query: MinPositionDto,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const name = dataFile(file);
    this.send(req, res, await this.find(fiscalYear, await this.latestEdition(fiscalYear), name), false);
  }

  private async latestEdition(fiscalYear: number): Promise<number> {
    const edition = await this.publications.latestEdition(fiscalYear);
    if (edition === null) throw notPublished(fiscalYear);
    return edition;
  }

  private async find(fiscalYear: number, edition: number, name: DocumentName): Promise<StoredDocument> {
    const document = await this.publications.document(fiscalYear, edition, name);
    if (!document) {
      throw new DomainError('publication.not_found', 'not_found', `FY${fiscalYear} has no published edition ${edition}`, { fiscalYear, edition });
    }
    return document;
  }

  /** An edition's own address never changes content (immutable); the latest address moves on. */
  private send(req: Request, res: Response, document: StoredDocument, permanent: boolean): void {
    const etag = `"${document.sha256}"`;
    res.set({
      ...SECURITY_HEADERS,
      'Content-Type': document.contentType,
      ETag: etag,
      'Cache-Control': permanent ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Kensho-Edition': String(document.edition),
    });
    if (document.name !== 'report.html') {
      res.set('Content-Disposition', `inline; filename="kensho-fy${document.fiscalYear}-edition${document.edition}-${document.name}"`);
    }
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.status(200).end(document.body);
  }
}

function notPublished(fiscalYear: number): DomainError {
  return new DomainError('publication.not_found', 'not_found', `Nothing of FY${fiscalYear} has been published yet`, { fiscalYear });
}

function dataFile(file: string): DocumentName {
  if (!(DATA_FILES as readonly string[]).includes(file)) {
    throw new DomainError('publication.not_found', 'not_found', `No such published file: ${file}; try one of ${DATA_FILES.join(', ')}`, { file });
  }
  return file as DocumentName;
}
