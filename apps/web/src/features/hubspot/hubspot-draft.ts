import type { HubSpotConnectionDto, SaveHubSpotConnectionRequest } from '@ptrack/contracts';

/** The connection form as typed: secrets blank until replaced, the stage map as lines. */
export type HubSpotDraft = {
  token: string;
  clientSecret: string;
  baseUrl: string;
  stageMap: string;
  pushRepEdits: boolean;
  requestsPer10s: number | '';
};

const stageMapText = (map: Record<string, string>) =>
  Object.entries(map)
    .map(([k, v]) => `${k} = ${v}`)
    .join('\n');

/** "pipeline/stage = closed-won" lines; the server says which entry is wrong. */
export function parseStageMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.lastIndexOf('=');
    if (line.trim() === '') continue;
    map[(at < 0 ? line : line.slice(0, at)).trim()] = at < 0 ? '' : line.slice(at + 1).trim();
  }
  return map;
}

export function draftOf(c: HubSpotConnectionDto): HubSpotDraft {
  return {
    token: '',
    clientSecret: '',
    baseUrl: c.baseUrl,
    stageMap: stageMapText(c.stageMap),
    pushRepEdits: c.pushRepEdits,
    requestsPer10s: c.requestsPer10s,
  };
}

/** The save request for a draft; blank secret fields keep what is stored. */
export function saveRequestOf(draft: HubSpotDraft, version: number): SaveHubSpotConnectionRequest {
  return {
    version,
    baseUrl: draft.baseUrl.trim(),
    stageMap: parseStageMap(draft.stageMap) as SaveHubSpotConnectionRequest['stageMap'],
    pushRepEdits: draft.pushRepEdits,
    ...(draft.requestsPer10s === '' ? {} : { requestsPer10s: draft.requestsPer10s }),
    ...(draft.token.trim() ? { token: draft.token.trim() } : {}),
    ...(draft.clientSecret.trim() ? { clientSecret: draft.clientSecret.trim() } : {}),
  };
}
