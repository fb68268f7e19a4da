import type { Metadata } from "next";
import { OrgSettings } from "@/components/settings/org-settings";

export const metadata: Metadata = { title: "Settings" };

/** Everything here comes from the org layout (membership, role), so no query of its own. */
export default function SettingsPage() {
  return <OrgSettings />;
}
