import { randomBytes } from 'node:crypto';
import { newId, sha256Hex, type Database } from '@kensho/platform';
import { ROLES, isTokenRole, type Principal, type TokenRole } from './roles.js';

export class TokenRequestError extends Error {
  readonly code = 'auth.invalid_token_request';
}

export interface IssuedToken {
  id: string;
  name: string;
  role: TokenRole;
  department: string | null;
  /** The secret. Shown once; only its hash is stored. */
  token: string;
}

export interface TokenInfo {
  id: string;
  name: string;
  role: TokenRole;
  department: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * Opaque bearer tokens: 256 random bits, stored only as SHA-256 hashes. A slow password hash
 * buys nothing for secrets this long, and every request looks one up.
 */
export class TokenService {
  constructor(
    private readonly db: Database,
    /** Whether a department of this exact name is registered (the department master lives elsewhere). */
    private readonly isDepartment: (name: string) => Promise<boolean>,
  ) {}

  async issue(request: { role: string; department?: string | null; name?: string | null }): Promise<IssuedToken> {
    const { role } = request;
    if (!isTokenRole(role)) throw new TokenRequestError(`Unknown role "${role}". Roles: ${ROLES.join(', ')}`);
    const department = request.department?.trim() || null;
    if (role === 'department' && !department) throw new TokenRequestError('A department token needs --department (e.g. 産業振興課)');
    if (role !== 'department' && department) throw new TokenRequestError(`Only department tokens carry a department, not ${role}`);
    if (department && !(await this.isDepartment(department))) {
      throw new TokenRequestError(
        `"${department}" is not a registered department: give the name as the department master has it (所管課マスタに登録された所管課名を指定してください)`,
      );
    }
    const id = newId();
    const name = request.name?.trim() || `${role}${department ? `:${department}` : ''}#${id.slice(0, 8)}`;
    const token = `ksh_${randomBytes(32).toString('base64url')}`;
    await this.db.query('INSERT INTO auth_tokens (id, token_hash, name, role, department) VALUES ($1, $2, $3, $4, $5)', [
      id,
      sha256Hex(token),
      name,
      role,
      department,
    ]);
    return { id, name, role, department, token };
  }

  /** Revokes by token id or by the secret itself. Returns false when nothing matched. */
  async revoke(idOrToken: string): Promise<boolean> {
    const byId = /^[0-9a-f-]{36}$/i.test(idOrToken);
    const result = await this.db.query(`UPDATE auth_tokens SET revoked_at = now() WHERE ${byId ? 'id = $1::uuid' : 'token_hash = $1'} AND revoked_at IS NULL`, [
      byId ? idOrToken : sha256Hex(idOrToken),
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async authenticate(token: string): Promise<Principal | null> {
    const result = await this.db.query<{ id: string; name: string; role: string; department: string | null }>(
      'SELECT id, name, role, department FROM auth_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      [sha256Hex(token)],
    );
    const row = result.rows[0];
    if (!row || !isTokenRole(row.role)) return null;
    return { actorId: row.id, actorName: row.name, role: row.role, department: row.department, tokenId: row.id };
  }

  async list(): Promise<TokenInfo[]> {
    const result = await this.db.query<{ id: string; name: string; role: TokenRole; department: string | null; created_at: Date; revoked_at: Date | null }>(
      'SELECT id, name, role, department, created_at, revoked_at FROM auth_tokens ORDER BY created_at',
    );
    return result.rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      department: r.department,
      createdAt: r.created_at.toISOString(),
      revokedAt: r.revoked_at?.toISOString() ?? null,
    }));
  }
}
