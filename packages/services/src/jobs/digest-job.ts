import { digestSchedule } from '@ptrack/domain';
import { loadDigestSettings } from '../digests/digest-settings';
import { sendScheduledDigests } from '../digests/send-scheduled-digests';
import type { JobDefinition } from './job-definition';

export const digestJob: JobDefinition = {
  name: 'digest',
  describe: "Sends each owner's Today list to Slack and by email on the day and time set in Digest & calendar",
  async schedule(settings, db) {
    return digestSchedule({ ...(await loadDigestSettings(db)), timeZone: settings.timeZone });
  },
  async run(ctx, { now }) {
    const result = await sendScheduledDigests(ctx, { now });
    return {
      counts: result.counts,
      ...(result.skipped ? { summary: `nothing sent: ${result.skipped.replaceAll('-', ' ')}` } : {}),
    };
  },
  // No catch-up: a digest is for its morning; a server started on Tuesday does not send Monday's.
  retry: { limit: 2, delaySeconds: 120 },
};
