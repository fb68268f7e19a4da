"use client";

import { lazy, Suspense, useState, type ComponentType } from "react";

/**
 * A dialog whose code is fetched when it is first opened, keeping it (and what only it uses:
 * Radix, zod schemas) out of the page's first load. Until `open` is first true nothing renders;
 * from then on it stays mounted like a dialog imported as usual. A closed Radix dialog renders
 * nothing either, so the page looks and reads the same; the first opening waits for the code.
 */
export function lazyDialog<P extends { open: boolean }>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Dialog = lazy(async () => ({ default: await load() }));
  return function LazyDialog(props: P) {
    const [opened, setOpened] = useState(props.open);
    if (props.open && !opened) setOpened(true);
    if (!opened) return null;
    return (
      <Suspense fallback={null}>
        <Dialog {...props} />
      </Suspense>
    );
  };
}
