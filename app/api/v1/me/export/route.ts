import { withUser } from "@/lib/api/with-user";
import { exportDownload } from "@/lib/account/export-download";
import { exportAccountData } from "@/lib/account/export-data";

export const GET = withUser({}, async ({ principal }) => exportDownload(await exportAccountData(principal.userId)));
