import type { DemoSummary } from '@ptrack/contracts';
import { api } from '../../../api/client';

/** Fills an empty workspace with the demo partner program. */
export function loadDemo(): Promise<DemoSummary> {
  return api.call('loadDemo', { body: {} });
}
