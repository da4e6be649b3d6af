import { ABANDONED_UPLOAD_HOURS, expireSheetUploads } from '../imports/sheet-import';
import type { JobDefinition } from './job-definition';

// Uploads may be tens of megabytes each and live in the database: one that nobody applies must not stay
// for long, whether or not anyone uploads again (each upload also tidies up).
export const uploadExpiryJob: JobDefinition = {
  name: 'upload-expiry',
  describe: `Removes sheet uploads never applied after ${ABANDONED_UPLOAD_HOURS} hours, and the files of imports applied a week ago, hourly`,
  schedule: (settings) => ({ cron: '15 * * * *', tz: settings.timeZone }),
  async run(ctx) {
    const { released, removed } = await expireSheetUploads(ctx);
    return { counts: { removed, released } };
  },
  catchUp: true,
};
