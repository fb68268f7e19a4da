"use client";

import { useState, type ReactNode } from "react";
import { Dialog, DialogContent } from "./dialog";

type Props<T> = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  /** Title once the thing is made and its secret is on screen. */
  revealTitle: string;
  form: (onCreated: (created: T) => void) => ReactNode;
  reveal: (created: T) => ReactNode;
};

/**
 * Creates something that carries a secret (an API key, a webhook signing secret), then shows
 * the secret this one time. Closing forgets it, so the next opening starts with the form.
 */
export function SecretOnceDialog<T>({ open, onOpenChange, title, description, revealTitle, form, reveal }: Props<T>) {
  const [created, setCreated] = useState<T | null>(null);
  const onChange = (next: boolean) => {
    onOpenChange(next);
    if (!next) setCreated(null);
  };
  return (
    <Dialog open={open} onOpenChange={onChange}>
      <DialogContent
        title={created ? revealTitle : title}
        description={created ? undefined : description}
        // The secret is on screen: closing by a stray click outside would lose it.
        onInteractOutside={(event) => created && event.preventDefault()}
      >
        {created ? reveal(created) : form(setCreated)}
      </DialogContent>
    </Dialog>
  );
}
