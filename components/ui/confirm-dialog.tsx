"use client";

import type { FormEvent, ReactNode } from "react";
import { Button } from "./button";
import { Callout } from "./callout";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "./dialog";

type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  /** Danger for what cannot be undone. */
  tone?: "danger" | "primary";
  pending?: boolean;
  /** Why the last attempt failed, shown inside the dialog so the context stays. */
  error?: string;
  confirmDisabled?: boolean;
  children?: ReactNode;
};

/** "Are you sure?" for destructive actions; Enter confirms, Escape or Cancel backs out. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  onConfirm,
  tone = "danger",
  pending = false,
  error,
  confirmDisabled = false,
  children,
}: ConfirmDialogProps) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmDisabled && !pending) onConfirm();
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent title={title} description={description} size="sm">
        <form onSubmit={onSubmit} className="grid gap-4">
          {error && <Callout tone="error">{error}</Callout>}
          {children}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant={tone} loading={pending} disabled={confirmDisabled}>
              {confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
