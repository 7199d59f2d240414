// Public surface of the publication library: editions, their documents and the projection that makes them.
export * from './edition/edition.types.js';
export * from './edition/build-snapshot.js';
export * from './render/escape.js';
export * from './render/format.js';
export * from './render/paths.js';
export * from './render/render-edition.js';
export * from './render/report-page.js';
export * from './render/editions-page.js';
export * from './render/open-data.js';
export * from './render/open-data-formats.js';
export * from './strategy/strategy-reference.js';
export * from './schema.js';
export * from './projection/publication.projection.js';
export * from './queries/publication-queries.js';
export * from './export/export-files.js';
