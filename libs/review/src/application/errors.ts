/** The stream moved on since the client read it (If-Match) or since we loaded it. */
export class VersionConflictError extends Error {
  readonly code = 'version_conflict';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number | null,
    readonly currentVersion: number | null,
  ) {
    super(`${streamId} is at version ${currentVersion ?? 'none'}, not ${expectedVersion ?? 'none'}`);
  }
}
