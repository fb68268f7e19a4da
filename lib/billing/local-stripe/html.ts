/** HTML for the stand-in's pages: every interpolated value is escaped unless it is markup built here. */

class Markup {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Value = Markup | string | number | null | undefined | false | Value[];

function render(value: Value): string {
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/** A template whose interpolations are escaped; nested `html` results are kept as markup. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  return new Markup(strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i]!) : ""), ""));
}

export type { Markup };

export const money = (cents: number, currency = "usd") =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);

export const day = (seconds: unknown) =>
  typeof seconds === "number" ? new Date(seconds * 1000).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }) : "—";

const STYLE = `
:root { color-scheme: light dark; --bg: #f6f7f9; --card: #fff; --text: #1b1f24; --muted: #5b6470; --line: #dde1e6;
  --accent: #4f46e5; --accent-text: #fff; --warn-bg: #fff4d6; --warn-text: #6b4a00; --danger: #b42318; --good: #067647; }
@media (prefers-color-scheme: dark) { :root { --bg: #0f1115; --card: #181b21; --text: #e7e9ec; --muted: #9aa3ae; --line: #2b3038;
  --accent: #8b85ff; --accent-text: #0f1115; --warn-bg: #3a2f0b; --warn-text: #ffd98a; --danger: #ff8a80; --good: #6ce9a6; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--bg); color: var(--text); }
.banner { background: var(--warn-bg); color: var(--warn-text); padding: .6rem 1rem; text-align: center; font-weight: 600; font-size: .9rem; }
main { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: .75rem; padding: 1.5rem; margin-bottom: 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; margin: 0 0 .75rem; }
.muted { color: var(--muted); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1.5rem; margin: 0; } dt { color: var(--muted); } dd { margin: 0; }
.total { display: flex; justify-content: space-between; border-top: 1px solid var(--line); margin-top: 1rem; padding-top: 1rem; font-weight: 600; font-size: 1.1rem; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin-top: 1.25rem; }
form { margin: 0; }
button { font: inherit; font-weight: 600; border-radius: .5rem; padding: .55rem 1.1rem; cursor: pointer; border: 1px solid var(--accent); background: var(--accent); color: var(--accent-text); }
button.secondary { background: transparent; color: var(--text); border-color: var(--line); }
button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
a { color: var(--accent); }
label { display: block; font-weight: 600; margin-bottom: .35rem; }
input { font: inherit; padding: .5rem .6rem; border-radius: .5rem; border: 1px solid var(--line); background: var(--bg); color: var(--text); width: 100%; max-width: 22rem; }
table { width: 100%; border-collapse: collapse; } th, td { text-align: left; padding: .45rem .25rem; border-bottom: 1px solid var(--line); } th { color: var(--muted); font-weight: 500; font-size: .9rem; }
.status { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; border: 1px solid var(--line); font-size: .85rem; }
.status.bad { color: var(--danger); border-color: var(--danger); }
.status.good { color: var(--good); border-color: var(--good); }
`;

/** A full page with the test-mode banner on top, so nobody mistakes it for a real payment page. */
export function page(title: string, body: Markup): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Test mode</title>
<style>${new Markup(STYLE)}</style>
</head>
<body>
<div class="banner" role="note">Test mode — local Stripe stand-in, no real money</div>
<main>${body}</main>
</body>
</html>`.text;
}
