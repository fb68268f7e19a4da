"use client";

import { lazy, Suspense, useEffect, useSyncExternalStore, type ComponentProps } from "react";
import type { toast as sonnerToast } from "sonner";

/**
 * Toasts, through sonner, whose code is fetched on first use rather than with every page.
 * Components import `toast` from here, never from sonner (ESLint enforces it), so that the
 * one `Toaster` is mounted before or with the first toast: sonner hands toasts raised
 * before its Toaster subscribed to it when it does.
 */
const loadSonner = () => import("sonner");
const SonnerToaster = lazy(() => loadSonner().then((m) => ({ default: m.Toaster })));

let wanted = false;
const listeners = new Set<() => void>();

function want() {
  if (wanted) return;
  wanted = true;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

type Show = (...args: Parameters<typeof sonnerToast.success>) => void;

function show(level: "success" | "error" | "warning"): Show {
  return (...args) => {
    want();
    void loadSonner().then(({ toast }) => toast[level](...args));
  };
}

export const toast = { success: show("success"), error: show("error"), warning: show("warning") };

/**
 * Sonner's Toaster, mounted from the person's first press or key on the page (or the first
 * toast, if one comes sooner): its polite live region is then in place before the toasts
 * that follow their actions, so screen readers announce them.
 */
export function Toaster(props: ComponentProps<typeof SonnerToaster>) {
  const mounted = useSyncExternalStore(subscribe, () => wanted, () => false);
  useEffect(() => {
    if (wanted) return;
    const options = { capture: true, once: true, passive: true };
    window.addEventListener("pointerdown", want, options);
    window.addEventListener("keydown", want, options);
    return () => {
      window.removeEventListener("pointerdown", want, options);
      window.removeEventListener("keydown", want, options);
    };
  }, []);
  if (!mounted) return null;
  return (
    <Suspense fallback={null}>
      <SonnerToaster {...props} />
    </Suspense>
  );
}
