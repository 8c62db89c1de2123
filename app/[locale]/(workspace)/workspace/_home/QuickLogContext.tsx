'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { Button } from '@/app/_components/Form';

// The workspace's quick-progress card and the "log" buttons of the attention list share what is
// being logged, so a button opens the right form on the right record without leaving the page.

export type LogKind = 'milestone' | 'measurement' | 'update';

export type LogTarget = { labId: number; kind: LogKind | null; milestoneId: number | null; goalId: number | null };

type QuickLogState = {
  target: LogTarget;
  setTarget: (target: LogTarget) => void;
  /** Bumped by a log button: the card scrolls into view and focuses its picker. */
  focusRequest: number;
  requestFocus: () => void;
};

const QuickLogContext = createContext<QuickLogState | null>(null);

export function QuickLogProvider({ firstLabId, children }: { firstLabId: number | null; children: ReactNode }) {
  const [target, setTarget] = useState<LogTarget>({ labId: firstLabId ?? 0, kind: null, milestoneId: null, goalId: null });
  const [focusRequest, setFocusRequest] = useState(0);
  return (
    <QuickLogContext.Provider value={{ target, setTarget, focusRequest, requestFocus: () => setFocusRequest((n) => n + 1) }}>
      {children}
    </QuickLogContext.Provider>
  );
}

export function useQuickLog(): QuickLogState {
  const state = useContext(QuickLogContext);
  if (!state) throw new Error('useQuickLog outside QuickLogProvider');
  return state;
}

/** Opens the quick-progress form for one milestone or goal of the attention list. */
export function LogButton({
  labId,
  kind,
  id,
  label,
  accessibleLabel,
}: {
  labId: number;
  kind: 'milestone' | 'measurement';
  id: number;
  label: string;
  accessibleLabel: string;
}) {
  const { setTarget, requestFocus } = useQuickLog();
  return (
    <Button
      variant="secondary"
      size="sm"
      aria-label={accessibleLabel}
      aria-controls="quick-log"
      onClick={() => {
        setTarget({ labId, kind, milestoneId: kind === 'milestone' ? id : null, goalId: kind === 'measurement' ? id : null });
        requestFocus();
      }}
    >
      {label}
    </Button>
  );
}
