import { createContext, useContext, type ReactNode } from 'react';
import { useParlantSession, type ParlantSessionState, type UseParlantSessionOptions } from './useParlantSession';

const ParlantContext = createContext<ParlantSessionState | null>(null);

/** Props of {@link ParlantProvider}. @example const p: ParlantProviderProps = { server: 'http://localhost:8800', agentId: 'a1', children: null }; */
export interface ParlantProviderProps extends UseParlantSessionOptions {
  children?: ReactNode;
}

/**
 * Runs one conversation (client, store, poll loop and QueryClient of its own) and hands it to
 * every component below through {@link useParlant}. Two providers never share state.
 * @example
 * <ParlantProvider server="http://localhost:8800" agentId="agent_1">
 *   <MyMessages />
 *   <MyComposer />
 * </ParlantProvider>
 */
export function ParlantProvider({ children, ...options }: ParlantProviderProps) {
  const state = useParlantSession(options);
  return <ParlantContext.Provider value={state}>{children}</ParlantContext.Provider>;
}

/**
 * The conversation of the nearest {@link ParlantProvider}.
 * @example
 * function SendHello() {
 *   const { send } = useParlant();
 *   return <button onClick={() => send('Hello')}>Hello</button>;
 * }
 */
export function useParlant(): ParlantSessionState {
  const state = useContext(ParlantContext);
  if (!state) throw new Error('parlant-chatbox: useParlant() must be used inside <ParlantProvider> or <ParlantChatbox>.');
  return state;
}
