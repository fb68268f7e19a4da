"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { fetchJson } from "@/lib/api/fetch-json";
import { orgUpdateSchema, type OrgUpdateInput } from "@/lib/orgs/schemas";
import type { OrgSummary } from "@/lib/orgs/service";
import { queryKeys } from "@/lib/query-keys";
import { useCan, useDashboard, useWriteBlock } from "@/components/dashboard/dashboard-context";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { CardSection } from "@/components/ui/card";
import { Callout } from "@/components/ui/callout";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PrefixedInput } from "@/components/ui/prefixed-input";

const LABELS = { name: "Name", slug: "URL" };

/** Rename the org or move it to a new URL (then the page follows it there). */
export function OrgGeneralForm() {
  const { org } = useDashboard();
  const canUpdate = useCan("org:update");
  const block = useWriteBlock("org:update");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState(org.name);
  const [slug, setSlug] = useState(org.slug);
  const [errors, setErrors] = useState<FieldErrors<"name" | "slug">>({});

  const save = useMutation({
    mutationFn: (changes: OrgUpdateInput) => fetchJson<OrgSummary>(`/api/v1/orgs/${encodeURIComponent(org.slug)}`, { method: "PATCH", body: changes }),
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.orgs() });
      toast.success("Organization updated");
      setName(updated.name);
      setSlug(updated.slug);
      // A new slug is a new address: move there. A new name only needs the layout re-rendered.
      if (updated.slug !== org.slug) router.replace(`/dashboard/${updated.slug}/settings`);
      else router.refresh();
    },
    onError: (error) => setErrors(apiFieldErrors(error, LABELS)),
  });

  const changes: OrgUpdateInput = {
    ...(name.trim() !== org.name ? { name } : {}),
    ...(slug.trim().toLowerCase() !== org.slug ? { slug } : {}),
  };
  const dirty = Object.keys(changes).length > 0;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = orgUpdateSchema.safeParse(changes);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, LABELS));
    setErrors({});
    save.mutate(parsed.data);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <CardSection
        headingId="settings-general"
        title="General"
        description="The organization's name and the address of its dashboard."
        footer={
          canUpdate ? (
            <Button type="submit" loading={save.isPending} title={block.title} aria-describedby={block["aria-describedby"]} disabled={!dirty || block.disabled}>
              Save
            </Button>
          ) : (
            <p className="mr-auto text-sm text-muted-foreground">Only owners and admins can change these settings.</p>
          )
        }
      >
        <div className="grid max-w-lg gap-4">
          {errors.form && <Callout tone="error">{errors.form}</Callout>}
          <Field label="Name" error={errors.name}>
            {(control) => (
              <Input {...control} name="name" required autoComplete="organization" disabled={!canUpdate} value={name} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
          <Field label="URL" error={errors.slug} hint="Changing it breaks links and bookmarks to the old address.">
            {(control) => (
              <PrefixedInput
                {...control}
                prefix="/dashboard/"
                name="slug"
                required
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                disabled={!canUpdate}
                value={slug}
                onChange={(e) => setSlug(e.target.value)}
              />
            )}
          </Field>
        </div>
      </CardSection>
    </form>
  );
}
