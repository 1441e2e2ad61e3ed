/**
 * Agents and customers: `GET /agents`, `GET /agents/{id}`, and customer CRUD with the
 * always-present guest.
 */
import type { Customer } from '../core/types';
import type { RouteDef } from './context';
import { detail, empty, itemNotFound, json, readJson } from './http';
import { GUEST_ID } from './state';
import { validateBody } from './validate';

const customerFields = {
  name: { type: 'string', required: true, min: 1, max: 100 },
  id: { type: 'string' },
  metadata: { type: 'object', strings: true },
  tags: { type: 'array', strings: true },
} as const;

/** Routes for agents and customers. @example const table = [...agentRoutes]; */
export const agentRoutes: RouteDef[] = [
  { method: 'GET', pattern: '/agents', handler: ({ store }) => json(200, [...store.agents.values()].map((r) => r.agent)) },
  {
    method: 'GET',
    pattern: '/agents/:agent_id',
    handler: ({ store, params }) => {
      const rec = store.agents.get(params.agent_id as string);
      return rec ? json(200, rec.agent) : itemNotFound(params.agent_id as string);
    },
  },
  {
    method: 'GET',
    pattern: '/customers',
    handler: ({ store }) => {
      const guest = store.customer(GUEST_ID) as Customer;
      return json(200, [guest, ...[...store.customers.values()].filter((c) => c.id !== GUEST_ID)]);
    },
  },
  {
    method: 'POST',
    pattern: '/customers',
    handler: async ({ store, request }) => {
      const body = await readJson(request);
      if (!body.ok) return body.response;
      const bad = validateBody(body.value, customerFields);
      if (bad) return bad;
      const { name, id, metadata, tags } = body.value as { name: string; id?: string | null; metadata?: Record<string, string> | null; tags?: string[] | null };
      return json(201, store.addCustomer({ name, ...(id ? { id } : {}), metadata: metadata ?? {}, tags: tags ?? [] }));
    },
  },
  {
    method: 'GET',
    pattern: '/customers/:customer_id',
    handler: ({ store, params }) => {
      const customer = store.customer(params.customer_id as string);
      return customer ? json(200, customer) : itemNotFound(params.customer_id as string);
    },
  },
  {
    method: 'PATCH',
    pattern: '/customers/:customer_id',
    handler: async ({ store, request, params }) => {
      const id = params.customer_id as string;
      const body = await readJson(request);
      if (!body.ok) return body.response;
      const bad = validateBody(body.value, { name: { type: 'string', min: 1, max: 100 }, metadata: { type: 'object' }, tags: { type: 'object' } });
      if (bad) return bad;
      const customer = store.customer(id);
      if (!customer) return itemNotFound(id);
      const patch = body.value as {
        name?: string | null;
        metadata?: { set?: Record<string, string>; unset?: string[] } | null;
        tags?: { add?: string[]; remove?: string[] } | null;
      };
      if (patch.name) customer.name = patch.name;
      Object.assign(customer.metadata, patch.metadata?.set ?? {});
      for (const key of patch.metadata?.unset ?? []) delete customer.metadata[key];
      customer.tags = [...new Set([...customer.tags, ...(patch.tags?.add ?? [])])].filter((t) => !(patch.tags?.remove ?? []).includes(t));
      return json(200, customer);
    },
  },
  {
    method: 'DELETE',
    pattern: '/customers/:customer_id',
    handler: ({ store, params }) => {
      const id = params.customer_id as string;
      // The guest is built in; Parlant keeps serving it, so refuse to pretend it is gone.
      if (id === GUEST_ID) return detail(422, 'The guest customer cannot be deleted');
      return store.customers.delete(id) ? empty(204) : itemNotFound(id);
    },
  },
];
