import { NextResponse, type NextRequest } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/api/errors";
import { enforceRateLimit } from "@/lib/api/request-auth";
import { parseWith, readJsonBody } from "@/lib/api/request-input";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { clientIp } from "@/lib/auth/client-ip";
import { devBillingActionSchema, runDevBillingAction } from "@/lib/billing/local-stripe/control-client";
import { features } from "@/lib/env";

/**
 * Dev only: makes the local Stripe stand-in do what Stripe would (a failed payment, a renewal,
 * a seat change in the portal) and deliver the events to this app's webhook. 404 unless billing
 * talks to the stand-in, which never happens in a production deployment (features.localStripe).
 */
export const POST = apiRoute(
  async (req: NextRequest) => {
    if (!features.localStripe) throw new AppError("not_found", "Not found.");
    assertSameOrigin(req);
    await enforceRateLimit("api:ip", `${clientIp(req.headers)}:dev-billing`);
    const body = parseWith(devBillingActionSchema, await readJsonBody(req), "body");
    return NextResponse.json(await runDevBillingAction(body));
  },
  { kind: "public", limit: "api:ip", body: devBillingActionSchema },
);
