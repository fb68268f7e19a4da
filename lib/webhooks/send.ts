import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { resolveTarget, WebhookTargetError, type ResolvedTarget } from "./target";

/** Enough of a response body to see what went wrong; the rest is not read. */
export const RESPONSE_BODY_LIMIT = 4096;
const HEADER_LIMIT = 50;

export type AttemptResult = {
  /** A 2xx answer. */
  ok: boolean;
  status: number | null;
  headers: Record<string, string> | null;
  /** The start of the body, at most RESPONSE_BODY_LIMIT characters. */
  body: string | null;
  /** Why there was no answer: refused address, DNS, timeout, connection error. */
  error: string | null;
  durationMs: number;
};

export type PostOptions = {
  url: string;
  body: string;
  headers: Record<string, string>;
  allowPrivate: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
};

/** A lookup that answers every name with the one address `resolveTarget` checked. */
function pinnedLookup(target: ResolvedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

function flattenHeaders(res: IncomingMessage): Record<string, string> {
  const entries = Object.entries(res.headers).slice(0, HEADER_LIMIT);
  return Object.fromEntries(entries.map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : String(value ?? "")]));
}

/**
 * One POST of a webhook. The host is resolved and checked first (lib/webhooks/target.ts) and
 * the connection goes to that address, whatever DNS says a moment later; redirects are not
 * followed (a 3xx is a failure, or any URL could be reached through one). The whole exchange
 * has `timeoutMs`; the response body is read only up to RESPONSE_BODY_LIMIT. Never throws.
 */
export async function postWebhook(options: PostOptions): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failure = (error: string): AttemptResult => ({ ok: false, status: null, headers: null, body: null, error, durationMs: elapsed() });

  const url = new URL(options.url);
  let target: ResolvedTarget;
  try {
    target = await resolveTarget(url, options.allowPrivate);
  } catch (error) {
    return failure(error instanceof WebhookTargetError ? error.message : "The URL could not be resolved.");
  }

  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const transport = url.protocol === "https:" ? https : http;

  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const settle = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const reason = (error: unknown) =>
      timeout.aborted ? `No response within ${options.timeoutMs} ms.` : `Connection failed: ${error instanceof Error ? error.message : String(error)}`;

    const req = transport.request(
      url,
      {
        method: "POST",
        headers: {
          ...options.headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(options.body)),
          "user-agent": "Tenantkit-Webhooks/1.0",
        },
        lookup: pinnedLookup(target),
        // A fresh connection per attempt: a pooled socket could lead to an address checked earlier.
        agent: false,
        signal,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const headers = flattenHeaders(res);
        let body = "";
        const finish = () => {
          settle({ ok: status >= 200 && status < 300, status, headers, body: body.slice(0, RESPONSE_BODY_LIMIT), error: null, durationMs: elapsed() });
          res.destroy();
        };
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
          if (body.length >= RESPONSE_BODY_LIMIT) finish();
        });
        res.on("end", finish);
        res.on("error", (error) => (settled ? undefined : settle({ ...failure(reason(error)), status, headers, body: body.slice(0, RESPONSE_BODY_LIMIT) })));
      },
    );
    req.on("error", (error) => settle(failure(reason(error))));
    req.end(options.body);
  });
}
