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

/** The table's slug, else a deterministic 'd' + 10 hex of SHA-256(name) so an unknown department still has one. */
export function departmentSlug(name: string): string {
  const trimmed = name.trim();
  const known = DEPARTMENTS.find((d) => d.name === trimmed);
  if (known) return known.slug;
  return `d${createHash('sha256').update(trimmed, 'utf8').digest('hex').slice(0, 10)}`;
}

/** Null for fallback slugs: a hash cannot be turned back into a name. */
export const departmentName = (slug: string): string | null => DEPARTMENTS.find((d) => d.slug === slug)?.name ?? null;

/** A comparable key for a department given either as its Japanese name or as its slug. */
export function departmentKey(nameOrSlug: string): string {
  const trimmed = nameOrSlug.trim();
  if (DEPARTMENTS.some((d) => d.slug === trimmed) || FALLBACK_SLUG.test(trimmed)) return trimmed;
  return departmentSlug(trimmed);
}

export const sameDepartment = (a: string, b: string): boolean => departmentKey(a) === departmentKey(b);
