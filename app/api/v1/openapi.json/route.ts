import { NextResponse } from "next/server";
import { withPublic } from "@/lib/api/with-user";
import { openApiDocumentSchema } from "@/lib/openapi/document-schema";
import { servedOpenApiDocument } from "@/lib/openapi/served";

// Public and the same for everyone until the next deploy: caches may keep it for a while.
export const GET = withPublic({ summary: "Get the OpenAPI document", limit: "api:ip", response: openApiDocumentSchema }, async () =>
  NextResponse.json(await servedOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);
