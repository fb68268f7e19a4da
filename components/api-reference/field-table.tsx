import type { Field } from "@/lib/openapi/fields";
import { cn } from "@/components/ui/cn";

// Nested fields step in by depth; classes, not inline styles, which the CSP would refuse.
const INDENT = ["pl-3", "pl-7", "pl-11", "pl-15"];

/** A schema's fields as a table: name (indented by depth), type, required, constraints and meaning. */
export function FieldTable({ fields, caption }: { fields: Field[]; caption: string }) {
  if (fields.length === 0) return null;
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-subtle text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Field
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Type
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {fields.map((field) => {
            const depth = field.name.split(".").length - 1;
            return (
              <tr key={field.name} className="align-top">
                <td className={cn("py-2 pr-3 whitespace-nowrap", INDENT[Math.min(depth, INDENT.length - 1)])}>
                  <code className="font-mono text-xs font-medium">{field.name.split(".").pop()}</code>
                  {field.required && <span className="ml-1.5 text-xs text-danger-text">required</span>}
                </td>
                <td className="px-3 py-2">
                  <code className="font-mono text-xs break-words text-muted-foreground">{field.type}</code>
                </td>
                <td className="px-3 py-2 text-xs text-muted-foreground">
                  {[field.description, ...field.notes].filter(Boolean).map((line) => (
                    <p key={line} className="break-words">
                      {line}
                    </p>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
