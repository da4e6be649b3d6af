import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client';

/** Shows a failed request as a notification; field-level problems are shown beside their fields instead. */
export function notifyError(error: unknown, fallbackTitle = 'That did not work'): void {
  const title = error instanceof ApiError ? error.title : fallbackTitle;
  const message = error instanceof Error ? error.message : String(error);
  notifications.show({ color: 'red', title, message, autoClose: 8000 });
}

export function notifySuccess(title: string, message?: string): void {
  notifications.show({ color: 'teal', title, message: message ?? '', autoClose: 4000 });
}
