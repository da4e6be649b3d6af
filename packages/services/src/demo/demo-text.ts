import type { TouchKind } from '@ptrack/domain';

// Sentences of the demo's touches, actions, referrals and rep notes. `{account}`, `{rep}`, `{pm}` and
// `{partner}` are filled in by the builders; `|` separates alternatives.

const alternatives = (text: string) => text.split('|');

export const OUTBOUND_SUMMARIES: Readonly<Record<TouchKind, readonly string[]>> = {
  email: alternatives(
    'Sent recap and next steps|Shared the {account} case study|Asked for their target account list|' +
      'Checked in on {account}|Sent the updated partner one-pager|Shared new pricing for referral deals',
  ),
  call: alternatives('Pipeline review call|Call to map accounts in their territory|Quick call about {account}|Intro call'),
  meeting: alternatives('Joint account planning session|Enablement session for their team|QBR prep|Demo for their new AEs'),
  message: alternatives('Slack ping about {account}|Nudged on the account list|Shared a win story in their channel'),
  'in-person-visit': alternatives('Lunch-and-learn at their office|Met at their regional sales kickoff'),
  'collateral-sent': alternatives('Sent battlecard and pricing sheet|Sent the joint solution brief|Sent the ROI calculator'),
  'proposal-sent': alternatives('Sent joint proposal for {account}|Sent co-sell proposal for {account}'),
  other: alternatives('Added them to the partner newsletter|Invited them to our customer webinar'),
};

export const INBOUND_SUMMARIES: Readonly<Record<'email' | 'message' | 'call' | 'meeting', readonly string[]>> = {
  email: alternatives(
    'Replied with three accounts to target|Replied: will loop in the AE on {account}|Asked for a demo environment|' +
      'Replied: busy this quarter, check back later|Sent their list of 10 target accounts',
  ),
  message: alternatives('Replied on Slack: {account} is evaluating tools|Thumbs-up, nothing more|Asked for the deck again'),
  call: alternatives('Called back about {account}|Called to ask about deal registration'),
  meeting: alternatives('Asked for a meeting to plan {account}|Booked time to walk through a joint pitch'),
};

export const PARTNER_TOUCH_SUMMARIES = alternatives(
  'Monthly sync with {pm}|Partner program check-in with {pm}|QBR with {pm} and their sales lead|' +
    'Reviewed co-marketing calendar with {pm}|{pm} shared their enablement schedule',
);

export const FOLLOW_UP_NOTES: Readonly<Record<1 | 2 | 3 | 4, readonly string[]>> = {
  1: alternatives('Follow up on {account}|Weekly check-in: pipeline and next steps|Confirm the next step on {account}'),
  2: alternatives('Follow up on account lists|Ask how the {account} conversation went|Share the new case study'),
  3: alternatives('Check in: any accounts in motion?|Send the quarterly product update|Warm up: offer a joint call'),
  4: alternatives('Quarterly check: re-engage or deprioritise|Quarterly nudge with a customer story'),
};

export const OTHER_ACTION_NOTES: Readonly<Record<string, readonly string[]>> = {
  'Account Research': alternatives('Research the accounts {rep} shared|Map {account} stakeholders before the call'),
  'Intro Request': alternatives('Ask {rep} for an intro to {account}|Request a warm intro to {account}'),
  'Deal Support': alternatives('Join the {account} discovery call|Send pricing for {account}|Prep the {account} demo'),
  'Co-Marketing': alternatives(
    'Draft joint webinar outline with {pm}|Review the co-branded case study|Plan the joint newsletter',
  ),
  'Follow-up': alternatives('Follow up with {pm} on the referral agreement|Send {pm} the program update'),
};

export const REFERRAL_NOTES = alternatives(
  'Intro over email thread|Evaluating us against the incumbent|Budget approved for next quarter|' +
    'Champion is their VP Ops|Security review in progress|Lost to an in-house build|Timing: revisit after their reorg',
);

export const JORDAN_NOTES = alternatives(
  'Shared a list of 12 target accounts unprompted|Suggested a joint webinar for their customers|' +
    'Introduced us to {account} without asking for proof first|Always replies within the hour',
);

export const TIME_WASTER_NOTES = alternatives(
  'Third coffee chat, still no accounts named|"Tell me when you have a deal"|' +
    'Agrees to everything, follows up on nothing|Expects us to source the leads',
);
