"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { fetchJson } from "@/lib/api/fetch-json";
import type { Profile } from "@/lib/account/profile";
import { profileUpdateSchema, type ProfileUpdateInput } from "@/lib/account/schemas";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/components/forms/field-errors";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { CardSection } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

const LABELS = { name: "Name" };

/** The display name, with the initials avatar following it as it is typed. */
export function ProfileSection({ profile }: { profile: Profile }) {
  const router = useRouter();
  const [name, setName] = useState(profile.name ?? "");
  const [errors, setErrors] = useState<FieldErrors<"name">>({});

  const save = useMutation({
    mutationFn: (input: ProfileUpdateInput) => fetchJson<Profile>("/api/v1/me", { method: "PATCH", body: input }),
    onSuccess: (updated) => {
      setName(updated.name ?? "");
      toast.success("Profile updated");
      router.refresh();
    },
    onError: (error) => setErrors(apiFieldErrors(error, LABELS)),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = profileUpdateSchema.safeParse({ name });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, LABELS));
    setErrors({});
    save.mutate(parsed.data);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <CardSection
        headingId="account-profile"
        title="Profile"
        description="How you appear to the people in your organizations."
        footer={
          <Button type="submit" loading={save.isPending} disabled={name.trim() === (profile.name ?? "")}>
            Save
          </Button>
        }
      >
        <div className="flex flex-col gap-5 sm:flex-row sm:items-start sm:gap-6">
          <div className="flex items-center gap-3 sm:w-24 sm:flex-col sm:text-center">
            {/* Larger than the Avatar sizes, which are made for lists and menus. */}
            <Avatar label={name.trim() || profile.email} seed={profile.id} className="size-16! text-lg!" />
            <p className="text-xs text-muted-foreground">Your initials are your avatar.</p>
          </div>
          <div className="grid max-w-lg flex-1 gap-4">
            {errors.form && <Callout tone="error">{errors.form}</Callout>}
            <Field label="Name" error={errors.name} hint="Your full name, or the name you go by at work.">
              {(control) => (
                <Input {...control} name="name" autoComplete="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
              )}
            </Field>
          </div>
        </div>
      </CardSection>
    </form>
  );
}
