import type { RepDto } from '@ptrack/contracts';

/** What a dialog adding a record to the partner (an action, an intro) is opened with. */
export type AddRecordDialogProps = {
  partnerId: string;
  /** Who the dialog names: the partner, or "rep (partner)". */
  title: string;
  reps: RepDto[];
  /** Opened from a rep: the record is that rep's, and no rep is asked for. */
  repId?: string;
  today: string;
  onClose(): void;
};
