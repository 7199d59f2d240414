export type { components, operations, paths } from './openapi.js';
