import { withOrg } from "@/lib/api/with-org";
import { transferOwnership } from "@/lib/members/service";
import { memberListSchema, transferOwnershipSchema } from "@/lib/members/schemas";

// members:manage keeps members and viewers out early; that only an owner (not an admin)
// may hand the org over is checked in the service.
export const POST = withOrg(
  {
    summary: "Transfer ownership",
    permission: "members:manage",
    body: transferOwnershipSchema,
    response: memberListSchema,
    recentAuth: true,
    errors: ["conflict"],
  },
  async ({ ctx, tx, body }) => ({
    data: await transferOwnership(ctx, tx, body.userId),
  }),
);
