"use client";

import { useMutation } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { errorMessage } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { CardSection } from "@/components/ui/card";
import { DatabaseIcon } from "@/components/ui/icons";
import { downloadExport } from "./download-export";

export function DataSection() {
  const download = useMutation({
    mutationFn: downloadExport,
    onSuccess: () => toast.success("Your data was downloaded"),
    onError: (error) => toast.error("Could not download your data", { description: errorMessage(error) }),
  });

  return (
    <CardSection
      headingId="account-data"
      title="Your data"
      description="Download a copy of what we hold about you as a JSON file: your profile, linked sign-in providers, your organizations and roles, and the projects you created."
      footer={
        <Button variant="secondary" loading={download.isPending} onClick={() => download.mutate()}>
          {!download.isPending && <DatabaseIcon className="size-4" />}
          Download my data
        </Button>
      }
    />
  );
}
