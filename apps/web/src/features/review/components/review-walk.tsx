import { Alert, Button, Group, Kbd, Loader, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import type { PartnerDto, SettingsDto } from '@ptrack/contracts';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { ConflictDialog } from '../../../ui/conflict-dialog';
import { Can } from '../../auth/components/can';
import { useApplyPartner, usePartner, usePrefetchPartner, useUpdatePartner } from '../hooks/use-review';
import { changedFields, conflictRows, currentOf, nextAfterReviewed, type ReviewQueue, stepFrom } from '../review-queue';
import { LeftList } from './left-list';
import { PartnerReview } from './partner-review';
import classes from './review.module.css';
import { CONFLICT_FIELDS } from './review-labels';
import { ReviewProgress } from './review-progress';

type ReviewWalkProps = { queue: ReviewQueue; settings: SettingsDto | undefined; today: string };

/** One partner at a time from those left this week: n/p move, r marks reviewed and moves on. */
export function ReviewWalk({ queue, settings, today }: ReviewWalkProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ loaded: PartnerDto; current: PartnerDto } | null>(null);
  const currentId = currentOf(queue.left, chosen);
  const partner = usePartner(currentId);
  const update = useUpdatePartner();
  const apply = useApplyPartner();
  const position = queue.left.findIndex((p) => p.id === currentId);
  const prefetch = usePrefetchPartner();
  const upNext = stepFrom(queue.left, currentId, 1);
  useEffect(() => {
    if (upNext !== null) void prefetch(upNext);
  }, [upNext, prefetch]);

  const go = (id: string | null) => {
    if (id !== null) setChosen(id);
  };
  const markReviewed = (target: PartnerDto, version = target.version) => {
    const next = nextAfterReviewed(queue.left, target.id);
    update.mutate(
      // The instant is now; whether it falls in "this week" is the server's call (workspace time zone).
      { id: target.id, body: { version, reviewedAt: new Date().toISOString() } },
      {
        onSuccess: (saved) => {
          setConflict(null);
          // The instant comes from this computer's clock; one far off lands outside the server's week.
          if (!saved.reviewedThisWeek) {
            notifyError(
              new Error("This computer's clock is outside the current week; check its date and time."),
              'Not counted for this week',
            );
            return;
          }
          setChosen(next);
          notifySuccess('Marked reviewed', `${saved.name} is reviewed for this week.`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT' && error.current) {
            setConflict({ loaded: target, current: error.current as PartnerDto });
          } else notifyError(error);
        },
      },
    );
  };

  const ready = partner.data !== undefined && partner.data.id === currentId;
  // No shortcut while a dialog (log touch, a conflict) is open: "r" must not review the partner behind it.
  const idle = () => conflict === null && !update.isPending && document.querySelector('[role="dialog"]') === null;
  useHotkeys([
    ['n', () => idle() && go(stepFrom(queue.left, currentId, 1))],
    ['p', () => idle() && go(stepFrom(queue.left, currentId, -1))],
    ['r', () => idle() && ready && partner.data && markReviewed(partner.data)],
  ]);

  const alreadyReviewed = conflict?.current.reviewedThisWeek === true;
  return (
    <Stack gap="md">
      <WalkControls
        queue={queue}
        position={position}
        onStep={(delta) => go(stepFrom(queue.left, currentId, delta))}
        onMark={() => partner.data && markReviewed(partner.data)}
        marking={update.isPending && update.variables?.body.reviewedAt !== undefined}
        ready={ready}
      />

      {partner.error ? (
        <Alert color="red" title="This partner could not be loaded" role="alert">
          {partner.error.message}
        </Alert>
      ) : !ready || !partner.data ? (
        <Group justify="center" p="xl">
          <Loader aria-label="Loading the partner" />
        </Group>
      ) : (
        <PartnerReview key={partner.data.id} partner={partner.data} settings={settings} today={today} />
      )}

      <Text size="xs" c="gray.7" visibleFrom="sm">
        Keys: <Kbd>n</Kbd> next · <Kbd>p</Kbd> previous · <Kbd>r</Kbd> mark reviewed
      </Text>
      <LeftList left={queue.left} currentId={currentId} onChoose={setChosen} />

      {conflict ? (
        <ConflictDialog
          testId="review-conflict"
          columns={['before', 'theirs']}
          title={`Someone changed ${conflict.current.name} since you opened it`}
          intro={
            alreadyReviewed
              ? 'It was not marked reviewed by you: someone else already reviewed it this week. This is what changed:'
              : 'It was not marked reviewed. Look at what changed first:'
          }
          rows={conflictRows(changedFields(conflict.loaded, conflict.current, CONFLICT_FIELDS))}
          applyLabel={alreadyReviewed ? 'Mark reviewed again' : 'Mark reviewed anyway'}
          keepLabel={alreadyReviewed ? 'Move on' : 'Show their changes'}
          applying={update.isPending}
          onApply={() => markReviewed(conflict.current, conflict.current.version)}
          onKeepTheirs={() => {
            if (alreadyReviewed) setChosen(nextAfterReviewed(queue.left, conflict.current.id));
            apply(conflict.current);
            setConflict(null);
          }}
          onClose={() => setConflict(null)}
        />
      ) : null}
    </Stack>
  );
}

type WalkControlsProps = {
  queue: ReviewQueue;
  /** The shown partner's place among those left. */
  position: number;
  onStep(delta: 1 | -1): void;
  onMark(): void;
  marking: boolean;
  ready: boolean;
};

/** The week's progress, where the walk is, and Previous, Skip and Mark reviewed. */
function WalkControls({ queue, position, onStep, onMark, marking, ready }: WalkControlsProps) {
  return (
    <Stack gap="xs" className={classes.controls}>
      <ReviewProgress reviewed={queue.reviewed.length} total={queue.total} />
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" c="gray.7" data-testid="review-position">
          Partner {position + 1} of {queue.left.length} left
        </Text>
        <Group gap="xs" wrap="wrap">
          <Button variant="default" onClick={() => onStep(-1)} disabled={queue.left.length < 2}>
            Previous
          </Button>
          <Button variant="default" onClick={() => onStep(1)} disabled={queue.left.length < 2}>
            Skip
          </Button>
          <Can permission="partners:write">
            <Button onClick={onMark} loading={marking} disabled={!ready}>
              Mark reviewed
            </Button>
          </Can>
        </Group>
      </Group>
    </Stack>
  );
}
