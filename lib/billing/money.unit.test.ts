import { expect, it } from "vitest";
import { formatMoney } from "./money";

it("formats Stripe's smallest-unit amounts in the invoice's currency", () => {
  expect(formatMoney(4800, "usd")).toBe("$48.00");
  expect(formatMoney(123456, "eur")).toBe("€1,234.56");
  // Zero-decimal currencies are not divided.
  expect(formatMoney(5000, "jpy")).toBe("¥5,000");
});
