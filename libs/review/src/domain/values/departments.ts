import { invalid } from '../errors.js';

export interface Department {
  name: string;
  slug: string;
}

/** A department slug: the stable ASCII part of sheet ids. */
export const DEPARTMENT_SLUG = /^[a-z][a-z0-9]{1,30}$/;

/**
 * Muroran's departments (所管課) as the FY2016 seed registers them in the department master, which
 * is the authority (the seed refuses a departments.json that disagrees). This table only derives the
 * sheet ids of seeded data and tells a legacy slug from a name; slugs are part of sheet ids, never change them.
 */
export const DEPARTMENTS: readonly Department[] = [
  { name: '企画課', slug: 'kikaku' },
  { name: '産業振興課', slug: 'sangyoshinko' },
  { name: '子育て支援室', slug: 'kosodateshien' },
  { name: '港湾政策課', slug: 'kowanseisaku' },
  { name: '都市政策課', slug: 'toshiseisaku' },
  { name: '健康推進課', slug: 'kenkosuishin' },
  { name: '総務課', slug: 'somu' },
  { name: '観光課', slug: 'kanko' },
  { name: '農水産課', slug: 'nosuisan' },
];

/**
 * The table's slug; a slug passed in comes back unchanged. Any other name is refused: a department
 * outside the table gets its slug from the master (pass the master's Department to sheetIdFor).
 */
export function departmentSlug(name: string): string {
  const trimmed = name.trim();
  const known = DEPARTMENTS.find((d) => d.name === trimmed || d.slug === trimmed);
  if (known) return known.slug;
  if (DEPARTMENT_SLUG.test(trimmed)) return trimmed;
  throw invalid('department.unknown', `"${trimmed}" is not a registered department (所管課マスタに登録されていない所管課です)`, { department: trimmed });
}

export const departmentName = (slug: string): string | null => DEPARTMENTS.find((d) => d.slug === slug)?.name ?? null;

/** True when both designate the same department; a table slug stands for its name. */
export const sameDepartment = (a: string, b: string): boolean => {
  const canonical = (value: string) => departmentName(value.trim()) ?? value.trim();
  return canonical(a) === canonical(b);
};
