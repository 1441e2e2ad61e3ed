import { Fragment, useMemo } from 'react';
import type { Json } from '../core/types';
import { defaultInspectLabels, type InspectLabels } from '../components/labels';
import type { InspectorProps } from '../components/partProps';
import { useChatUi } from '../components/ui';
import { inspectTrace, type TraceDetails } from './trace';
import { useTraceEvents } from './useTraceEvents';
import { prettyJson } from '../components/prettyJson';

export type { InspectorProps } from '../components/partProps';

const MAX_CHARS = 20_000;

function compositionText(details: TraceDetails, labels: InspectLabels): string | null {
  const c = details.composition;
  if (!c) return null;
  if (c.kind === 'canned') return labels.inspectCanned(c.cannedResponses.map(([id]) => id));
  return c.kind === 'draft' ? labels.inspectDraftOnly : labels.inspectGenerated;
}

/** A block of server text: focusable (long values scroll) and left to right whatever the widget's direction. */
const Data = ({ value }: { value: Json | readonly unknown[] }) => (
  <pre tabIndex={0} dir="ltr">
    {prettyJson(value, MAX_CHARS)}
  </pre>
);

/**
 * Inspect mode for the people who build the agent: under each message, its trace id and event
 * id; for an agent reply, how it was written (a canned response and the draft it was chosen for, a
 * draft sent as written, or generated text), every tool call of the turn with its arguments and
 * whole result, and the `ready` status that ended the turn with the guidelines, journeys and
 * journey states it says matched; the moderation of the customer's message (`flagged`, `tags`).
 * Collapsed in a `<details>` per message (keyboard: Tab to its summary, Enter or Space opens it).
 *
 * It is its own entry point so the widget's bundle carries none of it: the widget renders the
 * component given as `inspect` and this component reads the trace's raw events from the
 * conversation itself. Everything shown is the server's data, rendered as text. Texts come from
 * the widget's `labels` (see `InspectLabels`).
 * @example
 * import { ParlantChatbox } from 'parlant-chatbox';
 * import { Inspector } from 'parlant-chatbox/inspect';
 *
 * <ParlantChatbox server={url} agentId={id} inspect={Inspector} />
 */
export function Inspector({ message }: InspectorProps) {
  const { labels: given } = useChatUi();
  const labels = useMemo(() => ({ ...defaultInspectLabels, ...(given as Partial<InspectLabels>) }), [given]);
  const events = useTraceEvents(message.traceKey);
  const details = useMemo(() => inspectTrace(events, message.eventId), [events, message.eventId]);
  const { composition, moderation, toolCalls, ready, matched } = details;
  const written = compositionText(details, labels);
  const flags = moderation && (moderation.flagged ? labels.inspectFlagged(moderation.tags) : labels.inspectNotFlagged);
  const brief = written === null ? [flags] : [written, labels.inspectToolCalls(toolCalls.length), moderation?.flagged ? flags : null];
  return (
    <details className="parlant-footnotes parlant-inspect" data-flagged={moderation?.flagged || undefined}>
      <summary>
        <span className="parlant-footnotes-count">{labels.inspect}</span>
        <span className="parlant-footnotes-names">{brief.filter(Boolean).join(' · ')}</span>
      </summary>
      <ul className="parlant-footnotes-list">
        <li>
          <p>
            {labels.inspectTrace} <code dir="ltr">{details.traceId || '—'}</code>
          </p>
          <p>
            {labels.inspectEvent} <code dir="ltr">{message.eventId}</code>
          </p>
          {flags && <p>{flags}</p>}
          {details.tags.length > 0 && <p>{labels.inspectTags(details.tags)}</p>}
        </li>
        {composition && (
          <li>
            <p>{written}</p>
            {composition.draft !== undefined && (
              <>
                <p className="parlant-footnote-label">{labels.inspectDraft}</p>
                <Data value={composition.draft} />
              </>
            )}
            {composition.cannedResponses.length > 0 && (
              <>
                <p className="parlant-footnote-label">{labels.inspectCannedResponses}</p>
                <Data value={composition.cannedResponses} />
              </>
            )}
          </li>
        )}
        {composition && (
          <li>
            <p className="parlant-footnote-label">{labels.inspectToolCalls(toolCalls.length)}</p>
            {toolCalls.map((call, i) => (
              <Fragment key={i}>
                <p>
                  <code dir="ltr">{call.tool_id}</code>
                </p>
                <p className="parlant-footnote-label">{given.toolArguments}</p>
                <Data value={call.arguments} />
                <p className="parlant-footnote-label">{given.toolResult}</p>
                <Data value={call.result as unknown as Json} />
              </Fragment>
            ))}
          </li>
        )}
        {composition && (
          <li>
            <p className="parlant-footnote-label">{labels.inspectReady}</p>
            {ready === null ? (
              <p>{labels.inspectReadyPending}</p>
            ) : (
              <>
                <p>{labels.inspectGuidelines(matched.guidelines)}</p>
                <p>{labels.inspectJourneys(matched.journeys)}</p>
                <p>{labels.inspectJourneyStates(matched.journeyStates)}</p>
                <Data value={ready} />
              </>
            )}
          </li>
        )}
      </ul>
    </details>
  );
}
