"use client";

import { useState, type FormEvent } from "react";
import type { WebhookEventType } from "@/lib/webhooks/events";
import { webhookEndpointCreateSchema, type WebhookEndpointWithSecretDto } from "@/lib/webhooks/schemas";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { DialogClose, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SecretOnceDialog } from "@/components/ui/secret-once-dialog";
import { EVENT_GROUPS, eventDescription } from "./labels";
import { SecretReveal } from "./secret-reveal";
import { useWebhookMutations } from "./use-webhooks";

const LABELS = { url: "URL", description: "Description", eventTypes: "Events" };

/** Adds an endpoint, then shows its signing secret once. */
export function AddEndpointDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <SecretOnceDialog<WebhookEndpointWithSecretDto>
      open={open}
      onOpenChange={onOpenChange}
      title="Add a webhook endpoint"
      description="We POST each chosen event to this URL as signed JSON."
      revealTitle="Copy the signing secret"
      form={(onCreated) => <EndpointForm onCreated={onCreated} />}
      reveal={(created) => <SecretReveal secret={created.secret} url={created.url} />}
    />
  );
}

function EndpointForm({ onCreated }: { onCreated: (created: WebhookEndpointWithSecretDto) => void }) {
  const { create } = useWebhookMutations();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<Set<WebhookEventType>>(new Set());
  const [errors, setErrors] = useState<FieldErrors<keyof typeof LABELS>>({});

  const toggle = (type: WebhookEventType, on: boolean) => {
    setEvents((current) => {
      const next = new Set(current);
      if (on) next.add(type);
      else next.delete(type);
      return next;
    });
    setErrors({});
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = { url, description, eventTypes: [...events] };
    const parsed = webhookEndpointCreateSchema.safeParse(body);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, LABELS));
    create.mutate(body, { onSuccess: onCreated, onError: (error) => setErrors(apiFieldErrors(error, LABELS)) });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {errors.form && <Callout tone="error">{errors.form}</Callout>}
      <Field label="URL" hint="A public https:// address of your receiver." error={errors.url}>
        {(control) => (
          <Input
            {...control}
            name="url"
            type="url"
            inputMode="url"
            required
            placeholder="https://example.com/webhooks/tenantkit"
            autoComplete="off"
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              setErrors({});
            }}
          />
        )}
      </Field>
      <Field label="Description" optional error={errors.description}>
        {(control) => <Input {...control} name="description" maxLength={200} autoComplete="off" value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <fieldset className="grid gap-3" aria-describedby={errors.eventTypes ? "webhook-events-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">Events</legend>
        {EVENT_GROUPS.map((group) => (
          <div key={group.label} className="grid gap-1.5">
            <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{group.label}</p>
            {group.events.map((type) => {
              const id = `webhook-event-${type.replace(".", "-")}`;
              return (
                <div key={type} className="flex items-start gap-2.5 text-sm">
                  <input
                    id={id}
                    type="checkbox"
                    aria-describedby={`${id}-hint`}
                    className="mt-0.5 size-4 accent-current"
                    checked={events.has(type)}
                    onChange={(e) => toggle(type, e.target.checked)}
                  />
                  <span className="grid">
                    <label htmlFor={id} className="font-mono text-xs">
                      {type}
                    </label>
                    <span id={`${id}-hint`} className="text-muted-foreground">
                      {eventDescription(type)}
                    </span>
                  </span>
                </div>
              );
            })}
          </div>
        ))}
        {errors.eventTypes && (
          <p id="webhook-events-error" className="text-sm text-danger-text">
            {errors.eventTypes}
          </p>
        )}
      </fieldset>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={create.isPending}>
          Add endpoint
        </Button>
      </DialogFooter>
    </form>
  );
}
