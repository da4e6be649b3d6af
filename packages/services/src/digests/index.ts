export { digestSchedule } from '@ptrack/domain';
export * from './compose-digests';
export * from './digest-settings';
export * from './get-calendar-feed';
export * from './preview-digest';
export * from './send-digests';
export * from './send-scheduled-digests';
