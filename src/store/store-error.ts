// A problem with the database file a person can fix (path, permissions, version): shown without a stack trace.
export class StoreError extends Error {
  override readonly name = 'StoreError';
}
