import {
  DIGEST_SECTION_LIMIT,
  digestLinks,
  digestSectionLines,
  digestSections,
  digestSummary,
  digestTitle,
  emptyDigestLine,
  isDigestEmpty,
  type OwnerDigest,
} from '@ptrack/domain';

/** A Slack incoming-webhook message: Block Kit blocks plus the text notifications and old clients show. */
export type SlackMessage = { text: string; blocks: SlackBlock[] };
export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  | { type: 'divider' };

// Slack treats &, < and > as control characters in mrkdwn (its "escaping text" guide): user-entered
// names and notes must not become links or mentions.
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// A section's text is capped at 3,000 characters by Block Kit; long notes are cut well before that.
const SECTION_MAX = 2900;
const HEADER_MAX = 150;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function link(url: string | null, label: string): string {
  return url ? `<${url}|${escapeMrkdwn(label)}>` : escapeMrkdwn(label);
}

/**
 * One owner's digest as a Slack message. `mention` is a Slack mention such as `<@U024BE7LH>` (set per
 * recipient in the settings) and is put in as it is; everything user-entered is escaped.
 */
export function slackDigestMessage(
  d: OwnerDigest,
  options: { baseUrl: string | null; mention?: string | null; limit?: number },
): SlackMessage {
  const links = digestLinks(options.baseUrl);
  const title = digestTitle(d);
  const mention = options.mention ? `${options.mention} ` : '';
  if (isDigestEmpty(d)) {
    const line = emptyDigestLine(d);
    return {
      text: `${title}: ${line}`,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `${mention}${escapeMrkdwn(line)}` } }],
    };
  }
  const summary = digestSummary(d);
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(title, HEADER_MAX) } },
    { type: 'section', text: { type: 'mrkdwn', text: `${mention}${escapeMrkdwn(summary)}` } },
  ];
  for (const s of digestSections(d, options.limit ?? DIGEST_SECTION_LIMIT)) {
    const section = digestSectionLines(s, d.today, links);
    const lines = section.lines.map((l) => `• ${link(l.url, l.label)}${l.note ? ` _(${escapeMrkdwn(l.note)})_` : ''}`);
    const { more } = section;
    if (more) lines.push(more.url ? `<${more.url}|${more.label}>` : more.label);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: cut(`*${s.title} (${s.total})*\n${lines.join('\n')}`, SECTION_MAX) },
    });
  }
  if (links) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `<${links.today}|Open the Today list>` }] });
  return { text: `${title}: ${summary}`, blocks };
}
