/**
 * parlant-chatbox/inspect: inspect mode for the people who build the agent. Give `Inspector` to
 * the widget's `inspect` prop; the widget itself carries none of this code, so an app that never
 * imports this entry point pays nothing for it.
 */
export { Inspector, type InspectorProps } from './Inspector';
export { inspectTrace, traceIndex, type Composition, type TraceDetails } from './trace';
export { useTraceEvents } from './useTraceEvents';
export { defaultInspectLabels, type InspectLabels } from '../components/labels';
export type { ChatMessage, ToolFootnote } from '../core/model';
export type { Json, ParlantEvent, ToolCall, ToolResult } from '../core/types';
