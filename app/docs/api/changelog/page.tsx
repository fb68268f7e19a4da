import type { Metadata } from "next";
import Link from "next/link";
import { WithInlineCode } from "@/components/docs/inline-code";
import { VersionEntry } from "@/components/docs/version-entry";
import { MarketingShell } from "@/components/marketing/marketing-shell";
import { API_VERSIONS, CURRENT_VERSION } from "@/lib/api/versions";

export const metadata: Metadata = {
  title: "API changelog",
  description: "Every dated version of the Tenantkit API, what each one changed, and how versions are chosen and retired.",
};

const POLICY = [
  "The major version is in the path: `/api/v1`. It only changes for a redesign, and both would be served side by side for a while.",
  "Within `/api/v1`, a change that could break a working client (a renamed field, a new envelope, a stricter rule) ships as a new dated version. Send `Tenantkit-Version: YYYY-MM-DD` to pick one; a date that is not listed below is refused with a 400 that names the ones that are.",
  `A request without the header is served in the current version, ${CURRENT_VERSION}, so it moves forward when a new version ships: pin the version your code was written against.`,
  "Every `/api/v1` answer names the version it was served in (`Tenantkit-Version`) and carries an `x-request-id`: quote it when you ask for help.",
  "Additive changes (a new route, a new field in an answer, a new optional parameter) reach every version at once; build clients that ignore fields they do not know.",
  "A route or version scheduled to go answers with `Deprecation` and, once the date is set, `Sunset` headers (RFC 9745, RFC 8594), with `Link` headers pointing here.",
];

export default function ApiChangelogPage() {
  const newestFirst = [...API_VERSIONS].reverse();
  return (
    <MarketingShell>
      <div className="mx-auto max-w-3xl px-4 pt-14 pb-20 sm:px-6 sm:pt-20">
        <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
          <Link href="/docs/api" className="font-medium text-link hover:underline">
            API reference
          </Link>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">Changelog</span>
        </nav>
        <h1 className="mt-3 text-3xl font-semibold tracking-tight text-balance sm:text-4xl">API changelog</h1>
        <p className="mt-4 text-base leading-7 text-muted-foreground">
          Every dated version of the API and what it changed, newest first. Routes, parameters and answers are described in the{" "}
          <Link href="/docs/api" className="font-medium text-link hover:underline">
            API reference
          </Link>
          .
        </p>

        <section aria-labelledby="policy-title" className="mt-10 rounded-xl border bg-subtle p-5 sm:p-6">
          <h2 id="policy-title" className="text-base font-semibold">
            Versioning policy
          </h2>
          <ul className="mt-3 grid list-disc gap-2 pl-5 text-sm leading-6 text-muted-foreground marker:text-border">
            {POLICY.map((line) => (
              <li key={line}>
                <WithInlineCode text={line} />
              </li>
            ))}
          </ul>
        </section>

        <div className="mt-10 grid gap-6">
          {newestFirst.map((version) => (
            <VersionEntry key={version.date} version={version} current={version.date === CURRENT_VERSION} />
          ))}
        </div>
      </div>
    </MarketingShell>
  );
}
