// Deal pipelines, for the sync's stage map (pipeline/stage → intro, qualified conversation, deal,
// closed won, closed lost). Served at /crm/v3/pipelines/deals as HubSpot's Pipelines API does.

export interface PipelineStageInput {
  id: string;
  label: string;
  isClosed?: boolean;
  /** Win probability 0–1, as HubSpot's stage metadata keeps it. */
  probability?: number;
}

export interface PipelineInput {
  id: string;
  label: string;
  stages: PipelineStageInput[];
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  stages: Array<{
    id: string;
    label: string;
    displayOrder: number;
    archived: boolean;
    createdAt: string;
    updatedAt: string;
    metadata: Record<string, string>;
  }>;
}

/** HubSpot's default "Sales Pipeline" with its built-in stage ids. */
export const DEFAULT_DEAL_PIPELINE: PipelineInput = {
  id: 'default',
  label: 'Sales Pipeline',
  stages: [
    { id: 'appointmentscheduled', label: 'Appointment Scheduled', probability: 0.2 },
    { id: 'qualifiedtobuy', label: 'Qualified To Buy', probability: 0.4 },
    { id: 'presentationscheduled', label: 'Presentation Scheduled', probability: 0.6 },
    { id: 'decisionmakerboughtin', label: 'Decision Maker Bought-In', probability: 0.8 },
    { id: 'contractsent', label: 'Contract Sent', probability: 0.9 },
    { id: 'closedwon', label: 'Closed Won', isClosed: true, probability: 1 },
    { id: 'closedlost', label: 'Closed Lost', isClosed: true, probability: 0 },
  ],
};

export function makePipeline(input: PipelineInput, displayOrder: number, nowIso: string): Pipeline {
  return {
    id: input.id,
    label: input.label,
    displayOrder,
    archived: false,
    createdAt: nowIso,
    updatedAt: nowIso,
    stages: input.stages.map((s, i) => ({
      id: s.id,
      label: s.label,
      displayOrder: i,
      archived: false,
      createdAt: nowIso,
      updatedAt: nowIso,
      metadata: { isClosed: String(s.isClosed ?? false), probability: String(s.probability ?? 0) },
    })),
  };
}
