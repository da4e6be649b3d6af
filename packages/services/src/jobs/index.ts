export * from './automatic-backup';
export * from './job-definition';
export { findJob, type JobRunner, type StartJobRunnerOptions, startJobRunner } from './job-runner';
export * from './list-jobs';
export { JOBS } from './registry';
export * from './run-job-inline';
export * from './run-job-now';
