// The views write CSV with the one writer every export shares.
export { toCsv, type CsvColumn } from '@kensho/platform';
