"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys } from "@/lib/query-keys";
import { errorMessage } from "@/components/forms/field-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { CardSection } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDateTime, formatRelative } from "@/components/ui/format-date";
import { MonitorIcon, SmartphoneIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { useDeviceSessions, type DeviceSession } from "./security-api";
import { signInMethodLabel } from "./security-labels";

const deviceName = (session: DeviceSession) => session.device;
const isMobile = (session: DeviceSession) => /\b(iOS|Android)\b/.test(session.device);

/** Every signed-in browser of this account, with a way to end the others (this one signs out from the menu). */
export function SessionsCard() {
  const sessions = useDeviceSessions();
  const queryClient = useQueryClient();
  const [ending, setEnding] = useState<DeviceSession | null>(null);
  const [endingOthers, setEndingOthers] = useState(false);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.sessions() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.securityEvents() });
  };

  const endOne = useMutation({
    mutationFn: (session: DeviceSession) => fetchJson<void>(`/api/v1/me/sessions/${encodeURIComponent(session.id)}`, { method: "DELETE" }),
    onSuccess: (_data, session) => {
      setEnding(null);
      toast.success(`Signed out ${deviceName(session)}`);
      refresh();
    },
  });

  const endOthers = useMutation({
    mutationFn: () => fetchJson<void>("/api/v1/me/sessions", { method: "DELETE" }),
    onSuccess: () => {
      setEndingOthers(false);
      toast.success("Signed out everywhere else");
      refresh();
    },
  });

  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  return (
    <CardSection
      headingId="security-sessions"
      title="Where you're signed in"
      description="The browsers and devices signed in to your account. If you don't recognise one, sign it out and change your password."
      footer={
        others > 0 && (
          <Button variant="danger-outline" onClick={() => setEndingOthers(true)}>
            Sign out everywhere else
          </Button>
        )
      }
    >
      {sessions.isPending ? (
        <div role="status" aria-label="Loading your devices" className="grid gap-3">
          {[0, 1].map((i) => (
            <div key={i} className="flex items-center gap-3 rounded-lg border px-4 py-3">
              <Skeleton className="size-9" />
              <div className="grid flex-1 gap-1.5">
                <Skeleton className="h-4 w-40" />
                <Skeleton className="h-3 w-64 max-w-full" />
              </div>
            </div>
          ))}
        </div>
      ) : sessions.isError ? (
        <Callout tone="error" title="Couldn't load your devices">
          <p>{errorMessage(sessions.error)}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => void sessions.refetch()}>
            Try again
          </Button>
        </Callout>
      ) : (
        <ul className="grid gap-3">
          {sessions.data.map((session) => (
            <SessionRow key={session.id} session={session} onEnd={() => setEnding(session)} />
          ))}
        </ul>
      )}

      <ConfirmDialog
        open={ending !== null}
        onOpenChange={(next) => {
          if (!next) {
            setEnding(null);
            endOne.reset();
          }
        }}
        title={`Sign out ${ending ? deviceName(ending) : "this device"}?`}
        description="That browser is signed out at once: its next page or request asks for a sign-in again."
        confirmLabel="Sign out"
        pending={endOne.isPending || endOne.isSuccess}
        error={endOne.isError ? errorMessage(endOne.error) : undefined}
        onConfirm={() => ending && endOne.mutate(ending)}
      />
      <ConfirmDialog
        open={endingOthers}
        onOpenChange={(next) => {
          setEndingOthers(next);
          if (!next) endOthers.reset();
        }}
        title="Sign out everywhere else?"
        description={`${others === 1 ? "The other device is" : `All ${others} other devices are`} signed out at once. You stay signed in here.`}
        confirmLabel="Sign out everywhere else"
        pending={endOthers.isPending}
        error={endOthers.isError ? errorMessage(endOthers.error) : undefined}
        onConfirm={() => endOthers.mutate()}
      />
    </CardSection>
  );
}

function SessionRow({ session, onEnd }: { session: DeviceSession; onEnd: () => void }) {
  const Icon = isMobile(session) ? SmartphoneIcon : MonitorIcon;
  const name = deviceName(session);
  return (
    <li data-testid="session-row" className="flex flex-col gap-3 rounded-lg border px-4 py-3 sm:flex-row sm:items-center">
      <div className="flex min-w-0 flex-1 items-start gap-3">
        <span className="inline-flex size-9 shrink-0 items-center justify-center rounded-md bg-muted text-muted-foreground">
          <Icon className="size-4" />
        </span>
        <div className="grid min-w-0 gap-0.5">
          <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
            {name}
            {session.current && <Badge tone="green">This device</Badge>}
          </p>
          <p className="text-sm text-muted-foreground">
            {[session.ip, signInMethodLabel(session.method)].filter(Boolean).join(" · ")}
          </p>
          <p className="text-xs text-muted-foreground">
            <span title={formatDateTime(session.lastSeenAt)}>{session.current ? "Active now" : `Last active ${formatRelative(session.lastSeenAt)}`}</span>
            {" · "}
            <span>Signed in {formatDateTime(session.createdAt)}</span>
          </p>
        </div>
      </div>
      {!session.current && (
        <Button variant="secondary" size="sm" className="self-start sm:self-center" onClick={onEnd} aria-label={`Sign out ${name}`}>
          Sign out
        </Button>
      )}
    </li>
  );
}
