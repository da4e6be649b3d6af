import { REP_FIELD_LABELS } from '@ptrack/catalog';
import { DEFAULT_DEAL_PIPELINE } from './pipelines.ts';
import type { HubSpotStore } from './store.ts';

/** The default sales pipeline's stage ids, in funnel order (HubSpot's built-in ids). */
export const DEAL_STAGES = DEFAULT_DEAL_PIPELINE.stages.map((s) => s.id);

/**
 * Defines the contact properties the tracker's setup step would create: `partner_sales_rep` (bool,
 * the "Partner Sales Rep" tag), `engagement_tier` (enumeration 1–4), `rep_quality_score` (number).
 */
export function definePartnerRepProperties(store: HubSpotStore): void {
  const group = 'contactinformation';
  store.defineProperty('contacts', {
    name: 'partner_sales_rep',
    label: 'Partner Sales Rep',
    type: 'bool',
    fieldType: 'booleancheckbox',
    groupName: group,
    options: [
      { label: 'Yes', value: 'true' },
      { label: 'No', value: 'false' },
    ],
  });
  store.defineProperty('contacts', {
    name: 'engagement_tier',
    label: REP_FIELD_LABELS.engagementTier,
    type: 'enumeration',
    fieldType: 'select',
    groupName: group,
    options: ['1', '2', '3', '4'].map((v) => ({ label: `Tier ${v}`, value: v })),
  });
  store.defineProperty('contacts', {
    name: 'rep_quality_score',
    label: 'Rep quality score',
    type: 'number',
    fieldType: 'number',
    groupName: group,
  });
}

export interface SeedProgramOptions {
  companies: number;
  /** Partner-sales-rep contacts per company (`partner_sales_rep` = "true"). */
  contactsPerCompany: number;
  /** Extra contacts per company that are not partner reps (default 0). */
  otherContactsPerCompany?: number;
  /** Deals, spread round-robin over the companies and associated with one of their reps. */
  deals: number;
  /** Define the partner-rep contact properties first (default true). */
  defineProperties?: boolean;
  /** Give every Nth company (1-based) no domain, to exercise matching by id/name (default never). */
  companiesWithoutDomainEvery?: number;
}

export interface SeededProgram {
  companyIds: string[];
  /** Rep contact ids, grouped by company index. */
  repIdsByCompany: string[][];
  otherContactIds: string[];
  dealIds: string[];
}

/**
 * Fills the store with a deterministic partner program: the same options give the same names,
 * domains, tiers, scores, amounts and associations every time (ids depend on what was there before).
 */
export function seedProgram(store: HubSpotStore, options: SeedProgramOptions): SeededProgram {
  if (options.defineProperties ?? true) definePartnerRepProperties(store);
  const companyIds: string[] = [];
  const repIdsByCompany: string[][] = [];
  const otherContactIds: string[] = [];
  const dealIds: string[] = [];
  const noDomainEvery = options.companiesWithoutDomainEvery ?? 0;

  for (let c = 0; c < options.companies; c++) {
    const slug = `partner-${String(c + 1).padStart(5, '0')}`;
    const withDomain = noDomainEvery === 0 || (c + 1) % noDomainEvery !== 0;
    const company = store.create('companies', {
      name: `Partner ${c + 1} ${INDUSTRIES[c % INDUSTRIES.length]}`,
      industry: INDUSTRIES[c % INDUSTRIES.length],
      ...(withDomain ? { domain: `${slug}.example.com` } : {}),
    });
    companyIds.push(company.id);
    const reps: string[] = [];
    for (let r = 0; r < options.contactsPerCompany; r++) {
      const n = c * options.contactsPerCompany + r;
      const rep = store.create(
        'contacts',
        {
          firstname: FIRST[n % FIRST.length],
          lastname: `${LAST[(n * 7) % LAST.length]}-${n + 1}`,
          email: `rep${r + 1}@${slug}.example.com`,
          jobtitle: TITLES[n % TITLES.length],
          partner_sales_rep: 'true',
          engagement_tier: String((n % 4) + 1),
          rep_quality_score: String(((n * 3) % 10) + 1),
        },
        [{ toType: 'companies', toId: company.id, typeId: 1 }],
      );
      reps.push(rep.id);
    }
    repIdsByCompany.push(reps);
    for (let o = 0; o < (options.otherContactsPerCompany ?? 0); o++) {
      const other = store.create(
        'contacts',
        { firstname: 'Alex', lastname: `Other-${c + 1}-${o + 1}`, email: `other${o + 1}@${slug}.example.com` },
        [{ toType: 'companies', toId: company.id }],
      );
      otherContactIds.push(other.id);
    }
  }

  const day = 86_400_000;
  const base = Date.UTC(2026, 0, 15);
  for (let d = 0; d < options.deals; d++) {
    const c = d % Math.max(options.companies, 1);
    const companyId = companyIds[c];
    const reps = repIdsByCompany[c] ?? [];
    const repId = reps.length > 0 ? reps[Math.floor(d / Math.max(options.companies, 1)) % reps.length] : undefined;
    const associations = [
      ...(companyId ? [{ toType: 'companies' as const, toId: companyId, typeId: 5 }] : []),
      ...(repId ? [{ toType: 'contacts' as const, toId: repId }] : []),
    ];
    const deal = store.create(
      'deals',
      {
        dealname: `Deal ${d + 1}`,
        amount: String(1000 + ((d * 137) % 50) * 500),
        pipeline: 'default',
        dealstage: DEAL_STAGES[d % DEAL_STAGES.length],
        closedate: new Date(base + (d % 180) * day).toISOString(),
      },
      associations,
    );
    dealIds.push(deal.id);
  }
  return { companyIds, repIdsByCompany, otherContactIds, dealIds };
}

const INDUSTRIES = ['Software', 'Agency', 'Consulting', 'Marketplace', 'Data'];
const FIRST = ['Jordan', 'Sam', 'Riley', 'Casey', 'Morgan', 'Taylor', 'Avery', 'Quinn', 'Jamie', 'Drew', 'Robin'];
const LAST = [
  'Lee',
  'Patel',
  'Garcia',
  'Nguyen',
  'Smith',
  'Kowalski',
  'Okafor',
  'Rossi',
  'Dubois',
  'Tanaka',
  'Silva',
  'Berg',
  'Khan',
];
const TITLES = ['Account Executive', 'Sales Manager', 'Partner Manager', 'Solutions Engineer', 'Regional Director'];
