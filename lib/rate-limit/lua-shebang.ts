const UPSTASH_ONLY_FLAG = "allow-key-locking";

/**
 * @upstash/ratelimit's scripts start with `#!lua flags=allow-key-locking`, a flag only Upstash
 * knows; Redis 7 rejects the whole script ("Unexpected flag in script shebang"). Drop that flag,
 * and the shebang line with it when no other flag is left, so the script runs as a plain EVAL
 * script. Any other script is returned unchanged.
 */
export function withoutUpstashFlags(script: string): string {
  const newline = script.indexOf("\n");
  const firstLine = newline === -1 ? script : script.slice(0, newline);
  const flagList = /^#!lua\s+flags=(\S*)\s*$/.exec(firstLine)?.[1];
  if (flagList === undefined) return script;

  const flags = flagList.split(",");
  if (!flags.includes(UPSTASH_ONLY_FLAG)) return script;

  const kept = flags.filter((flag) => flag !== "" && flag !== UPSTASH_ONLY_FLAG);
  const body = newline === -1 ? "" : script.slice(newline + 1);
  return kept.length === 0 ? body : `#!lua flags=${kept.join(",")}\n${body}`;
}
