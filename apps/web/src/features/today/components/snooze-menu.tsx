import { Button, Menu } from '@mantine/core';

export type SnoozeChoice = { days: number } | 'pick';

const CHOICES = [
  { label: '1 day', days: 1 },
  { label: '3 days', days: 3 },
  { label: '1 week', days: 7 },
] as const;

type SnoozeMenuProps = {
  opened: boolean;
  onOpenedChange(opened: boolean): void;
  onChoose(choice: SnoozeChoice): void;
  disabled?: boolean;
  /** Names the action for screen readers ("Snooze Follow-up with Dana"). */
  label: string;
};

export function SnoozeMenu({ opened, onOpenedChange, onChoose, disabled, label }: SnoozeMenuProps) {
  return (
    <Menu opened={opened} onChange={onOpenedChange} position="bottom-start" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" disabled={disabled} aria-label={label} aria-keyshortcuts="s">
          Snooze
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Snooze for</Menu.Label>
        {CHOICES.map((choice) => (
          <Menu.Item key={choice.days} onClick={() => onChoose({ days: choice.days })}>
            {choice.label}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={() => onChoose('pick')}>Pick a date…</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
