"use client";

import { useId } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { DownloadIcon } from "@/components/ui/icons";
import { CopyButton } from "./copy-button";

function codesFile(codes: string[], email: string): string {
  return [
    "Tenantkit recovery codes",
    `Account: ${email}`,
    `Created: ${new Date().toISOString()}`,
    "",
    "Each code signs you in once when you cannot use your authenticator app.",
    "Keep them somewhere safe, such as a password manager.",
    "",
    ...codes,
    "",
  ].join("\n");
}

function download(codes: string[], email: string) {
  const url = URL.createObjectURL(new Blob([codesFile(codes, email)], { type: "text/plain;charset=utf-8" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: "tenantkit-recovery-codes.txt" });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  toast.success("Recovery codes downloaded");
}

type Props = {
  codes: string[];
  email: string;
  saved: boolean;
  onSavedChange: (saved: boolean) => void;
};

/**
 * Codes shown once, with the two ways to keep them and a checkbox that says they were
 * kept: the dialog around this closes only once it is ticked.
 */
export function RecoveryCodes({ codes, email, saved, onSavedChange }: Props) {
  const checkboxId = useId();
  return (
    <div className="grid gap-4">
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-x-4 gap-y-1.5 rounded-lg border bg-subtle px-4 py-3 font-mono text-sm">
        {codes.map((code) => (
          <li key={code} className="tabular-nums">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" onClick={() => download(codes, email)}>
          <DownloadIcon />
          Download .txt
        </Button>
        <CopyButton value={codes.join("\n")} label="Copy codes" copiedMessage="Recovery codes copied" />
      </div>
      <label htmlFor={checkboxId} className="flex items-start gap-3 rounded-lg border px-3.5 py-3 text-sm">
        <input id={checkboxId} type="checkbox" className="mt-0.5 size-4 shrink-0 accent-primary" checked={saved} onChange={(e) => onSavedChange(e.target.checked)} />
        <span>I saved my recovery codes somewhere safe. They won&apos;t be shown again.</span>
      </label>
    </div>
  );
}
