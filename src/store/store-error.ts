// A problem with the database a person can fix (path, permissions, version, a second process on the same
// SQLite file, an unreachable server): shown without a stack trace, naming the file or server.
export class StoreError extends Error {
  override readonly name = 'StoreError';
}
