export type TextPart = { kind: "text" | "link"; value: string };

const url = /https?:\/\/[^\s<>"']+/g;
// Sentence punctuation right after a URL ("…/verify." or "(…/verify)") belongs to the sentence.
const trailingPunctuation = /[.,;:!?)\]]+$/;

/** Splits plain text into text and http(s) URLs, so a page can render the URLs as links. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(url)) {
    const link = match[0].replace(trailingPunctuation, "");
    if (match.index > last) parts.push({ kind: "text", value: text.slice(last, match.index) });
    parts.push({ kind: "link", value: link });
    last = match.index + link.length;
  }
  if (last < text.length) parts.push({ kind: "text", value: text.slice(last) });
  return parts;
}
