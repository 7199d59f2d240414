import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type TokenService } from '@kensho/auth';

const DEMO_DEPARTMENT = '産業振興課';

/**
 * In the embedded demo only: one token per role, issued on first start and written to a
 * git-ignored file under the data directory. Outside the demo there are no default tokens.
 */
export async function ensureDemoTokens(tokens: TokenService, dataDir: string): Promise<string> {
  const file = join(dataDir, 'demo-tokens.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { token: string }>;
    const valid = await Promise.all(Object.values(saved).map((entry) => tokens.authenticate(entry.token)));
    if (valid.every(Boolean)) return file;
  }
  const issued: Record<string, { token: string; department: string | null }> = {};
  for (const role of ROLES) {
    const department = role === 'department' ? DEMO_DEPARTMENT : null;
    const token = await tokens.issue({ role, department, name: `demo-${role}` });
    issued[role] = { token: token.token, department };
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(issued, null, 2)}\n`, { mode: 0o600 });
  return file;
}
