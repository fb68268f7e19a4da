import { withUser } from "@/lib/api/with-user";
import { securityOverview } from "@/lib/auth/two-factor/service";

export const GET = withUser({}, ({ principal }) => securityOverview(principal.userId));
