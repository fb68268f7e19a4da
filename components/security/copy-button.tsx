"use client";

import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { CheckIcon, CopyIcon } from "@/components/ui/icons";

/** Copies `value` to the clipboard and says so, on the button and in a toast. */
export function CopyButton({ value, label, copiedMessage, className }: { value: string; label: string; copiedMessage: string; className?: string }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      toast.error("Couldn't copy", { description: "Your browser blocked the clipboard. Select the text and copy it instead." });
      return;
    }
    setCopied(true);
    toast.success(copiedMessage);
    setTimeout(() => setCopied(false), 2000);
  }

  return (
    <Button variant="secondary" size="sm" className={className} onClick={() => void copy()}>
      {copied ? <CheckIcon /> : <CopyIcon />}
      {copied ? "Copied" : label}
    </Button>
  );
}
