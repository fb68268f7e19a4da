"use client";

import { useEffect, useRef, useState } from "react";
import { Input } from "@/components/ui/input";
import { SearchIcon } from "@/components/ui/icons";

/**
 * Filters the server-rendered reference in place: every `[data-search]` block whose text
 * lacks a word of the query is hidden, then every `[data-search-group]` left empty and
 * every nav link (`[data-search-link]`) whose target is hidden. `/` focuses the box.
 */
/** Applies the query to the page; returns how many blocks still show, or null for no query. */
function applyFilter(query: string): number | null {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const blocks = [...document.querySelectorAll<HTMLElement>("[data-search]")];
  for (const block of blocks) block.hidden = !words.every((w) => block.dataset.search!.includes(w));
  for (const group of document.querySelectorAll<HTMLElement>("[data-search-group]")) {
    group.hidden = [...group.querySelectorAll<HTMLElement>("[data-search]")].every((b) => b.hidden);
  }
  for (const link of document.querySelectorAll<HTMLElement>("[data-search-link]")) {
    link.hidden = document.getElementById(link.dataset.searchLink!)?.hidden ?? false;
  }
  return words.length > 0 ? blocks.filter((b) => !b.hidden).length : null;
}

export function ReferenceSearch() {
  const [query, setQuery] = useState("");
  const [shown, setShown] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && event.target.closest("input, textarea, select, [contenteditable]");
      if (event.key === "/" && !typing) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="grid gap-1.5">
      <label htmlFor="api-search" className="sr-only">
        Search the API reference
      </label>
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          ref={input}
          id="api-search"
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setShown(applyFilter(e.target.value));
          }}
          placeholder="Search operations, paths, errors…"
          className="pr-9 pl-9"
          autoComplete="off"
        />
        {query === "" && (
          <kbd className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 rounded border px-1.5 font-mono text-[0.65rem] text-muted-foreground">
            /
          </kbd>
        )}
      </div>
      <p aria-live="polite" className="min-h-4 text-xs text-muted-foreground">
        {shown === null
          ? ""
          : shown === 0
            ? "Nothing matches. Try a path segment, a method or an error code."
            : `${shown} ${shown === 1 ? "match" : "matches"}`}
      </p>
    </div>
  );
}
