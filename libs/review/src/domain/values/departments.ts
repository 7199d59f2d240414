import { createHash } from 'node:crypto';

export interface Department {
  name: string;
  slug: string;
}

/** Muroran's departments (所管課) with stable ASCII slugs; slugs are part of sheet ids, never change them. */
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

const FALLBACK_SLUG = /^d[0-9a-f]{10}$/;

const isSlug = (value: string): boolean => DEPARTMENTS.some((d) => d.slug === value) || FALLBACK_SLUG.test(value);

/**
 * The table's slug, else a deterministic 'd' + 10 hex of SHA-256(name) so an unknown department still has one.
 * A slug passed in comes back unchanged, so callers holding a token's slug get the same sheet id as with the name.
 */
export function departmentSlug(name: string): string {
  const trimmed = name.trim();
  const known = DEPARTMENTS.find((d) => d.name === trimmed);
  if (known) return known.slug;
  if (isSlug(trimmed)) return trimmed;
  return `d${createHash('sha256').update(trimmed, 'utf8').digest('hex').slice(0, 10)}`;
}

/** Null for fallback slugs: a hash cannot be turned back into a name. */
export const departmentName = (slug: string): string | null => DEPARTMENTS.find((d) => d.slug === slug)?.name ?? null;

/** True when both designate the same department, each given as its Japanese name or as its slug. */
export const sameDepartment = (a: string, b: string): boolean => departmentSlug(a) === departmentSlug(b);
