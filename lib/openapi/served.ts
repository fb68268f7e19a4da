import { routeEntriesOf } from "@/lib/api/route-entries";
import { env } from "@/lib/env";
import { buildOpenApiDocument, type OpenApiDocument } from "./document";
import { ROUTE_MODULES } from "./route-modules";

let document: Promise<OpenApiDocument> | undefined;

async function build(): Promise<OpenApiDocument> {
  const entries = await Promise.all(ROUTE_MODULES.map(async (r) => routeEntriesOf(r.path, r.file, await r.load())));
  return buildOpenApiDocument(entries.flat(), { serverUrl: env.APP_URL, title: `${env.APP_NAME} API` });
}

/** The document for this deployment (its APP_URL as the server), built once per process. */
export function servedOpenApiDocument(): Promise<OpenApiDocument> {
  document ??= build().catch((error: unknown) => {
    document = undefined;
    throw error;
  });
  return document;
}
