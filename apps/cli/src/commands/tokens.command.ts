import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { TokenService } from '@kensho/auth';
import { out } from '../output.js';

interface IssueOptions {
  role: string;
  department?: string;
  name?: string;
}

@SubCommand({ name: 'issue', description: 'Issue a bearer token; prints the token alone on the last line' })
export class IssueTokenCommand extends CommandRunner {
  constructor(private readonly tokens: TokenService) {
    super();
  }

  async run(_args: string[], options: IssueOptions): Promise<void> {
    const issued = await this.tokens.issue({ role: options.role, department: options.department, name: options.name });
    out.info(
      `Issued ${issued.role} token ${issued.id} for "${issued.name}"${issued.department ? ` (${issued.department})` : ''}. It is shown once; store it now.`,
    );
    out.result(issued.token);
  }

  @Option({ flags: '--role <role>', description: 'department | planning | committee | auditor | admin', required: true })
  parseRole(value: string): string {
    return value;
  }

  @Option({ flags: '--department <name>', description: '所管課, required for --role department (e.g. 産業振興課)' })
  parseDepartment(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'Who holds the token; recorded as the actor of every event' })
  parseName(value: string): string {
    return value;
  }
}

@SubCommand({ name: 'revoke', arguments: '<idOrToken>', description: 'Revoke a token by its id or by the token itself' })
export class RevokeTokenCommand extends CommandRunner {
  constructor(private readonly tokens: TokenService) {
    super();
  }

  async run([idOrToken]: string[]): Promise<void> {
    if (!(await this.tokens.revoke(idOrToken!))) {
      out.fail(`No active token matches ${idOrToken}`);
      return;
    }
    out.result('revoked');
  }
}

@SubCommand({ name: 'list', description: 'List tokens (never their secrets)' })
export class ListTokensCommand extends CommandRunner {
  constructor(private readonly tokens: TokenService) {
    super();
  }

  async run(): Promise<void> {
    for (const t of await this.tokens.list()) {
      out.result(`${t.id}  ${t.role.padEnd(10)} ${(t.department ?? '-').padEnd(8)} ${t.name}  ${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}`);
    }
  }
}

@Command({ name: 'tokens', description: 'Issue, revoke and list bearer tokens', subCommands: [IssueTokenCommand, RevokeTokenCommand, ListTokensCommand] })
export class TokensCommand extends CommandRunner {
  async run(): Promise<void> {
    out.fail('Use: tokens issue --role <role> [--department <name>] | tokens revoke <id> | tokens list');
  }
}
