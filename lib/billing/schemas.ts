import { z } from "zod";
import { PLAN_IDS } from "./plans";

export const checkoutSchema = z.strictObject({ plan: z.enum(PLAN_IDS) });
export type CheckoutInput = z.infer<typeof checkoutSchema>;
