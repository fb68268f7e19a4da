import { ERROR_STATUS, type ErrorCode } from "@/lib/api/errors";
import { PROBLEM_TITLES } from "@/lib/api/problem";
import { problemAnchor } from "@/lib/api/problem-type";
import { PROBLEM_DOCS } from "@/lib/openapi/problems";
import { RichText } from "./rich-text";

const CODES = (Object.keys(ERROR_STATUS) as ErrorCode[]).sort((a, b) => ERROR_STATUS[a] - ERROR_STATUS[b]);

/** Every problem `code`, where its `type` URI points. */
export function ProblemList() {
  return (
    <dl className="divide-y rounded-xl border bg-surface">
      {CODES.map((code) => (
        <div
          key={code}
          id={problemAnchor(code)}
          data-search={`${code} ${ERROR_STATUS[code]} ${PROBLEM_TITLES[code]} problem error`.toLowerCase()}
          className="scroll-mt-24 grid gap-1 p-4 sm:grid-cols-[14rem_1fr] sm:gap-4"
        >
          <dt className="grid content-start gap-0.5">
            <code className="font-mono text-sm font-medium break-all">{code}</code>
            <span className="text-xs text-muted-foreground">
              {ERROR_STATUS[code]} · {PROBLEM_TITLES[code]}
            </span>
          </dt>
          <dd className="text-sm leading-6 text-muted-foreground">
            <RichText text={PROBLEM_DOCS[code]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
