import { redirect } from "next/navigation";
import { requireCurrentUser } from "@/lib/auth/session";
import { listOrgsForUser } from "@/lib/orgs/service";

/** The dashboard's front door: the first org's projects, or creating one. */
export default async function DashboardIndex() {
  const { user } = await requireCurrentUser("/dashboard");
  const [first] = await listOrgsForUser(user.id);
  redirect(first ? `/dashboard/${first.slug}/projects` : "/dashboard/new");
}
