import { describe, expect, it } from 'vitest';
import { sessionSlot, type StorageLike } from '../../src/core/persistence';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('session slot', () => {
  const scope = { server: 'https://a.example', agentId: 'a1' };

  it('keeps one id per server, agent and customer', () => {
    const storage = memoryStorage();
    sessionSlot(storage, scope)?.write('s-guest');
    sessionSlot(storage, { ...scope, customerId: 'c1' })?.write('s-c1');
    sessionSlot(storage, { ...scope, agentId: 'a2' })?.write('s-a2');
    expect(sessionSlot(storage, scope)?.read()).toBe('s-guest');
    expect(sessionSlot(storage, { ...scope, customerId: 'c1' })?.read()).toBe('s-c1');
    expect(storage.data.size).toBe(3);
  });

  it('forgets an expired id', () => {
    const storage = memoryStorage();
    let now = 1000;
    const slot = sessionSlot(storage, scope, { ttlMs: 50, now: () => now });
    slot?.write('s1');
    now = 1049;
    expect(slot?.read()).toBe('s1');
    now = 1050;
    expect(slot?.read()).toBeNull();
    expect(storage.data.size).toBe(0);
  });

  it('treats broken or blocked storage as "not remembered"', () => {
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const slot = sessionSlot(throwing, scope);
    expect(() => slot?.write('s1')).not.toThrow();
    expect(slot?.read()).toBeNull();
    const garbage = memoryStorage();
    garbage.setItem(`parlant-chatbox:session:${scope.server}|a1|guest`, '{not json');
    expect(sessionSlot(garbage, scope)?.read()).toBeNull();
    expect(sessionSlot(undefined, scope)).toBeNull();
  });
});
