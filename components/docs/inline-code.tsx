import { Fragment } from "react";

/** Text whose `backticked` parts are code, as the version registry (lib/api/versions.ts) writes them. */
export function WithInlineCode({ text }: { text: string }) {
  return text.split("`").map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="rounded bg-subtle px-1 py-0.5 font-mono text-[0.85em] text-foreground ring-1 ring-border ring-inset">
        {part}
      </code>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}
