import { problemAnchor } from "@/lib/api/problem-type";
import type { ErrorCode } from "@/lib/api/errors";
import type { ReferenceOperation } from "@/lib/openapi/reference";
import { CodeBlock } from "./code-block";
import { curlExample } from "./curl-example";
import { FieldTable } from "./field-table";
import { MethodBadge } from "./method-badge";
import { RichText } from "./rich-text";

function Access({ op }: { op: ReferenceOperation }) {
  if (op.caller === "public") return <>No authentication; limited per IP address.</>;
  if (op.caller === "user") return <>Session cookie only: API keys are refused with 401.</>;
  return (
    <>
      Permission <code className="font-mono text-xs">{op.permission}</code>: roles {op.roles.join(", ")}.{" "}
      {op.apiKeyRoles.length > 0 ? `API keys: ${op.apiKeyRoles.join(", ")}.` : "Not open to API keys: a person signs in for this."}
    </>
  );
}

// Every operation can answer these; matching them would match everything.
const UNIVERSAL_CODES = new Set(["rate_limited", "internal"]);

function searchText(op: ReferenceOperation, tag: string): string {
  const codes = op.errors.flatMap((e) => e.codes).filter((c) => !UNIVERSAL_CODES.has(c));
  return [op.method, op.path, op.summary, op.id, tag, op.permission ?? "", ...codes].join(" ").toLowerCase();
}

/** One operation: what it does, who may call it, what it takes, what it answers, and how it refuses. */
export function OperationSection({ op, tag, server }: { op: ReferenceOperation; tag: string; server: string }) {
  const headingId = `${op.id}-title`;
  return (
    <article
      id={op.id}
      aria-labelledby={headingId}
      data-search={searchText(op, tag)}
      className="scroll-mt-24 rounded-xl border bg-surface p-5 shadow-xs sm:p-6"
    >
      <header className="grid gap-2">
        <h3 id={headingId} className="text-lg font-semibold tracking-tight">
          <a href={`#${op.id}`} className="hover:underline">
            {op.summary}
          </a>
        </h3>
        <p className="flex flex-wrap items-center gap-2">
          <MethodBadge method={op.method} />
          <code className="font-mono text-sm break-all">{op.path}</code>
        </p>
        {op.description && (
          <p className="text-sm text-muted-foreground">
            <RichText text={op.description} />
          </p>
        )}
        <dl className="grid gap-1 text-sm text-muted-foreground sm:grid-cols-[8rem_1fr]">
          <dt className="font-medium text-foreground">Access</dt>
          <dd>
            <Access op={op} />
            {op.recentAuth && " Needs a password confirmation or a sign-in within the last few minutes."}
          </dd>
          {op.rateLimit && (
            <>
              <dt className="font-medium text-foreground">Rate limit</dt>
              <dd>{op.rateLimit}</dd>
            </>
          )}
          {op.headers.length > 0 && (
            <>
              <dt className="font-medium text-foreground">Headers</dt>
              <dd className="flex flex-wrap gap-x-2">
                {op.headers.map((h) => (
                  <code key={h} className="font-mono text-xs">
                    {h}
                  </code>
                ))}
              </dd>
            </>
          )}
        </dl>
      </header>

      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        <div className="grid content-start gap-4">
          {op.parameters.length > 0 && (
            <section className="grid gap-2">
              <h4 className="text-sm font-semibold">Parameters</h4>
              <FieldTable
                caption={`${op.summary}: parameters`}
                fields={op.parameters.map((p) => ({
                  name: p.name,
                  type: p.type,
                  required: p.required,
                  notes: [`in ${p.in}`, ...p.notes],
                  description: p.description,
                }))}
              />
            </section>
          )}
          {op.body && (
            <section className="grid gap-2">
              <h4 className="text-sm font-semibold">Request body</h4>
              <FieldTable caption={`${op.summary}: request body`} fields={op.body.fields} />
            </section>
          )}
          <section className="grid gap-2">
            <h4 className="text-sm font-semibold">
              Response <span className="font-mono text-xs font-normal text-muted-foreground">{op.response.status}</span>
              {op.response.mediaType && op.response.mediaType !== "application/json" && (
                <span className="ml-2 font-mono text-xs font-normal text-muted-foreground">{op.response.mediaType}</span>
              )}
            </h4>
            {op.response.status === "204" ? (
              <p className="text-sm text-muted-foreground">No body.</p>
            ) : (
              <FieldTable caption={`${op.summary}: response`} fields={op.response.fields} />
            )}
          </section>
          <section className="grid gap-2">
            <h4 className="text-sm font-semibold">Errors</h4>
            <ul className="grid gap-1 text-sm">
              {op.errors.map((e) => (
                <li key={e.status} className="flex flex-wrap items-baseline gap-x-2">
                  <span className="w-9 font-mono text-xs text-muted-foreground">{e.status}</span>
                  {e.codes.map((code) => (
                    <a key={code} href={`#${problemAnchor(code as ErrorCode)}`} className="font-mono text-xs text-link hover:underline">
                      {code}
                    </a>
                  ))}
                </li>
              ))}
            </ul>
          </section>
        </div>
        <div className="grid min-w-0 content-start gap-4">
          <CodeBlock label="Request">{curlExample(op, server)}</CodeBlock>
          {op.response.example !== undefined && <CodeBlock label={`Response ${op.response.status}`}>{JSON.stringify(op.response.example, null, 2)}</CodeBlock>}
        </div>
      </div>
    </article>
  );
}
