import type { CSSProperties, ReactNode } from "react";
import { env } from "@/lib/env";

// Email clients ignore <style> blocks and modern CSS unevenly: inline styles, tables for
// layout, system fonts and a fixed light palette render the same in Gmail, Outlook and Apple Mail.
const font = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const colors = { text: "#18181b", muted: "#71717a", border: "#e4e4e7", page: "#f4f4f5", accent: "#18181b" };

export const textStyle: CSSProperties = { margin: "0 0 16px", fontSize: "15px", lineHeight: "24px", color: colors.text };
export const mutedStyle: CSSProperties = { ...textStyle, fontSize: "13px", lineHeight: "20px", color: colors.muted };
export const headingStyle: CSSProperties = { margin: "0 0 16px", fontSize: "20px", lineHeight: "28px", fontWeight: 600, color: colors.text };

/** The frame every Tenantkit email shares: preview line, centred card, product name below. */
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- an email document, not a Next.js page */}
      <head>
        <meta httpEquiv="Content-Type" content="text/html; charset=UTF-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
      </head>
      <body style={{ margin: 0, padding: 0, backgroundColor: colors.page, fontFamily: font }}>
        {/* The inbox list shows this line next to the subject; hidden in the message itself. */}
        <div style={{ display: "none", overflow: "hidden", maxHeight: 0, opacity: 0 }}>{preview}</div>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ backgroundColor: colors.page }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: "40px 16px" }}>
                <table
                  role="presentation"
                  width="100%"
                  cellPadding={0}
                  cellSpacing={0}
                  style={{ maxWidth: "520px", backgroundColor: "#ffffff", border: `1px solid ${colors.border}`, borderRadius: "8px" }}
                >
                  <tbody>
                    <tr>
                      <td style={{ padding: "32px", fontFamily: font }}>{children}</td>
                    </tr>
                  </tbody>
                </table>
                <p style={{ ...mutedStyle, margin: "16px 0 0", fontFamily: font }}>{env.APP_NAME}</p>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

/** A link styled as a button; a plain <a> so it works in every client without images or VML. */
export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <table role="presentation" cellPadding={0} cellSpacing={0} style={{ margin: "24px 0" }}>
      <tbody>
        <tr>
          <td style={{ borderRadius: "6px", backgroundColor: colors.accent }}>
            <a
              href={href}
              target="_blank"
              style={{
                display: "inline-block",
                padding: "12px 24px",
                fontFamily: font,
                fontSize: "15px",
                fontWeight: 600,
                lineHeight: "20px",
                color: "#ffffff",
                textDecoration: "none",
                borderRadius: "6px",
              }}
            >
              {children}
            </a>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** The raw URL under a button, for clients that strip buttons and for copying. */
export function RawLink({ href }: { href: string }) {
  return (
    <p style={{ ...mutedStyle, wordBreak: "break-all" }}>
      Or paste this link into your browser:
      <br />
      <a href={href} target="_blank" style={{ color: colors.text }}>
        {href}
      </a>
    </p>
  );
}
