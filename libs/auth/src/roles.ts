/** Who may use Kensho (docs/domain.md). The domain's 'system' role is never issued as a token. */
export const ROLES = ['department', 'planning', 'committee', 'auditor', 'admin'] as const;
export type TokenRole = (typeof ROLES)[number];

export function isTokenRole(value: unknown): value is TokenRole {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The authenticated caller, as handlers and the domain see it. */
export interface Principal {
  /** The token's id: unique, so no other token can act under the same identity. */
  actorId: string;
  /** Who holds the token, for people reading the trail; free text, never an identity. */
  actorName: string;
  role: TokenRole;
  department: string | null;
  tokenId: string;
}
