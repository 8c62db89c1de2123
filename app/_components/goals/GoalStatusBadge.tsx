import type { GoalStatus } from '@/common/enums';
import { Badge, goalStatusLook } from '../Badge';

/** A goal's status as a word, an icon and a colour. */
export function GoalStatusBadge({ status, label }: { status: GoalStatus; label: string }) {
  const look = goalStatusLook[status];
  return (
    <Badge tone={look.tone} icon={look.icon}>
      {label}
    </Badge>
  );
}
