import { DomainError, sameDepartment, type Actor } from '../domain/index.js';

/** A department reads only its own sheets; every other role reads all (docs/api.md). */
export function assertMayRead(viewer: Actor, department: string): void {
  if (viewer.role === 'department' && !sameDepartment(viewer.department ?? '', department)) {
    throw new DomainError(
      'sheet.forbidden_department',
      'forbidden',
      `A ${viewer.department} token cannot read ${department}'s sheets (他課のシートは閲覧できません)`,
      {
        department,
        yourDepartment: viewer.department,
      },
    );
  }
}
