/**
 * Customer routes, with the always-present guest: `POST /customers`, `GET /customers/{id}`,
 * `GET /customers`, `PATCH` and `DELETE /customers/{id}`, in Parlant's order.
 */
import type { Customer } from '../core/types';
import type { RouteDef } from './context';
import { detail, itemNotFound, json, noContent } from './http';
import { GUEST_ID } from './state';
import { readBody } from './validate';

const customerFields = {
  name: { type: 'string', required: true, min: 1, max: 100 },
  id: { type: 'string' },
  metadata: { type: 'object', strings: true },
  tags: { type: 'array', strings: true },
} as const;

/** Routes for customers. @example const table = [...customerRoutes]; */
export const customerRoutes: RouteDef[] = [
  {
    method: 'POST',
    pattern: '/customers',
    handler: async ({ store, request, authorize }) => {
      const body = await readBody(request, customerFields, () => authorize('create_customer'));
      if (!body.ok) return body.response;
      const { name, id, metadata, tags } = body.value as { name: string; id?: string | null; metadata?: Record<string, string> | null; tags?: string[] | null };
      return json(201, store.addCustomer({ name, ...(id ? { id } : {}), metadata: metadata ?? {}, tags: tags ?? [] }));
    },
  },
  {
    method: 'GET',
    pattern: '/customers/:customer_id',
    handler: ({ store, params, authorize }) => {
      const customer = store.customer(params.customer_id as string);
      return authorize('read_customer') ?? (customer ? json(200, customer) : itemNotFound(params.customer_id as string));
    },
  },
  {
    method: 'GET',
    pattern: '/customers',
    handler: ({ store, authorize }) => {
      const guest = store.customer(GUEST_ID) as Customer;
      return authorize('list_customers') ?? json(200, [guest, ...[...store.customers.values()].filter((c) => c.id !== GUEST_ID)]);
    },
  },
  {
    method: 'PATCH',
    pattern: '/customers/:customer_id',
    handler: async ({ store, request, params, authorize }) => {
      const id = params.customer_id as string;
      const body = await readBody(request, { name: { type: 'string', min: 1, max: 100 }, metadata: { type: 'object' }, tags: { type: 'object' } }, () => authorize('update_customer'));
      if (!body.ok) return body.response;
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
    handler: ({ store, params, authorize }) => {
      const id = params.customer_id as string;
      const denied = authorize('delete_customer');
      if (denied) return denied;
      // The guest is built in; Parlant keeps serving it, so refuse to pretend it is gone.
      if (id === GUEST_ID) return detail(422, 'The guest customer cannot be deleted');
      return store.customers.delete(id) ? noContent() : itemNotFound(id);
    },
  },
];
