import type { Metadata } from "next";
import Link from "next/link";
import { Guides } from "@/components/api-reference/guides";
import { OperationSection } from "@/components/api-reference/operation-section";
import { ProblemList } from "@/components/api-reference/problem-list";
import { ReferenceNav, slug } from "@/components/api-reference/reference-nav";
import { ReferenceSearch } from "@/components/api-reference/reference-search";
import { RichText } from "@/components/api-reference/rich-text";
import { MarketingShell } from "@/components/marketing/marketing-shell";
import { buttonClasses } from "@/components/ui/button";
import { referenceOf } from "@/lib/openapi/reference";
import { servedOpenApiDocument } from "@/lib/openapi/served";

export const metadata: Metadata = {
  title: "API reference",
  description: "Every route of the HTTP API: authentication, parameters, responses, errors and rate limits, from the OpenAPI document.",
};

/** The API reference, rendered on the server from the same OpenAPI document /api/v1/openapi.json serves. */
export default async function ApiReferencePage() {
  const doc = await servedOpenApiDocument();
  const tags = referenceOf(doc);
  const server = doc.servers[0]!.url;
  return (
    <MarketingShell>
      <div className="mx-auto grid max-w-7xl gap-10 px-4 py-10 sm:px-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <aside className="lg:sticky lg:top-16 lg:max-h-[calc(100dvh-4rem)] lg:overflow-y-auto lg:py-2">
          <div className="grid grid-cols-[minmax(0,1fr)] gap-4">
            <ReferenceSearch />
            <div className="hidden lg:block">
              <ReferenceNav tags={tags} />
            </div>
          </div>
        </aside>

        <div className="grid min-w-0 gap-14">
          <header className="grid gap-4">
            <p className="text-sm font-medium text-link">API reference</p>
            <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{doc.info.title}</h1>
            <div className="grid max-w-3xl gap-3 text-sm leading-6 text-muted-foreground">
              {doc.info.description.split("\n\n").map((paragraph) => (
                <p key={paragraph}>
                  <RichText text={paragraph} />
                </p>
              ))}
            </div>
            <dl className="grid max-w-3xl gap-1 text-sm sm:grid-cols-[8rem_1fr]">
              <dt className="font-medium">Base URL</dt>
              <dd>
                <code className="font-mono text-xs">{server}</code>
              </dd>
            </dl>
            <div className="flex flex-wrap gap-2">
              <a href="/api/v1/openapi.json" className={buttonClasses({ variant: "secondary" })}>
                OpenAPI document
              </a>
              <Link href="/docs/api/changelog" className={buttonClasses({ variant: "ghost" })}>
                Changelog
              </Link>
            </div>
          </header>

          <section id="guides" aria-labelledby="guides-title" data-search-group className="grid gap-6">
            <h2 id="guides-title" className="text-2xl font-semibold tracking-tight">
              Guides
            </h2>
            <Guides server={server} />
          </section>

          {tags.map((tag) => (
            <section
              key={tag.name}
              id={`tag-${slug(tag.name)}`}
              aria-labelledby={`tag-${slug(tag.name)}-title`}
              data-search-group
              className="scroll-mt-24 grid gap-5"
            >
              <div className="grid gap-1">
                <h2 id={`tag-${slug(tag.name)}-title`} className="text-2xl font-semibold tracking-tight">
                  {tag.name}
                </h2>
                <p className="text-sm text-muted-foreground">{tag.description}</p>
              </div>
              {tag.operations.map((op) => (
                <OperationSection key={op.id} op={op} tag={tag.name} server={server} />
              ))}
            </section>
          ))}

          <section id="problems" aria-labelledby="problems-title" data-search-group className="scroll-mt-24 grid gap-5">
            <div className="grid gap-1">
              <h2 id="problems-title" className="text-2xl font-semibold tracking-tight">
                Problem types
              </h2>
              <p className="text-sm text-muted-foreground">
                Each refusal&apos;s <code className="font-mono text-xs">type</code> links here. Switch on <code className="font-mono text-xs">code</code>.
              </p>
            </div>
            <ProblemList />
          </section>
        </div>
      </div>
    </MarketingShell>
  );
}
