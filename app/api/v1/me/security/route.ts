import { withUser } from "@/lib/api/with-user";
import { securityOverviewSchema } from "@/lib/auth/two-factor/schemas";
import { securityOverview } from "@/lib/auth/two-factor/service";

export const GET = withUser({ summary: "Get your security overview", response: securityOverviewSchema }, ({ principal }) => securityOverview(principal.userId));
