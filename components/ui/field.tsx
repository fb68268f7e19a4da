import { useId, type ReactNode } from "react";
import { cn } from "./cn";

/** What a control needs to be tied to its label, hint and error for assistive tech. */
type ControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

type FieldProps = {
  label: ReactNode;
  /** Hides the label visually (it is still the control's accessible name). */
  hideLabel?: boolean;
  /** Sits at the end of the label row, e.g. a "Forgot password?" link. */
  labelAction?: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

/** Label, control, hint and inline error, with the ids wired so the error is announced. */
export function Field({ label, hideLabel = false, labelAction, hint, error, optional = false, className, children }: FieldProps) {
  const id = useId();
  // The error replaces the hint, so only one of them describes the control at a time.
  const errorId = error ? `${id}-error` : undefined;
  const hintId = hint && !error ? `${id}-hint` : undefined;
  const describedBy = errorId ?? hintId;

  return (
    <div className={cn("grid gap-1.5", className)}>
      <div className={cn("flex items-baseline justify-between gap-3", hideLabel && !labelAction && "contents")}>
        <label htmlFor={id} className={cn("text-sm font-medium text-foreground", hideLabel && "sr-only")}>
          {label}
          {/* Hidden from the accessible name: the control simply is not `required`. */}
          {optional && (
            <span aria-hidden="true" className="ml-1 font-normal text-muted-foreground">
              (optional)
            </span>
          )}
        </label>
        {labelAction}
      </div>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error && (
        <p id={errorId} className="text-sm text-danger-text">
          {error}
        </p>
      )}
      {hintId && (
        <p id={hintId} className="text-sm text-muted-foreground">
          {hint}
        </p>
      )}
    </div>
  );
}
