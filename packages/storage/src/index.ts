export * from './bulk-insert';
export * from './dashboard.repository';
export * from './database';
// Users, sessions, API tokens, invitations and the audit log (issue 12).
export * from './identity.schema';
export * from './job-queue';
export { acquireLock, type DirectoryLock, type LockInfo, lockPathOf, readLock } from './lock';
export * from './one';
export * from './partner-list.repository';
export * as schema from './schema';
export * from './schema';
export { clearScratchDir, scratchDirOf } from './scratch';
export * from './secrets';
export * from './stats.repository';
