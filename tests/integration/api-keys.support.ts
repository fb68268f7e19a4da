import { inject } from "vitest";
import { scoped } from "@/lib/db/tenant-transaction";
import type { CreatedApiKeyDto } from "@/lib/api-keys/schemas";
import type { TestUser } from "../support/factories";
import { client, type HttpResult } from "../support/http";

/** A key made the way an admin makes one: through the API, with their session. */
export async function createKey(admin: TestUser, slug: string, body: { name: string; role: "read_only" | "read_write"; expiresAt?: string }): Promise<CreatedApiKeyDto> {
  const res = await client(admin).post<CreatedApiKeyDto>(`/api/v1/orgs/${slug}/api-keys`, body);
  if (res.status !== 201) throw new Error(`creating a key failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Real HTTP as a customer's code calls the API: a Bearer key, no cookie. */
export function keyClient(key: string) {
  const api = client();
  const auth = (headers?: Record<string, string>) => ({ headers: { authorization: `Bearer ${key}`, ...headers } });
  return {
    get: <T = unknown>(path: string, headers?: Record<string, string>) => api.get<T>(path, auth(headers)),
    post: <T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) => api.post<T>(path, body, auth(headers)),
    patch: <T = unknown>(path: string, body?: unknown) => api.patch<T>(path, body, auth()),
    delete: <T = unknown>(path: string) => api.delete<T>(path, auth()),
  };
}

export async function rawRequest(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<HttpResult<Record<string, unknown>>> {
  const res = await fetch(`${inject("baseUrl")}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: "manual",
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
}

export const keyRow = (orgId: string, id: string) => scoped({ orgId }, (tx) => tx.apiKey.findUniqueOrThrow({ where: { id } }));

export const setKey = (orgId: string, id: string, data: { expiresAt?: Date | null; lastUsedAt?: Date | null; revokedAt?: Date | null }) =>
  scoped({ orgId }, (tx) => tx.apiKey.update({ where: { id }, data }));

export const projectCount = (orgId: string) => scoped({ orgId }, (tx) => tx.project.count({ where: { orgId } }));

export const auditEvents = (orgId: string, action: string) =>
  scoped({ orgId }, (tx) => tx.auditEvent.findMany({ where: { orgId, action }, orderBy: { createdAt: "asc" } }));
