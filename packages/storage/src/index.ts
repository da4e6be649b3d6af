export * from './dashboard.repository';
export * from './database';
export { acquireLock, lockPathOf, readLock, type DirectoryLock, type LockInfo } from './lock';
export * from './partner-list.repository';
export * as schema from './schema';
export * from './schema';
export * from './stats.repository';
