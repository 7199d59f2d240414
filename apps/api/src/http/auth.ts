import { CanActivate, ExecutionContext, Injectable, SetMetadata, applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { TokenService, type Principal, type TokenRole } from '@kensho/auth';
import type { Actor } from '@kensho/review';
import { HttpProblem } from './request-errors.js';

const PUBLIC = 'kensho:public';
const ROLES = 'kensho:roles';

/** No token needed (health, docs, public pages). */
export const Public = () => SetMetadata(PUBLIC, true);
/** Only these roles may call the route (the domain re-checks ownership and lifecycle); documented as `x-roles`. */
export const Roles = (...roles: TokenRole[]) => applyDecorators(SetMetadata(ROLES, roles), ApiExtension('x-roles', roles));

export type AuthenticatedRequest = Request & { principal?: Principal };

/** Bearer-token authentication and role checks for every route that is not @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const challenge = { 'WWW-Authenticate': 'Bearer realm="kensho"' };
    if (!match) {
      throw new HttpProblem(
        401,
        'auth.missing_token',
        'Authentication required',
        'Send Authorization: Bearer <token> (issue one with: npm run -s cli -- tokens issue --role …)',
        {},
        challenge,
      );
    }
    const principal = await this.tokens.authenticate(match[1]!);
    if (!principal) throw new HttpProblem(401, 'auth.invalid_token', 'Invalid token', 'The token is unknown or has been revoked', {}, challenge);
    req.principal = principal;
    const roles = this.reflector.getAllAndOverride<TokenRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new HttpProblem(403, 'auth.forbidden_role', 'Forbidden', `Role ${principal.role} may not do this; allowed: ${roles.join(', ')}`, {
        role: principal.role,
        allowedRoles: roles,
      });
    }
    return true;
  }
}

export function actorOf(principal: Principal): Actor {
  return { id: principal.actorId, name: principal.actorName, role: principal.role, ...(principal.department ? { department: principal.department } : {}) };
}

/** The authenticated caller as a domain actor. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentActor used on a public route');
  return actorOf(principal);
});
