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
  renderDigestText,
} from '@ptrack/domain';

export type EmailContent = { subject: string; text: string; html: string };

/** Every user-entered string goes through this before it reaches the HTML part. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function anchor(url: string | null, label: string): string {
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>` : escapeHtml(label);
}

/** One owner's digest as an email: the subject carries the counts, the text part is the CLI's text. */
export function digestEmail(d: OwnerDigest, options: { baseUrl: string | null; limit?: number }): EmailContent {
  const limit = options.limit ?? DIGEST_SECTION_LIMIT;
  const links = digestLinks(options.baseUrl);
  const title = digestTitle(d);
  const empty = isDigestEmpty(d);
  const subject = empty ? `${title}: nothing this week` : `${title}: ${d.counts.overdue} overdue, ${d.counts.dueToday} due today`;
  const body: string[] = [`<h1 style="font-size:18px">${escapeHtml(title)}</h1>`];
  if (empty) {
    body.push(`<p>${escapeHtml(emptyDigestLine(d))}</p>`);
  } else {
    body.push(`<p>${escapeHtml(digestSummary(d))}</p>`);
    for (const s of digestSections(d, limit)) {
      body.push(`<h2 style="font-size:15px">${escapeHtml(`${s.title} (${s.total})`)}</h2>`, '<ul>');
      const { lines, more } = digestSectionLines(s, d.today, links);
      for (const l of lines) body.push(`<li>${anchor(l.url, l.label)}${l.note ? ` <em>(${escapeHtml(l.note)})</em>` : ''}</li>`);
      if (more) body.push(`<li>${anchor(more.url, more.label)}</li>`);
      body.push('</ul>');
    }
  }
  if (links) body.push(`<p>${anchor(links.today, 'Open the Today list')}</p>`);
  const html =
    '<!doctype html><html><head><meta charset="utf-8"></head>' +
    `<body style="font-family:system-ui,sans-serif;line-height:1.4">${body.join('\n')}</body></html>`;
  return { subject, text: renderDigestText(d, options.baseUrl, limit), html };
}
