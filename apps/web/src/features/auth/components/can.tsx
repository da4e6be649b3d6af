import type { ReactNode } from 'react';
import type { Permission } from '../api/auth-types';
import { useCan } from '../hooks/use-session';

/** Shows its children only to users whose role holds `permission` (a viewer sees no edit controls). */
export function Can({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : null;
}
