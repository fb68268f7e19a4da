import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { z } from "zod";

/**
 * A local stand-in for Resend's API, speaking the wire format the real SDK uses:
 * `POST /emails` with `Authorization: Bearer <key>` and a JSON body, answering `{ id }`
 * or Resend's error JSON (`{ statusCode, name, message }`). It keeps what it received.
 */

export type ReceivedEmail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  apiKey: string;
  idempotencyKey?: string;
};

export type ResendErrorBody = { statusCode: number; name: string; message: string };

export type FakeResend = {
  /** Base URL for `new Resend(key, { baseUrl })` / RESEND_BASE_URL. */
  url: string;
  /** Every accepted email, oldest first. */
  messages: ReceivedEmail[];
  /** Answer the next `POST /emails` with this error instead of accepting it. */
  failNext(error: ResendErrorBody): void;
  stop(): Promise<void>;
};

const requiredFields = ["from", "to", "subject"] as const;

const emailSchema = z.object({
  from: z.string().min(1),
  to: z.union([z.string().min(1), z.array(z.string().min(1)).min(1).max(50)]),
  subject: z.string().min(1),
  html: z.string().optional(),
  text: z.string().optional(),
});

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const error = (statusCode: number, name: string, message: string): ResendErrorBody => ({ statusCode, name, message });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** @param apiKey when given, any other bearer token is refused like a revoked key (403). */
export async function start(options: { apiKey?: string } = {}): Promise<FakeResend> {
  const messages: ReceivedEmail[] = [];
  const failures: ResendErrorBody[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "POST" || req.url !== "/emails") {
      return reply(res, 404, error(404, "not_found", "The requested endpoint does not exist."));
    }
    const apiKey = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!apiKey) {
      return reply(res, 401, error(401, "missing_api_key", "Missing API key in the authorization header."));
    }
    if (options.apiKey !== undefined && apiKey !== options.apiKey) {
      return reply(res, 403, error(403, "invalid_api_key", "API key is invalid"));
    }

    const body = z.record(z.string(), z.unknown()).safeParse(parseJson(await readBody(req)));
    if (!body.success) return reply(res, 422, error(422, "validation_error", "Invalid JSON body."));
    const missing = requiredFields.find((field) => body.data[field] == null);
    if (missing) return reply(res, 422, error(422, "missing_required_field", `Missing \`${missing}\` field.`));
    const parsed = emailSchema.safeParse(body.data);
    if (!parsed.success) {
      return reply(res, 422, error(422, "validation_error", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")));
    }
    if (parsed.data.html === undefined && parsed.data.text === undefined) {
      return reply(res, 422, error(422, "validation_error", "Either `html` or `text` must be provided."));
    }

    const failure = failures.shift();
    if (failure) return reply(res, failure.statusCode, failure);

    // Like Resend: a repeated idempotency key returns the first email's id and sends nothing.
    const idempotencyKey = req.headers["idempotency-key"];
    const earlier = messages.find((m) => m.idempotencyKey !== undefined && m.idempotencyKey === idempotencyKey);
    if (earlier) return reply(res, 200, { id: earlier.id });

    const { to, ...rest } = parsed.data;
    const email: ReceivedEmail = {
      id: randomUUID(),
      ...rest,
      to: Array.isArray(to) ? to : [to],
      apiKey,
      ...(typeof idempotencyKey === "string" ? { idempotencyKey } : {}),
    };
    messages.push(email);
    return reply(res, 200, { id: email.id });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((cause: unknown) => reply(res, 500, error(500, "internal_server_error", String(cause))));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("fake Resend server is not listening on TCP");

  return {
    url: `http://127.0.0.1:${address.port}`,
    messages,
    failNext: (failure) => void failures.push(failure),
    stop: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
