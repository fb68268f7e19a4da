import type { ReferenceTag } from "@/lib/openapi/reference";
import { GUIDES } from "./guides";
import { MethodBadge } from "./method-badge";

const linkClasses = "flex items-center gap-2 rounded-md px-2 py-1 text-sm text-muted-foreground transition-colors hover:bg-muted hover:text-foreground";

/** The page's table of contents: guides, every operation by tag, the problem list. */
export function ReferenceNav({ tags }: { tags: ReferenceTag[] }) {
  return (
    <nav aria-label="API reference" className="grid grid-cols-[minmax(0,1fr)] gap-5">
      <div className="grid gap-1">
        <p className="px-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase" data-search-link="guides">
          Guides
        </p>
        <ul className="grid grid-cols-[minmax(0,1fr)]">
          {GUIDES.map((g) => (
            <li key={g.id} data-search-link={g.id}>
              <a href={`#${g.id}`} className={linkClasses}>
                {g.title}
              </a>
            </li>
          ))}
          <li data-search-link="problems">
            <a href="#problems" className={linkClasses}>
              Problem types
            </a>
          </li>
        </ul>
      </div>
      {tags.map((tag) => (
        <div key={tag.name} className="grid gap-1" data-search-link={`tag-${slug(tag.name)}`}>
          <p className="px-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase">{tag.name}</p>
          <ul className="grid grid-cols-[minmax(0,1fr)]">
            {tag.operations.map((op) => (
              <li key={op.id} data-search-link={op.id}>
                <a href={`#${op.id}`} className={linkClasses}>
                  <MethodBadge method={op.method} />
                  <span className="min-w-0 truncate">{op.summary}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

export const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
