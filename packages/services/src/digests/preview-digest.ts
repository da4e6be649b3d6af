import type { DigestPreviewDto } from '@ptrack/contracts';
import { renderDigestText } from '@ptrack/domain';
import { digestEmail } from '@ptrack/integrations';
import { authorize } from '../access/authorize';
import type { ServiceContext } from '../context';
import { composeWorkspaceDigests } from './compose-digests';
import { digestsToSend } from './send-digests';

export type DigestPreview =
  | { format: 'json'; body: DigestPreviewDto }
  | { format: 'text'; body: string }
  | { format: 'html'; body: string };

/** The digests as they would go out now: one owner's, or everyone's, as JSON, text or HTML. */
export async function previewDigest(
  ctx: ServiceContext,
  query: { owner?: string | undefined; format: 'json' | 'text' | 'html' },
): Promise<DigestPreview> {
  authorize(ctx, 'integrations:run');
  const w = await composeWorkspaceDigests(ctx);
  const digests = digestsToSend(w, query.owner || undefined);
  switch (query.format) {
    case 'json':
      return { format: 'json', body: { today: w.today, weekEnd: w.weekEnd, timeZone: w.timeZone, digests } };
    case 'text':
      return { format: 'text', body: digests.map((d) => renderDigestText(d, w.settings.baseUrl)).join('\n') };
    case 'html': {
      const bodies = digests.map(
        (d) => /<body[^>]*>([\s\S]*)<\/body>/.exec(digestEmail(d, { baseUrl: w.settings.baseUrl }).html)?.[1] ?? '',
      );
      return {
        format: 'html',
        body: `<!doctype html><html><head><meta charset="utf-8"><title>Digest preview</title></head><body style="font-family:system-ui,sans-serif">${bodies.join('<hr>')}</body></html>`,
      };
    }
    default: {
      const never: never = query.format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
