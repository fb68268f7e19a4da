"use client";

import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import { ApiError } from "@/lib/api/fetch-json";
import { lazyDialog } from "@/components/ui/lazy-dialog";

// Every page has the provider and few ever ask: the dialog (Radix, next-auth's client) loads when asked.
const ReauthDialog = lazyDialog(() => import("./reauth-dialog").then((m) => m.ReauthDialog));

type Ask = () => Promise<void>;

const ReauthContext = createContext<Ask | null>(null);

/** The API's answer when an action needs a password (or a fresh sign-in) from the last few minutes. */
export function isReauthRequired(error: unknown): error is ApiError {
  return error instanceof ApiError && error.problem.status === 403 && error.problem.code === "reauthentication_required";
}

/**
 * Owns the one "Confirm it's you" dialog of the app. An action that the API refuses with
 * `reauthentication_required` waits on it: confirming resolves, closing rejects.
 */
export function ReauthProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const waiting = useRef<{ resolve: () => void; reject: () => void } | null>(null);

  const ask = useCallback<Ask>(
    () =>
      new Promise<void>((resolve, reject) => {
        // A second action asking while the dialog is open waits on the same answer.
        const previous = waiting.current;
        waiting.current = {
          resolve: () => (previous?.resolve(), resolve()),
          reject: () => (previous?.reject(), reject()),
        };
        setOpen(true);
      }),
    [],
  );

  function settle(confirmed: boolean) {
    const current = waiting.current;
    waiting.current = null;
    setOpen(false);
    if (confirmed) current?.resolve();
    else current?.reject();
  }

  return (
    <ReauthContext.Provider value={ask}>
      {children}
      <ReauthDialog open={open} onConfirmed={() => settle(true)} onCancel={() => settle(false)} />
    </ReauthContext.Provider>
  );
}

/**
 * Wraps an API call so that a `reauthentication_required` answer asks the person to
 * confirm who they are, then runs the call again. If they back out, the original error
 * is thrown, so the caller shows its message where the action was started.
 */
export function useReauth() {
  const ask = useContext(ReauthContext);
  return useCallback(
    async <T,>(action: () => Promise<T>): Promise<T> => {
      try {
        return await action();
      } catch (error) {
        if (!ask || !isReauthRequired(error)) throw error;
        await ask().catch(() => {
          throw error;
        });
        return action();
      }
    },
    [ask],
  );
}
