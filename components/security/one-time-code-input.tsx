import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";

/** Apps show codes as "123 456"; people paste them with spaces or dashes. */
export const normalizeCode = (value: string) => value.replace(/[\s-]/g, "");

type Props = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  autoFocus?: boolean;
  className?: string;
};

/** A 6-digit authenticator code: numeric keypad on phones, and the OS can fill it in. */
export function OneTimeCodeInput({ value, onChange, className, ...props }: Props) {
  return (
    <Input
      {...props}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]*"
      maxLength={7}
      spellCheck={false}
      placeholder="123456"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className={cn("h-11 max-w-48 text-center font-mono text-lg tracking-[0.3em] tabular-nums", className)}
    />
  );
}
