import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { ComingSoon } from '../../../ui/coming-soon';
import { fetchPartner } from '../../partners/api/partners.api';
import { partnerKeys } from '../../partners/hooks/use-partners';

/** Where the grid's names lead until the partner page is built: the partner's name and a way back. */
export function PartnerPage() {
  const { id } = useParams({ from: '/partners/$id' });
  const partner = useQuery({ queryKey: partnerKeys.one(id), queryFn: () => fetchPartner(id) });
  return (
    <ComingSoon title={partner.data?.name ?? (partner.isError ? 'Partner not found' : 'Partner')}>
      <Text size="sm">
        The partner page is coming next: the qualification checklist, the 90-day plan, reps, the timeline and custom fields.{' '}
        <Anchor component={Link} to="/partners">
          Back to the partners
        </Anchor>
        .
      </Text>
    </ComingSoon>
  );
}
