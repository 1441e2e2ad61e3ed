import { useEffect, useState } from 'react';
import type { AgentActivity } from '../core/model';

/** How long a thinking/typing indicator may stand without any change before we stop showing it. @example setTimeout(clear, STALE_ACTIVITY_MS) */
export const STALE_ACTIVITY_MS = 60_000;

/**
 * Returns the activity, or `idle` once a busy state has stood unchanged for 60 s: a lost status
 * event (or a human handoff Parlant does not announce) must not leave dots spinning forever.
 * @example const activity = useStaleActivity(rawActivity);
 */
export function useStaleActivity(activity: AgentActivity, staleAfterMs = STALE_ACTIVITY_MS): AgentActivity {
  const [stale, setStale] = useState<AgentActivity | null>(null);
  const busy = activity.state === 'thinking' || activity.state === 'typing' || activity.state === 'waiting';
  useEffect(() => {
    if (!busy) return undefined;
    const timer = setTimeout(() => setStale(activity), staleAfterMs);
    return () => clearTimeout(timer);
  }, [activity, busy, staleAfterMs]);
  return busy && stale === activity ? IDLE : activity;
}

const IDLE: AgentActivity = { state: 'idle' };
