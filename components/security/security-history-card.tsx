"use client";

import { useState } from "react";
import { describeUserAgent } from "@/components/audit/user-agent";
import { errorMessage } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { CardSection } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format-date";
import { HistoryIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { useSecurityEvents } from "./security-api";
import { securityEventLabel } from "./security-labels";

const FIRST_PAGE = 8;

/** The account's recent security events, newest first: what happened, when, from where. */
export function SecurityHistoryCard() {
  const events = useSecurityEvents();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? events.data : events.data?.slice(0, FIRST_PAGE);
  const hidden = (events.data?.length ?? 0) - (shown?.length ?? 0);

  return (
    <CardSection
      headingId="security-history"
      title="Security history"
      description="Sign-ins and changes to how your account is protected, from the last few months."
      footer={
        hidden > 0 && (
          <Button variant="ghost" size="sm" onClick={() => setShowAll(true)}>
            Show {hidden} more
          </Button>
        )
      }
    >
      {events.isPending ? (
        <div role="status" aria-label="Loading your security history" className="grid gap-3">
          {[0, 1, 2].map((i) => (
            <div key={i} className="grid gap-1.5">
              <Skeleton className="h-4 w-56 max-w-full" />
              <Skeleton className="h-3 w-72 max-w-full" />
            </div>
          ))}
        </div>
      ) : events.isError ? (
        <Callout tone="error" title="Couldn't load your security history">
          <p>{errorMessage(events.error)}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => void events.refetch()}>
            Try again
          </Button>
        </Callout>
      ) : shown && shown.length > 0 ? (
        <ol className="divide-y rounded-lg border">
          {shown.map((event) => (
            <li key={event.id} data-testid="security-event" className="grid gap-0.5 px-4 py-3 sm:grid-cols-[1fr_auto] sm:gap-x-4">
              <p className="text-sm font-medium">{securityEventLabel(event.type, event.details)}</p>
              <p className="text-xs text-muted-foreground sm:row-span-2 sm:self-center sm:text-right">
                <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
              </p>
              <p className="text-xs text-muted-foreground">
                {[event.userAgent ? describeUserAgent(event.userAgent) : null, event.ip].filter(Boolean).join(" · ") || "No device details"}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState icon={HistoryIcon} title="Nothing yet" description="Sign-ins and security changes will show up here." className="py-10" />
      )}
    </CardSection>
  );
}
