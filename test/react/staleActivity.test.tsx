import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentActivity } from '../../src/core/model';
import { STALE_ACTIVITY_MS, useStaleActivity } from '../../src/react/useStaleActivity';

afterEach(() => vi.useRealTimers());

describe('a stuck typing indicator', () => {
  it('clears after 60 s without any change, and shows again on the next change', () => {
    vi.useFakeTimers();
    const typing: AgentActivity = { state: 'typing', traceKey: 't' };
    const { result, rerender } = renderHook(({ activity }) => useStaleActivity(activity), { initialProps: { activity: typing } });
    act(() => vi.advanceTimersByTime(STALE_ACTIVITY_MS - 1));
    expect(result.current.state).toBe('typing');
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.state).toBe('idle');
    const thinking: AgentActivity = { state: 'thinking', stage: 'Thinking', traceKey: 'u' };
    rerender({ activity: thinking });
    expect(result.current).toBe(thinking);
  });

  it('never times out an idle or error state', () => {
    vi.useFakeTimers();
    const error: AgentActivity = { state: 'error', traceKey: 't' };
    const { result } = renderHook(() => useStaleActivity(error));
    act(() => vi.advanceTimersByTime(10 * STALE_ACTIVITY_MS));
    expect(result.current).toBe(error);
  });
});
