import { Anchor, Group, Text } from '@mantine/core';
import { PARTNER_GRID_LABELS } from '@ptrack/catalog';
import type { PartnerDto, UpdatePartnerRequest } from '@ptrack/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { useSettings } from '../../settings/hooks/use-settings';
import { customSpecs } from '../field-form';
import { anySet, ENTERPRISE, IDENTIFICATION, IPP, NOTES, RELATIONSHIP, STATUS_LINKS } from '../field-specs';
import { useCustomFields, useUpdatePartner } from '../hooks/use-partner-page';
import { EditableSection, type EditableSectionProps } from './editable-section';
import { QualificationSection } from './qualification-section';

type Common = Pick<EditableSectionProps<PartnerDto>, 'record' | 'recordName' | 'optionLists' | 'save' | 'onKeepTheirs'>;

/** Saving and conflict handling shared by every section of the partner's own fields. */
function usePartnerSections(partner: PartnerDto): Common {
  const client = useQueryClient();
  const update = useUpdatePartner(partner.id);
  const settings = useSettings();
  return {
    record: partner,
    recordName: partner.name,
    optionLists: settings.data?.optionLists,
    save: (body) => update.mutateAsync(body as UpdatePartnerRequest),
    onKeepTheirs: (current) => client.setQueryData(queryKeys.partners.one(partner.id), current),
  };
}

/** The optional scoring sections (docs/RULES.md): folded away until one of their fields is set. */
const optionalSections = (partner: PartnerDto) => [
  {
    title: 'IPP score (Ideal Partner Profile)',
    testId: 'section-ipp',
    specs: IPP,
    summary: (
      <Text size="sm" data-testid="ipp-score">
        {partner.ippScore === null ? 'Not scored' : `${partner.ippScore} / 50`}
        {partner.partnerStatus ? ` · ${partner.partnerStatus}` : ''}
      </Text>
    ),
  },
  { title: 'Enterprise evaluation', testId: 'section-enterprise', specs: ENTERPRISE, summary: undefined },
];

export function MainFieldSections({ partner }: { partner: PartnerDto }) {
  const common = usePartnerSections(partner);
  return (
    <>
      <EditableSection {...common} title="Identification" testId="section-identification" specs={IDENTIFICATION} />
      <QualificationSection partner={partner} save={common.save} onKeepTheirs={common.onKeepTheirs} />
    </>
  );
}

export function SideFieldSections({ partner }: { partner: PartnerDto }) {
  const common = usePartnerSections(partner);
  const custom = useCustomFields('partner');
  const customFields = customSpecs(custom.data?.items ?? []);
  return (
    <>
      <EditableSection {...common} title="Relationship" testId="section-relationship" specs={RELATIONSHIP} cols={1} />
      <EditableSection
        {...common}
        title="Status & links"
        testId="section-status"
        specs={STATUS_LINKS}
        cols={1}
        summary={
          <Group gap="md" wrap="wrap">
            {partner.hubspotUrl ? (
              <Anchor href={partner.hubspotUrl} target="_blank" rel="noreferrer" size="sm" data-testid="hubspot-link">
                Open in HubSpot
              </Anchor>
            ) : null}
            <Text size="sm" c="gray.7">
              {partner.reviewedThisWeek ? PARTNER_GRID_LABELS.reviewedThisWeek : 'Not reviewed this week'}
            </Text>
          </Group>
        }
      />
      <EditableSection {...common} title="Notes" testId="section-notes" specs={NOTES} cols={1} />
      {customFields.length > 0 ? (
        <EditableSection {...common} title="Custom fields" testId="section-custom" specs={customFields} cols={1} />
      ) : null}
      {optionalSections(partner).map((section) => (
        <EditableSection
          key={section.testId}
          {...common}
          {...section}
          cols={1}
          collapsible={{ defaultOpen: anySet(partner, section.specs) }}
        />
      ))}
    </>
  );
}
