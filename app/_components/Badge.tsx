import clsx from 'clsx';
import {
  AlertTriangle,
  Ban,
  CheckCircle2,
  CircleDashed,
  CircleDot,
  Clock,
  Eye,
  Flag,
  Globe,
  Hourglass,
  Lock,
  Mail,
  MailWarning,
  ShieldCheck,
  PauseCircle,
  PlayCircle,
  XCircle,
  type LucideIcon,
} from 'lucide-react';
import type { ReactNode } from 'react';

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral' | 'brand';

const toneClass: Record<Tone, string> = {
  ok: 'bg-ok-soft text-ok ring-ok/25',
  warn: 'bg-warn-soft text-warn ring-warn/30',
  bad: 'bg-bad-soft text-bad ring-bad/25',
  neutral: 'bg-neutral-soft text-ink-soft ring-line-strong',
  brand: 'bg-brand-soft text-brand ring-brand/25',
};

/** A status always shows a word and an icon as well as a colour, so it reads in grey scale and print. */
export function Badge({
  tone = 'neutral',
  icon: Icon,
  children,
  className,
}: {
  tone?: Tone;
  icon?: LucideIcon;
  children: ReactNode;
  className?: string;
}) {
  return (
    <span
      className={clsx(
        'inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
        toneClass[tone],
        className,
      )}
    >
      {Icon ? <Icon aria-hidden className="size-3.5 shrink-0" strokeWidth={2.25} /> : null}
      {children}
    </span>
  );
}

export const labStatusLook = {
  planning: { tone: 'neutral', icon: CircleDashed },
  active: { tone: 'ok', icon: PlayCircle },
  completed: { tone: 'brand', icon: CheckCircle2 },
  suspended: { tone: 'warn', icon: PauseCircle },
} as const satisfies Record<string, { tone: Tone; icon: LucideIcon }>;

export const milestoneStatusLook = {
  not_started: { tone: 'neutral', icon: CircleDashed },
  in_progress: { tone: 'brand', icon: CircleDot },
  at_risk: { tone: 'warn', icon: AlertTriangle },
  done: { tone: 'ok', icon: CheckCircle2 },
  cancelled: { tone: 'neutral', icon: Ban },
} as const satisfies Record<string, { tone: Tone; icon: LucideIcon }>;

export const healthLook = {
  on_track: { tone: 'ok', icon: CheckCircle2 },
  at_risk: { tone: 'warn', icon: AlertTriangle },
  off_track: { tone: 'bad', icon: XCircle },
} as const satisfies Record<string, { tone: Tone; icon: LucideIcon }>;

export const visibilityLook = {
  public: { tone: 'brand', icon: Globe },
  private: { tone: 'neutral', icon: Lock },
} as const satisfies Record<string, { tone: Tone; icon: LucideIcon }>;

export const lateLook = { tone: 'bad', icon: Clock } as const;
export const viewerLook = { tone: 'neutral', icon: Eye } as const;

/** A localization goal's computed status (server/domain/goal-status.ts). */
export const goalStatusLook = {
  achieved: { tone: 'brand', icon: Flag },
  on_track: { tone: 'ok', icon: CheckCircle2 },
  at_risk: { tone: 'warn', icon: AlertTriangle },
  off_track: { tone: 'bad', icon: XCircle },
  stale: { tone: 'neutral', icon: Hourglass },
  no_data: { tone: 'neutral', icon: CircleDashed },
} as const satisfies Record<string, { tone: Tone; icon: LucideIcon }>;

export const accountStatusLook = {
  active: { tone: 'ok', icon: CheckCircle2 },
  disabled: { tone: 'bad', icon: Ban },
} as const satisfies Record<string, { tone: Tone; icon: LucideIcon }>;

export const adminLook = { tone: 'brand', icon: ShieldCheck } as const;

/** An account whose owner has not proved the address (decision 018). */
export const unverifiedLook = { tone: 'warn', icon: MailWarning } as const;

export const invitationStateLook = {
  pending: { tone: 'brand', icon: Mail },
  expired: { tone: 'warn', icon: Clock },
} as const satisfies Record<string, { tone: Tone; icon: LucideIcon }>;

/** A background job on the admin page (server/services/jobs.ts). */
export const jobStateLook = {
  queued: { tone: 'neutral', icon: Hourglass },
  running: { tone: 'brand', icon: PlayCircle },
  succeeded: { tone: 'ok', icon: CheckCircle2 },
  failed: { tone: 'bad', icon: XCircle },
} as const satisfies Record<string, { tone: Tone; icon: LucideIcon }>;
