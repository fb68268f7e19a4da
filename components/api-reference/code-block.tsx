/** Preformatted example text, scrollable sideways rather than wrapping. */
export function CodeBlock({ label, children }: { label: string; children: string }) {
  return (
    <figure className="grid gap-1.5">
      <figcaption className="text-xs font-medium text-muted-foreground">{label}</figcaption>
      <pre className="overflow-x-auto rounded-lg border bg-subtle p-3 font-mono text-xs leading-5">
        <code>{children}</code>
      </pre>
    </figure>
  );
}
