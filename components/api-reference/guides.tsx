import Link from "next/link";
import type { ReactNode } from "react";
import { CodeBlock } from "./code-block";

export const GUIDES = [
  { id: "authentication", title: "Authentication" },
  { id: "rate-limits", title: "Rate limits" },
  { id: "errors", title: "Errors" },
  { id: "pagination", title: "Pagination" },
  { id: "versioning", title: "Versioning" },
  { id: "idempotency", title: "Idempotency" },
  { id: "conditional-requests", title: "Conditional requests" },
] as const;

type GuideId = (typeof GUIDES)[number]["id"];

function Guide({ id, keywords, children }: { id: GuideId; keywords: string; children: ReactNode }) {
  const title = GUIDES.find((g) => g.id === id)!.title;
  return (
    <section id={id} aria-labelledby={`${id}-title`} data-search={`${title} ${keywords}`.toLowerCase()} className="scroll-mt-24 grid gap-3">
      <h3 id={`${id}-title`} className="text-lg font-semibold tracking-tight">
        {title}
      </h3>
      <div className="grid gap-3 text-sm leading-6 text-muted-foreground [&_code]:font-mono [&_code]:text-xs [&_code]:text-foreground">{children}</div>
    </section>
  );
}

const PROBLEM_EXAMPLE = `HTTP/1.1 403 Forbidden
Content-Type: application/problem+json

{
  "type": "<this page>#problem-forbidden",
  "title": "Forbidden",
  "status": 403,
  "detail": "Your role (viewer) does not allow this action.",
  "code": "forbidden",
  "requestId": "5f0c6a1e-2b7d-4c1a-9c3e-8d2f4b6a7e90"
}`;

/** What holds for every operation: credentials, limits, refusals, paging, versions, retries, caching. */
export function Guides({ server }: { server: string }) {
  return (
    <div className="grid gap-10">
      <Guide id="authentication" keywords="api key bearer session cookie token">
        <p>
          Organization routes (<code>/api/v1/orgs/{"{org}"}/…</code>) take an API key as <code>Authorization: Bearer &lt;key&gt;</code>. Owners and admins
          create keys in the dashboard under Settings → API keys; a key is shown once, belongs to one organization and acts as a viewer (<code>read_only</code>)
          or a member (<code>read_write</code>). Members, billing, keys and the organization itself stay with people.
        </p>
        <p>
          The dashboard calls the same routes with its session cookie. Account routes (<code>/api/v1/me/…</code>) act for a person and accept only that cookie:
          an API key there is refused with 401, never ignored.
        </p>
        <CodeBlock label="A first call">{`curl ${server}/api/v1/orgs/acme/projects \\\n  -H "Authorization: Bearer $API_KEY"`}</CodeBlock>
      </Guide>
      <Guide id="rate-limits" keywords="429 retry-after ratelimit-limit ratelimit-remaining ratelimit-reset throttle">
        <p>
          Each caller has a budget per route and window, listed with each operation. Authenticated answers carry <code>RateLimit-Limit</code>,{" "}
          <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code> (seconds until the window resets). Past the budget the answer is 429{" "}
          <code>rate_limited</code> with <code>Retry-After</code> in seconds: wait that long, then retry.
        </p>
      </Guide>
      <Guide id="errors" keywords="problem json rfc 9457 code type detail request id">
        <p>
          Every refusal is <code>application/problem+json</code> (RFC 9457). Switch on <code>code</code>, which is stable; <code>type</code> links to its entry
          below; <code>detail</code> says what to do, for people. Invalid input adds <code>errors</code>, one <code>{"{ path, message }"}</code> per field.
          Every answer carries <code>X-Request-Id</code>, also in the body as <code>requestId</code>: quote it to support.
        </p>
        <CodeBlock label="A refusal">{PROBLEM_EXAMPLE}</CodeBlock>
      </Guide>
      <Guide id="pagination" keywords="cursor limit nextcursor page list">
        <p>
          Lists are pages in a fixed order (newest first). Ask for up to <code>limit</code> items (1–100); when there are more, the answer&apos;s{" "}
          <code>nextCursor</code> is a string to send back as <code>cursor</code> for the next page, and it is <code>null</code> on the last one. Cursors are
          opaque: a changed one is refused with 400.
        </p>
      </Guide>
      <Guide id="versioning" keywords="tenantkit-version version changelog date breaking">
        <p>
          Versions are dates. Send <code>Tenantkit-Version: 2026-12-01</code> to pin the version your code was written against; without it the current version
          answers, and every answer names the version that did in the same header. What changed in each version is in the{" "}
          <Link href="/docs/api/changelog" className="font-medium text-link hover:underline">
            changelog
          </Link>
          .
        </p>
      </Guide>
      <Guide id="idempotency" keywords="idempotency-key retry post duplicate">
        <p>
          <code>POST</code> requests take an <code>Idempotency-Key</code> header: a unique value (a UUID) per operation. A retry with the same key and the same
          request gets the first answer again instead of acting twice. The same key with a different request is refused with 422; while the first request is
          still running, a retry gets 409. Keys last 24 hours, per organization and caller on organization routes and per person on account routes.
        </p>
        <p>
          A few routes do not honour it, and say why: those that take a password or a one-time code, and those used before signing in. Each is safe to
          repeat as it is.
        </p>
      </Guide>
      <Guide id="conditional-requests" keywords="etag if-match if-none-match 304 412 precondition">
        <p>
          Single resources answer reads with an <code>ETag</code>. Send it back in <code>If-None-Match</code> to get 304 with no body when nothing changed, and
          in <code>If-Match</code> on <code>PATCH</code> or <code>DELETE</code> to change the resource only if nobody else has since: otherwise the answer is
          412 <code>precondition_failed</code>.
        </p>
      </Guide>
    </div>
  );
}
