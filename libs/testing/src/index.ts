export * from './test-database.js';
export * from './csv.js';
