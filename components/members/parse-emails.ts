/** Splits what people paste or type (commas, semicolons, spaces, new lines) into addresses. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.replace(/^<|>$/g, "").trim())
    .filter(Boolean);
}

/** `existing` plus the new addresses, each once (case-insensitively), in the order given. */
export function addEmails(existing: readonly string[], text: string): string[] {
  const seen = new Set(existing.map((e) => e.toLowerCase()));
  const added = splitEmails(text).filter((email) => {
    const key = email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...existing, ...added];
}
