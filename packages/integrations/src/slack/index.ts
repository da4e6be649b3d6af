export * from './post-slack-message';
export * from './slack-digest';
