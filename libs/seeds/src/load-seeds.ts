import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DEPARTMENTS } from '@kensho/review';
import { DepartmentSeed, SheetSeed, StrategySeed } from './seed-schema.js';

export interface SeedSet {
  fiscalYear: number;
  strategy: StrategySeed;
  departments: DepartmentSeed[];
  /** In the order of the source document. */
  sheets: Array<SheetSeed & { file: string }>;
}

export class SeedValidationError extends Error {
  readonly code = 'seed.invalid';
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    return [...Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`), ...flatten(e.children ?? [], path)];
  });
}

function parse<T extends object>(cls: ClassConstructor<T>, file: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SeedValidationError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const instance = plainToInstance(cls, raw);
  const problems = flatten(validateSync(instance as object, { forbidUnknownValues: true }));
  if (problems.length) throw new SeedValidationError(`${file}:\n  ${problems.join('\n  ')}`);
  return instance;
}

/** Reads and validates one fiscal year's seed directory (e.g. seeds/fy2016). */
export function loadSeedSet(dir: string): SeedSet {
  const strategy = parse(StrategySeed, join(dir, 'strategy.json'));
  const departmentsFile = join(dir, 'departments.json');
  const departments = (JSON.parse(readFileSync(departmentsFile, 'utf8')) as unknown[]).map((d, i) => {
    const instance = plainToInstance(DepartmentSeed, d);
    const problems = flatten(validateSync(instance));
    if (problems.length) throw new SeedValidationError(`${departmentsFile}[${i}]: ${problems.join('; ')}`);
    // Slugs are part of existing sheet ids: the seed may not give a seeded department another one.
    const known = DEPARTMENTS.find((k) => k.name === instance.name || k.slug === instance.slug);
    if (known && (known.name !== instance.name || known.slug !== instance.slug)) {
      throw new SeedValidationError(`${departmentsFile}: ${instance.name} has slug ${instance.slug}, the domain says ${known.name} is ${known.slug}`);
    }
    return instance;
  });
  const sheetDir = join(dir, 'sheets');
  const sheets = readdirSync(sheetDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => Object.assign(parse(SheetSeed, join(sheetDir, f)), { file: join(sheetDir, f) }));
  const known = new Set(departments.map((d) => d.name));
  for (const sheet of sheets) {
    if (!known.has(sheet.department)) throw new SeedValidationError(`${sheet.file}: department ${sheet.department} is not in departments.json`);
  }
  return { fiscalYear: sheets[0]?.fiscalYear ?? 0, strategy, departments, sheets };
}
