"use client";

import { useState, type FormEvent } from "react";
import { apiKeyCreateSchema, apiKeyRoleSchema, type ApiKeyRoleName, type CreatedApiKeyDto } from "@/lib/api-keys/schemas";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/components/forms/field-errors";
import { CopyButton } from "@/components/security/copy-button";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { DialogClose, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { SecretOnceDialog } from "@/components/ui/secret-once-dialog";
import { useApiKeyMutations } from "./use-api-keys";

export const ROLE_LABELS: Record<ApiKeyRoleName, string> = { read_only: "Read-only", read_write: "Read and write" };
const ROLE_HINTS: Record<ApiKeyRoleName, string> = {
  read_only: "Reads the organization, its members and projects, like a viewer.",
  read_write: "Also creates, edits and deletes projects, like a member. Never manages people, keys or billing.",
};

/** Days until expiry; 0 never expires. */
const EXPIRIES = [
  { days: 30, label: "In 30 days" },
  { days: 90, label: "In 90 days" },
  { days: 365, label: "In a year" },
  { days: 0, label: "Never" },
] as const;

type Values = { name: string; role: ApiKeyRoleName; days: number };
const LABELS = { name: "Name", role: "Access", expiresAt: "Expiry" };

export function CreateKeyDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <SecretOnceDialog<CreatedApiKeyDto>
      open={open}
      onOpenChange={onOpenChange}
      title="Create an API key"
      description="Your code sends it as a Bearer token to act on this organization."
      revealTitle="Copy your API key"
      form={(onCreated) => <CreateKeyForm onCreated={onCreated} />}
      reveal={(created) => <RevealKey created={created} />}
    />
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (created: CreatedApiKeyDto) => void }) {
  const { create } = useApiKeyMutations();
  const [values, setValues] = useState<Values>({ name: "", role: "read_only", days: 90 });
  const [errors, setErrors] = useState<FieldErrors<keyof typeof LABELS>>({});

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors({});
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const expiresAt = values.days ? new Date(Date.now() + values.days * 86_400_000).toISOString() : undefined;
    const body = { name: values.name, role: values.role, expiresAt };
    const parsed = apiKeyCreateSchema.safeParse(body);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, LABELS));
    create.mutate(body, { onSuccess: onCreated, onError: (error) => setErrors(apiFieldErrors(error, LABELS)) });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {errors.form && <Callout tone="error">{errors.form}</Callout>}
      <Field label="Name" hint="Where the key is used, such as “CI deploys”." error={errors.name}>
        {(control) => <Input {...control} name="name" required maxLength={100} autoComplete="off" value={values.name} onChange={(e) => set("name", e.target.value)} />}
      </Field>
      <Field label="Access" hint={ROLE_HINTS[values.role]} error={errors.role}>
        {(control) => (
          <Select
            {...control}
            name="role"
            value={values.role}
            onChange={(e) => {
              const role = apiKeyRoleSchema.safeParse(e.target.value);
              if (role.success) set("role", role.data);
            }}
          >
            {apiKeyRoleSchema.options.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Expires" error={errors.expiresAt}>
        {(control) => (
          <Select {...control} name="expiry" value={values.days} onChange={(e) => set("days", Number(e.target.value))}>
            {EXPIRIES.map((e) => (
              <option key={e.days} value={e.days}>
                {e.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={create.isPending}>
          Create key
        </Button>
      </DialogFooter>
    </form>
  );
}

function RevealKey({ created }: { created: CreatedApiKeyDto }) {
  return (
    <div className="grid gap-4">
      <Callout tone="warning" title="You won't see this key again">
        Copy it now and keep it somewhere safe, such as your CI secret store. Tenantkit keeps only a hash of it: if you lose it, revoke it and create
        another.
      </Callout>
      <div className="grid gap-1.5">
        <p className="text-sm font-medium">{created.name}</p>
        <code data-testid="api-key-secret" className="rounded-lg border bg-subtle px-3 py-2.5 font-mono text-sm break-all select-all">
          {created.key}
        </code>
      </div>
      <DialogFooter>
        <CopyButton value={created.key} label="Copy key" copiedMessage="API key copied" />
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </DialogFooter>
    </div>
  );
}
