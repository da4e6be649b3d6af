import {
  accounts,
  actions,
  activationPlans,
  customFieldDefs,
  partners,
  queryRows,
  referrals,
  reps,
  savedViews,
  touches,
} from '@ptrack/storage';
import { sql } from 'drizzle-orm';
import { RecordWriter } from './record-writer';

export type { WriteScope } from './record-writer';

// One writer per record type: the only code in services that inserts, updates or deletes these tables
// (services/src/writes/one-write-path.test.ts holds every other file to that).

export const partnerWriter = new RecordWriter({
  table: partners,
  entityType: 'partner',
  noun: 'partner',
  partnerOf: (row) => row.id,
  partnerColumn: partners.id,
  // The grid reads the partner's own columns from its rollup row too; a deleted partner's rows go with it.
  rollupsOf: (row, operation) => (operation === 'delete' ? null : { partnerId: row.id, reps: 'none' }),
  // A rep moved to another partner keeps the touches and referrals it had here, which go with this
  // partner: that rep's figures (and so its new partner's) change too.
  staleOnDelete: async (tx, row) => {
    const moved = await queryRows<{ partnerId: string; repId: string }>(
      tx,
      sql`select distinct r.partner_id as "partnerId", r.id as "repId" from reps r
          where r.partner_id <> ${row.id}
            and (exists (select 1 from touches t where t.rep_id = r.id and t.partner_id = ${row.id})
              or exists (select 1 from referrals f where f.rep_id = r.id and f.partner_id = ${row.id}))`,
    );
    return moved.map((m) => ({ partnerId: m.partnerId, reps: { id: m.repId } }));
  },
});

export const repWriter = new RecordWriter({
  table: reps,
  entityType: 'rep',
  noun: 'rep',
  partnerOf: (row) => row.partnerId,
  partnerColumn: reps.partnerId,
  rollupsOf: (row, operation) => ({ partnerId: row.partnerId, reps: operation === 'delete' ? 'none' : { id: row.id } }),
});

export const touchWriter = new RecordWriter({
  table: touches,
  entityType: 'touch',
  noun: 'touch',
  partnerOf: (row) => row.partnerId,
  partnerColumn: touches.partnerId,
  rollupsOf: (row) => ({ partnerId: row.partnerId, reps: row.repId ? { id: row.repId } : 'none' }),
});

export const actionWriter = new RecordWriter({
  table: actions,
  entityType: 'action',
  noun: 'action',
  partnerOf: (row) => row.partnerId,
  partnerColumn: actions.partnerId,
  // Actions count only in the partner's figures (next action, overdue).
  rollupsOf: (row) => ({ partnerId: row.partnerId, reps: 'none' }),
});

export const referralWriter = new RecordWriter({
  table: referrals,
  entityType: 'referral',
  noun: 'referral',
  partnerOf: (row) => row.partnerId,
  partnerColumn: referrals.partnerId,
  rollupsOf: (row) => ({ partnerId: row.partnerId, reps: row.repId ? { id: row.repId } : 'none' }),
});

export const planWriter = new RecordWriter({
  table: activationPlans,
  entityType: 'plan',
  noun: 'plan',
  partnerOf: (row) => row.partnerId,
  partnerColumn: activationPlans.partnerId,
  rollupsOf: (row) => ({ partnerId: row.partnerId, reps: 'none' }),
});

// Workspace records: no partner, and nothing the rollups count.
export const accountWriter = new RecordWriter({
  table: accounts,
  entityType: 'account',
  noun: 'account',
  partnerOf: () => null,
  partnerColumn: null,
});

export const viewWriter = new RecordWriter({
  table: savedViews,
  entityType: 'view',
  noun: 'view',
  partnerOf: () => null,
  partnerColumn: null,
});

export const customFieldWriter = new RecordWriter({
  table: customFieldDefs,
  entityType: 'custom-field',
  noun: 'custom field',
  partnerOf: () => null,
  partnerColumn: null,
});
