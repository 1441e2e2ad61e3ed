/**
 * Agent routes: `GET/POST /agents`, `GET/PATCH/DELETE /agents/{id}`, in Parlant's order.
 */
import type { RouteDef } from './context';
import { itemNotFound, json, noContent } from './http';
import { readBody } from './validate';

const COMPOSITION_MODES = ['fluid', 'canned_fluid', 'composited_canned', 'strict_canned'] as const;
const OUTPUT_MODES = ['block', 'stream'] as const;

const agentFields = {
  name: { type: 'string', required: true, min: 1, max: 100 },
  id: { type: 'string', min: 1 },
  description: { type: 'string' },
  max_engine_iterations: { type: 'int', min: 1 },
  composition_mode: { type: 'enum', values: COMPOSITION_MODES },
  message_output_mode: { type: 'enum', values: OUTPUT_MODES },
  tags: { type: 'array', strings: true },
} as const;

interface AgentBody {
  name?: string;
  id?: string | null;
  description?: string | null;
  max_engine_iterations?: number | null;
  composition_mode?: (typeof COMPOSITION_MODES)[number] | null;
  message_output_mode?: (typeof OUTPUT_MODES)[number] | null;
}

/** Routes for agents. @example const table = [...agentRoutes]; */
export const agentRoutes: RouteDef[] = [
  {
    method: 'POST',
    pattern: '/agents',
    handler: async ({ store, request, authorize }) => {
      const body = await readBody(request, agentFields, () => authorize('create_agent'));
      if (!body.ok) return body.response;
      const b = body.value as unknown as AgentBody & { name: string; tags?: string[] | null };
      const agent = store.addAgent({
        name: b.name,
        ...(b.id ? { id: b.id } : {}),
        description: b.description ?? null,
        ...(b.max_engine_iterations ? { max_engine_iterations: Number(b.max_engine_iterations) } : {}),
        ...(b.composition_mode ? { composition_mode: b.composition_mode } : {}),
        ...(b.message_output_mode ? { message_output_mode: b.message_output_mode } : {}),
        tags: b.tags ?? [],
      });
      return json(201, agent);
    },
  },
  {
    method: 'GET',
    pattern: '/agents',
    handler: ({ store, authorize }) => authorize('list_agents') ?? json(200, [...store.agents.values()].map((r) => r.agent)),
  },
  {
    method: 'GET',
    pattern: '/agents/:agent_id',
    handler: ({ store, params, authorize, authorizer }) => {
      const denied = authorize('read_agent');
      if (denied) return denied;
      const agent = store.agents.get(params.agent_id as string)?.agent;
      if (!agent) return itemNotFound(params.agent_id as string);
      // Only callers allowed to read descriptions see them (nobody, under the production policy).
      return json(200, authorizer.permits('read_agent_description') ? agent : { ...agent, description: null });
    },
  },
  {
    method: 'PATCH',
    pattern: '/agents/:agent_id',
    handler: async ({ store, request, params, authorize }) => {
      const id = params.agent_id as string;
      const body = await readBody(request, { ...agentFields, name: { type: 'string', min: 1, max: 100 }, tags: { type: 'object' } }, () => authorize('update_agent'));
      if (!body.ok) return body.response;
      const agent = store.agents.get(id)?.agent;
      if (!agent) return itemNotFound(id);
      const b = body.value as unknown as AgentBody & { tags?: { add?: string[]; remove?: string[] } | null };
      if (b.name) agent.name = b.name;
      if (b.description !== undefined) agent.description = b.description;
      if (b.max_engine_iterations) agent.max_engine_iterations = Number(b.max_engine_iterations);
      if (b.composition_mode) agent.composition_mode = b.composition_mode;
      if (b.message_output_mode) agent.message_output_mode = b.message_output_mode;
      if (b.tags) agent.tags = [...new Set([...(agent.tags ?? []), ...(b.tags.add ?? [])])].filter((t) => !(b.tags?.remove ?? []).includes(t));
      return json(200, agent);
    },
  },
  {
    method: 'DELETE',
    pattern: '/agents/:agent_id',
    handler: ({ store, params, authorize }) =>
      authorize('delete_agent') ?? (store.agents.delete(params.agent_id as string) ? noContent() : itemNotFound(params.agent_id as string)),
  },
];
